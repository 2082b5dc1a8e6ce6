"""Choices for documents, register books and blobs (domain.md §1.11, §2.5, §5.3)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Thường")
    URGENT = "urgent", _("Khẩn")
    VERY_URGENT = "very_urgent", _("Thượng khẩn")
    FLASH = "flash", _("Hỏa tốc")


class Confidentiality(models.IntegerChoices):
    """Ordered like accounts.Clearance: a user sees levels up to their clearance."""

    NORMAL = 0, _("Thường")
    CONFIDENTIAL = 1, _("Mật")
    SECRET = 2, _("Tối mật")
    TOP_SECRET = 3, _("Tuyệt mật")


class Language(models.TextChoices):
    """Language codes of Circular 05/2025 (domain.md §5.3)."""

    VI = "01", _("Tiếng Việt")
    EN = "02", _("Tiếng Anh")
    FR = "03", _("Tiếng Pháp")
    RU = "04", _("Tiếng Nga")
    ZH = "05", _("Tiếng Trung")
    VI_EN = "06", _("Việt - Anh")
    VI_RU = "07", _("Việt - Nga")
    VI_FR = "08", _("Việt - Pháp")
    HAN_NOM = "09", _("Hán Nôm")
    VI_ZH = "10", _("Việt - Trung")
    OTHER = "11", _("Khác")


class RegisterKind(models.TextChoices):
    """Kinds of register book; each has its own yearly number series (domain.md §10.1)."""

    INCOMING = "incoming", _("Sổ đăng ký văn bản đến")
    OUTGOING = "outgoing", _("Sổ đăng ký văn bản đi")
    COPY = "copy", _("Sổ đăng ký bản sao văn bản")
    SECRET_INCOMING = "secret_incoming", _("Sổ đăng ký văn bản đến mật")
    SECRET_OUTGOING = "secret_outgoing", _("Sổ đăng ký văn bản đi mật")
    ADVISORY = "advisory", _("Sổ đăng ký văn bản của tổ chức tư vấn")


class AllocationStatus(models.TextChoices):
    USED = "used", _("Đã sử dụng")
    CANCELLED = "cancelled", _("Đã hủy")


class AttachmentRole(models.TextChoices):
    ORIGINAL = "original", _("Bản gốc")
    SIGNED = "signed", _("Bản đã ký số")
    OCR = "ocr", _("Bản nhận dạng ký tự (OCR)")
    PDFA = "pdfa", _("Bản PDF/A")
    APPENDIX = "appendix", _("Phụ lục")
