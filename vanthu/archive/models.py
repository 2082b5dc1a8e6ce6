"""Hand-over batches to the agency archive (nộp lưu), their dossiers, and kept-back dossiers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.archive.enums import HandoverStatus, ItemCheck
from vanthu.core.models import TimeStampedModel
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import Blob
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier


class Handover(TimeStampedModel):
    """One batch of closed dossiers submitted by a unit or person to the agency archive."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="handovers"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị nộp lưu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nộp lưu"),
        on_delete=models.PROTECT,
        related_name="handovers_submitted",
    )
    submitted_at = models.DateTimeField(_("nộp lúc"))
    title = models.CharField(_("tên khối tài liệu"), max_length=500)
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=HandoverStatus.choices,
        default=HandoverStatus.SUBMITTED,
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    archivist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận (lưu trữ)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handovers_checked",
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    decision_note = models.TextField(_("ý kiến của lưu trữ"), blank=True)
    inventory = models.ForeignKey(
        Blob,
        verbose_name=_("mục lục hồ sơ, tài liệu nộp lưu (DOCX)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes = models.ForeignKey(
        Blob,
        verbose_name=_("biên bản giao nhận (DOCX)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("đợt nộp lưu")
        verbose_name_plural = _("đợt nộp lưu")
        indexes = [
            models.Index(fields=["agency", "status", "-submitted_at"], name="handover_queue"),
        ]

    def __str__(self) -> str:
        return self.title


class HandoverItem(models.Model):
    """One dossier of a batch: the inventory row as submitted, and the archivist's check."""

    handover = models.ForeignKey(
        Handover, verbose_name=_("đợt nộp lưu"), on_delete=models.CASCADE, related_name="items"
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="handover_items"
    )
    ordinal = models.PositiveIntegerField(_("số thứ tự"))
    code = models.CharField(_("số, ký hiệu hồ sơ"), max_length=40)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=500)
    start_date = models.DateField(_("thời gian bắt đầu"))
    end_date = models.DateField(_("thời gian kết thúc"))
    retention = models.CharField(_("thời hạn bảo quản"), max_length=20, choices=Retention.choices)
    doc_total = models.PositiveIntegerField(_("số văn bản"))
    page_total = models.PositiveIntegerField(_("số trang"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    check_result = models.CharField(
        _("kết quả kiểm tra"), max_length=10, choices=ItemCheck.choices, default=ItemCheck.PENDING
    )
    reason = models.CharField(_("lý do trả lại"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("hồ sơ nộp lưu")
        verbose_name_plural = _("hồ sơ nộp lưu")
        ordering = ["ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["handover", "dossier"], name="handover_item_once"),
            models.UniqueConstraint(fields=["handover", "ordinal"], name="handover_item_ordinal"),
        ]

    def __str__(self) -> str:
        return f"{self.ordinal}. {self.code}"


class KeptBackDossier(TimeStampedModel):
    """A dossier a unit keeps past its due date, with the head's written consent (≤ 2 years);
    the list the archive keeps (domain.md §3.3)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    dossier = models.OneToOneField(
        Dossier, verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="kept_back"
    )
    consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo đồng ý"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    consent_reference = models.CharField(_("văn bản đồng ý"), max_length=200)
    consent_date = models.DateField(_("ngày đồng ý"))
    reason = models.CharField(_("lý do giữ lại"), max_length=1000)
    kept_until = models.DateField(_("giữ lại đến ngày"))

    class Meta:
        verbose_name = _("hồ sơ giữ lại")
        verbose_name_plural = _("hồ sơ giữ lại")

    def __str__(self) -> str:
        return str(self.dossier)
