"""Dossiers (hồ sơ) and their documents; the file plan models are re-exported from here."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.documents.enums import Confidentiality, Language
from vanthu.documents.models import Document
from vanthu.dossiers.enums import DossierStatus, Retention, Rights
from vanthu.dossiers.plan_models import (
    FilePlan,
    FilePlanHeading,
    FilePlanItem,
    RetentionScheduleItem,
)

__all__ = [
    "Dossier",
    "DossierItem",
    "FilePlan",
    "FilePlanHeading",
    "FilePlanItem",
    "RetentionScheduleItem",
]

CONSTRUCTION_HANDOVER_MONTHS = 3


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved ``months`` later (the last day of a shorter month)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Dossier(TimeStampedModel):
    """A work file: opened from a plan item or outside the plan, closed when the work is done."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="dossiers"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    plan_item = models.ForeignKey(
        FilePlanItem,
        verbose_name=_("hồ sơ trong danh mục"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    year = models.PositiveSmallIntegerField(_("năm hình thành"))
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=40)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=500)
    retention = models.CharField(_("thời hạn bảo quản"), max_length=20, choices=Retention.choices)
    rights = models.CharField(
        _("chế độ sử dụng"), max_length=12, choices=Rights.choices, default=Rights.PUBLIC
    )
    language = models.CharField(
        _("ngôn ngữ"), max_length=2, choices=Language.choices, default=Language.VI
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập hồ sơ"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    opened_on = models.DateField(_("ngày mở hồ sơ"))
    start_date = models.DateField(_("thời gian bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("thời gian kết thúc"), null=True, blank=True)
    doc_total = models.PositiveIntegerField(_("tổng số văn bản"), default=0)
    page_total = models.PositiveIntegerField(_("tổng số trang"), default=0)
    description = models.TextField(_("ghi chú"), blank=True)
    is_construction = models.BooleanField(_("hồ sơ xây dựng cơ bản"), default=False)
    settlement_date = models.DateField(_("ngày phê duyệt quyết toán"), null=True, blank=True)
    handover_due = models.DateField(_("hạn nộp lưu"), null=True, blank=True)
    closing_note = models.TextField(_("chứng từ kết thúc"), blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người kết thúc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "code"], name="dossier_code_unique"),
        ]
        indexes = [
            models.Index(fields=["agency", "creator", "status"], name="dossier_creator"),
            models.Index(fields=["agency", "status", "handover_due"], name="dossier_handover"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def compute_handover_due(self) -> dt.date | None:
        """Return the hand-over due date: 1 year after the end; construction: 3 months after
        the final settlement (domain.md §3.3)."""
        if self.is_construction:
            if self.settlement_date is None:
                return None
            return add_months(self.settlement_date, CONSTRUCTION_HANDOVER_MONTHS)
        if self.end_date is None:
            return None
        return add_months(self.end_date, 12)


class DossierItem(models.Model):
    """A document in a dossier, numbered in order; the same document may be in several."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="items"
    )
    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.PROTECT, related_name="dossier_items"
    )
    ordinal = models.PositiveIntegerField(_("số thứ tự trong hồ sơ"))
    pages = models.PositiveIntegerField(_("số trang"), default=0)
    is_draft = models.BooleanField(_("là bản nháp, dự thảo"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thêm"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_at = models.DateTimeField(_("thêm lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản trong hồ sơ")
        verbose_name_plural = _("văn bản trong hồ sơ")
        ordering = ["ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "document"], name="dossier_item_once"),
            models.UniqueConstraint(fields=["dossier", "ordinal"], name="dossier_item_ordinal"),
        ]

    def __str__(self) -> str:
        return f"{self.ordinal}. {self.document}"
