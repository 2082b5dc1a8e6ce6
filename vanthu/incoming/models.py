"""Incoming documents: the registration of a Document by one agency (văn bản đến), the
deliveries between agencies of the installation, and the routing rules applied at registration.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.errors import ConflictError
from vanthu.core.models import TimeStampedModel
from vanthu.documents.models import Document, DocumentType, NumberAllocation, RegisterBook
from vanthu.incoming.enums import (
    CLOSED_DELIVERY_STATUSES,
    Channel,
    DeliveryStatus,
    IncomingStatus,
)


class IncomingRecalledError(ConflictError):
    """The sender recalled the document: its incoming record is frozen."""

    code: ClassVar[str] = "incoming_recalled"
    default_message = _(
        "Cơ quan gửi đã thu hồi văn bản này; văn bản đến được giữ nguyên để tra cứu và không "
        "xử lý tiếp được."
    )


class IncomingRecord(TimeStampedModel):
    """The registration of a Document in an agency's incoming register, and its handling."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản"),
        on_delete=models.PROTECT,
        related_name="incoming_records",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT, related_name="+"
    )
    register_book = models.ForeignKey(
        RegisterBook, verbose_name=_("sổ đăng ký"), on_delete=models.PROTECT, related_name="+"
    )
    allocation = models.OneToOneField(
        NumberAllocation,
        verbose_name=_("số đã cấp"),
        on_delete=models.PROTECT,
        related_name="incoming_record",
    )
    arrival_number = models.PositiveIntegerField(_("số đến"))
    arrival_year = models.PositiveSmallIntegerField(_("năm"))
    arrival_date = models.DateField(_("ngày đến"))
    channel = models.CharField(
        _("hình thức nhận"), max_length=12, choices=Channel.choices, default=Channel.PAPER
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("văn thư tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=IncomingStatus.choices,
        default=IncomingStatus.REGISTERED,
    )
    due_date = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    organ_folded = models.CharField(
        _("cơ quan ban hành (không dấu)"), max_length=200, editable=False
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("trùng với"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    duplicate_reason = models.CharField(_("lý do đăng ký lại"), max_length=500, blank=True)
    urgency_rank = models.PositiveSmallIntegerField(
        _("mức khẩn (để sắp xếp)"), default=0, editable=False
    )
    proposal = models.TextField(_("đề xuất của người giải quyết"), blank=True)
    reply_reference = models.CharField(_("văn bản trả lời"), max_length=255, blank=True)
    recalled_at = models.DateTimeField(_("bị thu hồi lúc"), null=True, blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi (cơ quan gửi)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recall_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "register_book", "arrival_year", "arrival_number"],
                name="incoming_arrival_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_reason=""),
                name="incoming_duplicate_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(recalled_at__isnull=True) | ~Q(recall_reason=""),
                name="incoming_recall_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "-arrival_date", "-id"], name="incoming_register"),
            models.Index(fields=["agency", "status", "due_date"], name="incoming_status_due"),
            models.Index(fields=["agency", "organ_folded"], name="incoming_organ"),
            models.Index(fields=["agency", "-urgency_rank", "-id"], name="incoming_urgency"),
        ]

    def __str__(self) -> str:
        return f"{self.arrival_number:02d}/{self.arrival_year} {self.document}"

    @property
    def is_recalled(self) -> bool:
        """Whether the sender recalled the document (the record is then frozen)."""
        return self.recalled_at is not None

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, unless the record is recalled: a recalled record never changes again.

        ``delivery_withdraw`` marks the record recalled with a queryset update, so every
        handling step that saves the record afterwards (``transitions.transition``) is refused.
        """
        if not self._state.adding and self.recalled_at is not None:
            raise IncomingRecalledError
        super().save(*args, **kwargs)


class IncomingDelivery(TimeStampedModel):
    """A Document sent by one agency of the installation to another, waiting to be received.

    Accepting it registers the same Document (never a copy) in the receiver's incoming book;
    refusing it returns it with a reason the sender sees. The sender may withdraw it (thu hồi)
    at any time: it leaves the queue, and a record already registered from it is frozen.
    """

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="deliveries"
    )
    from_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan gửi"), on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("gửi lúc"))
    queue_order = models.PositiveSmallIntegerField(
        _("thứ tự trong hàng chờ"), default=0, editable=False
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    refusal_reason = models.CharField(_("lý do từ chối"), max_length=500, blank=True)
    accepted_record = models.OneToOneField(
        IncomingRecord,
        verbose_name=_("văn bản đến đã vào sổ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delivery",
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
    withdrawal_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("văn bản chờ tiếp nhận")
        verbose_name_plural = _("văn bản chờ tiếp nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "to_agency"],
                condition=~Q(status__in=CLOSED_DELIVERY_STATUSES),
                name="delivery_one_live_per_receiver",
            ),
            models.CheckConstraint(
                condition=~Q(from_agency=models.F("to_agency")),
                name="delivery_not_to_itself",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.REFUSED) | ~Q(refusal_reason=""),
                name="delivery_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.ACCEPTED) | Q(accepted_record__isnull=False),
                name="delivery_accepted_has_record",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.WITHDRAWN)
                | (Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")),
                name="delivery_withdrawal_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["to_agency", "status", "queue_order", "id"], name="delivery_queue"
            ),
            models.Index(fields=["from_agency", "status", "-id"], name="delivery_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.from_agency} → {self.to_agency}: {self.document}"


class RoutingRule(models.Model):
    """An agency's rule: documents of this type go straight to this unit at registration."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị giải quyết"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("quy định chuyển thẳng")
        verbose_name_plural = _("quy định chuyển thẳng")
        constraints = [
            models.UniqueConstraint(fields=["agency", "document_type"], name="routing_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document_type} → {self.unit}"
