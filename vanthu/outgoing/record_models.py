"""Issued outgoing records, their distribution per recipient, and copies (imported by models.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.documents.models import Blob, Document, NumberAllocation, RegisterBook
from vanthu.outgoing.enums import CopyForm, DistributionKind, DistributionStatus, RecordStatus


class OutgoingRecord(TimeStampedModel):
    """The registration of an issued document in the agency's outgoing register."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    draft = models.OneToOneField(
        "outgoing.OutgoingDraft",
        verbose_name=_("dự thảo"),
        on_delete=models.PROTECT,
        related_name="record",
    )
    document = models.OneToOneField(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="outgoing"
    )
    register_book = models.ForeignKey(
        RegisterBook, verbose_name=_("sổ đăng ký"), on_delete=models.PROTECT, related_name="+"
    )
    allocation = models.OneToOneField(
        NumberAllocation,
        verbose_name=_("số đã cấp"),
        on_delete=models.PROTECT,
        related_name="outgoing_record",
    )
    number = models.PositiveIntegerField(_("số"))
    year = models.PositiveSmallIntegerField(_("năm"))
    issued_date = models.DateField(_("ngày ban hành"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("văn thư phát hành"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    original_blob = models.ForeignKey(
        Blob, verbose_name=_("bản gốc (DOCX)"), on_delete=models.PROTECT, related_name="+"
    )
    pdf_blob = models.ForeignKey(
        Blob, verbose_name=_("bản PDF"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=RecordStatus.choices, default=RecordStatus.ISSUED
    )
    recalled_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recall_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("đính chính cho văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    copies = models.PositiveSmallIntegerField(_("số lượng bản"), null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        constraints = [
            models.UniqueConstraint(
                fields=["register_book", "year", "number"], name="outgoing_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(status=RecordStatus.ISSUED, recalled_at__isnull=True)
                | Q(status=RecordStatus.RECALLED, recalled_at__isnull=False),
                name="outgoing_recall_consistent",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "-issued_date", "-id"], name="outgoing_register"),
        ]

    def __str__(self) -> str:
        return str(self.document)


class Distribution(TimeStampedModel):
    """One recipient of an issued document and where its delivery stands."""

    record = models.ForeignKey(
        OutgoingRecord,
        verbose_name=_("văn bản đi"),
        on_delete=models.PROTECT,
        related_name="distributions",
    )
    kind = models.CharField(_("hình thức gửi"), max_length=10, choices=DistributionKind.choices)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("nơi nhận"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    postal_address = models.CharField(_("địa chỉ gửi bưu điện"), max_length=500, blank=True)
    envelope_count = models.PositiveSmallIntegerField(_("số lượng bì"), default=1)
    status = models.CharField(
        _("tình trạng gửi"),
        max_length=10,
        choices=DistributionStatus.choices,
        default=DistributionStatus.PENDING,
    )
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("nơi nhận văn bản đi")
        verbose_name_plural = _("nơi nhận văn bản đi")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=DistributionKind.UNIT, unit__isnull=False)
                | Q(kind=DistributionKind.USER, user__isnull=False)
                | Q(kind=DistributionKind.AGENCY, agency__isnull=False)
                | Q(kind=DistributionKind.EMAIL) & ~Q(email="")
                | Q(kind=DistributionKind.POST) & ~Q(postal_address=""),
                name="distribution_target_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.unit or self.user or self.agency or self.email)


class CopyRecord(TimeStampedModel):
    """A copy (sao y, sao lục, trích sao) numbered in the agency's copy book."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan sao"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.ForeignKey(
        Document, verbose_name=_("văn bản được sao"), on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("hình thức sao"), max_length=2, choices=CopyForm.choices)
    register_book = models.ForeignKey(
        RegisterBook, verbose_name=_("sổ bản sao"), on_delete=models.PROTECT, related_name="+"
    )
    allocation = models.OneToOneField(
        NumberAllocation,
        verbose_name=_("số đã cấp"),
        on_delete=models.PROTECT,
        related_name="copy_record",
    )
    number = models.PositiveIntegerField(_("số bản sao"))
    year = models.PositiveSmallIntegerField(_("năm"))
    code_notation = models.CharField(_("ký hiệu bản sao"), max_length=30)
    copied_on = models.DateField(_("ngày sao"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_position = models.CharField(_("chức vụ người ký bản sao"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký bản sao"), max_length=50, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    extract_note = models.CharField(_("phần trích sao"), max_length=500, blank=True)
    signed_pdf = models.ForeignKey(
        Blob,
        verbose_name=_("bản sao điện tử đã ký số"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bản sao văn bản")
        verbose_name_plural = _("bản sao văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["register_book", "year", "number"], name="copy_number_unique"
            ),
            models.CheckConstraint(
                condition=~Q(form=CopyForm.EXTRACT) | ~Q(extract_note=""),
                name="copy_extract_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"Số: {self.number:02d}/{self.code_notation}"
