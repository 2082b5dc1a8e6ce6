"""The retention schedule and the yearly file plan (danh mục hồ sơ): headings and items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit
from vanthu.core.models import TimeStampedModel
from vanthu.dossiers.enums import FilePlanStatus, Numbering, Retention

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """Return ``number`` (≥ 1) in Roman numerals."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class RetentionScheduleItem(models.Model):
    """One item of a retention schedule: the reference table (agency empty) or an agency's own."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan (trống: bảng tham chiếu)"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    group_code = models.CharField(_("mã nhóm"), max_length=10)
    group_name = models.CharField(_("tên nhóm"), max_length=200)
    title = models.CharField(_("tên nhóm hồ sơ, tài liệu"), max_length=500)
    retention = models.CharField(_("thời hạn bảo quản"), max_length=20, choices=Retention.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=200)
    version = models.CharField(_("phiên bản"), max_length=20)
    ordinal = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("mục bảng thời hạn bảo quản")
        verbose_name_plural = _("bảng thời hạn bảo quản")
        ordering = ["ordinal", "pk"]

    def __str__(self) -> str:
        return f"{self.group_code}. {self.title}: {self.get_retention_display()}"


class FilePlan(TimeStampedModel):
    """The file plan of an agency for one year, approved by its head and issued by decision."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="file_plans"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    numbering = models.CharField(
        _("cách đánh số hồ sơ"),
        max_length=12,
        choices=Numbering.choices,
        default=Numbering.CONTINUOUS,
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=FilePlanStatus.choices, default=FilePlanStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("sao từ danh mục"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phê duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("phê duyệt lúc"), null=True, blank=True)
    decision_number = models.CharField(_("số Quyết định ban hành"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày Quyết định"), null=True, blank=True)
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("danh mục hồ sơ")
        verbose_name_plural = _("danh mục hồ sơ")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="file_plan_agency_year"),
        ]

    def __str__(self) -> str:
        return f"{_('Danh mục hồ sơ')} {self.year}"


class FilePlanHeading(models.Model):
    """A heading of a file plan: large (Roman numeral, with an abbreviation) or inside one."""

    plan = models.ForeignKey(
        FilePlan, verbose_name=_("danh mục"), on_delete=models.CASCADE, related_name="headings"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đề mục lớn"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("tên đề mục"), max_length=300)
    abbreviation = models.CharField(_("chữ viết tắt"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("đề mục")
        verbose_name_plural = _("đề mục")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "parent", "number"], name="file_plan_heading_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    @property
    def label(self) -> str:
        """Return ``I.``, ``II.`` for a large heading and ``1.``, ``2.`` inside one."""
        return f"{roman(self.number) if self.parent_id is None else self.number}."


class FilePlanItem(models.Model):
    """One planned dossier: number and code (``01.TCCB``), title, retention, who files it."""

    plan = models.ForeignKey(
        FilePlan, verbose_name=_("danh mục"), on_delete=models.CASCADE, related_name="items"
    )
    heading = models.ForeignKey(
        FilePlanHeading, verbose_name=_("đề mục"), on_delete=models.PROTECT, related_name="items"
    )
    number = models.PositiveSmallIntegerField(_("số hồ sơ"))
    code = models.CharField(_("số và ký hiệu hồ sơ"), max_length=40)
    title = models.CharField(_("tiêu đề hồ sơ"), max_length=500)
    retention = models.CharField(_("thời hạn bảo quản"), max_length=20, choices=Retention.choices)
    responsible_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị lập hồ sơ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập hồ sơ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    keywords = models.CharField(_("từ khóa"), max_length=500, blank=True)
    keywords_folded = models.CharField(_("từ khóa (không dấu)"), max_length=500, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hồ sơ trong danh mục")
        verbose_name_plural = _("hồ sơ trong danh mục")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="file_plan_item_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
