"""An incoming record: a Document received and registered by one agency (văn bản đến)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency
from vanthu.core.models import TimeStampedModel
from vanthu.documents.models import Document, NumberAllocation, RegisterBook
from vanthu.incoming.enums import Channel, IncomingStatus


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
        ]
        indexes = [
            models.Index(fields=["agency", "-arrival_date", "-id"], name="incoming_register"),
            models.Index(fields=["agency", "status", "due_date"], name="incoming_status_due"),
            models.Index(fields=["agency", "organ_folded"], name="incoming_organ"),
        ]

    def __str__(self) -> str:
        return f"{self.arrival_number:02d}/{self.arrival_year} {self.document}"
