"""Choices of the file plan and dossiers: retention values, statuses, numbering, access."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Retention(models.TextChoices):
    """The retention values used in the schedules (domain.md §6.1), permanent first."""

    PERMANENT = "permanent", _("Vĩnh viễn")
    Y70 = "70", _("70 năm")
    Y50 = "50", _("50 năm")
    Y30 = "30", _("30 năm")
    Y20 = "20", _("20 năm")
    Y15 = "15", _("15 năm")
    Y10 = "10", _("10 năm")
    Y5 = "5", _("5 năm")
    UNTIL_EXPIRED = "until_expired", _("Đến khi văn bản hết hiệu lực thi hành")
    LIFE_OF_WORK = "life_of_work", _("Theo tuổi thọ công trình")
    AFTER_CONTRACT = "after_contract", _("5 năm sau khi chấm dứt hợp đồng")


def retention_years(value: str) -> int | None:
    """Return the number of years of a fixed-term value (None: permanent or conditional)."""
    return int(value) if value.isdigit() else None


def is_permanent(value: str) -> bool:
    """Return whether ``value`` is Vĩnh viễn."""
    return value == Retention.PERMANENT


class FilePlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã phê duyệt")
    ISSUED = "issued", _("Đã ban hành")


class Numbering(models.TextChoices):
    """How dossier numbers run in a file plan (domain.md §3.1)."""

    CONTINUOUS = "continuous", _("Liên tục trong toàn danh mục")
    PER_HEADING = "per_heading", _("Theo từng đề mục lớn")


class DossierStatus(models.TextChoices):
    OPEN = "open", _("Đang mở")
    CLOSED = "closed", _("Đã kết thúc")
    HANDED_OVER = "handed_over", _("Đã nộp lưu")


class Rights(models.TextChoices):
    """Access mode of a dossier (Annex VI ``Rights``)."""

    PUBLIC = "public", _("Sử dụng rộng rãi")
    RESTRICTED = "restricted", _("Hạn chế sử dụng")
