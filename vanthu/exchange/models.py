"""The link between an outgoing recipient and the delivery into the receiving agency's queue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.core.models import TimeStampedModel
from vanthu.incoming.models import IncomingDelivery
from vanthu.outgoing.models import Distribution


class ExchangeLink(TimeStampedModel):
    """One outgoing recipient agency and its incoming delivery; the withdrawal trail on recall."""

    distribution = models.OneToOneField(
        Distribution,
        verbose_name=_("nơi nhận văn bản đi"),
        on_delete=models.PROTECT,
        related_name="exchange_link",
    )
    delivery = models.OneToOneField(
        IncomingDelivery,
        verbose_name=_("văn bản chờ tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="exchange_link",
    )
    withdrawn_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdraw_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)
    receiver_state_at_withdrawal = models.CharField(
        _("tình trạng bên nhận khi thu hồi"), max_length=20, blank=True
    )

    class Meta:
        verbose_name = _("liên thông văn bản")
        verbose_name_plural = _("liên thông văn bản")

    def __str__(self) -> str:
        return f"{self.distribution_id} → {self.delivery_id}"
