"""Choices of outgoing documents: draft states, versions, reviews, distribution, copies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    IN_REVIEW = "in_review", _("Chờ lãnh đạo đơn vị duyệt")
    RETURNED = "returned", _("Bị trả lại")
    REVIEWED = "reviewed", _("Lãnh đạo đơn vị đã duyệt")
    FORMAT_CHECKED = "format_checked", _("Đã kiểm tra thể thức")
    APPROVED = "approved", _("Lãnh đạo cơ quan đã duyệt ký")
    ISSUED = "issued", _("Đã phát hành")
    CANCELLED = "cancelled", _("Đã hủy")


class VersionKind(models.TextChoices):
    STRUCTURED = "structured", _("Soạn theo mẫu")
    DOCX = "docx", _("Tệp DOCX tải lên")


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Đồng ý")
    RETURN = "return", _("Trả lại")


class SigningMode(models.TextChoices):
    PAPER = "paper", _("Ký trên giấy")
    DIGITAL = "digital", _("Ký số")


class SignatureState(models.TextChoices):
    """Where the signature of an approved draft stands (``signature_steps`` reads it)."""

    NONE = "", _("Chưa ký")
    PAPER_SIGNED = "paper_signed", _("Đã ký trên giấy")
    DIGITAL_PENDING = "digital_pending", _("Chờ ký số")
    LEADER_SIGNED = "leader_signed", _("Đã ký số, chờ ký số cơ quan")
    DIGITAL_SIGNED = "digital_signed", _("Đã ký số, đã ký số cơ quan")


class RecordStatus(models.TextChoices):
    ISSUED = "issued", _("Đã phát hành")
    RECALLED = "recalled", _("Đã thu hồi")


class DistributionKind(models.TextChoices):
    UNIT = "unit", _("Đơn vị trong cơ quan")
    USER = "user", _("Cá nhân trong cơ quan")
    AGENCY = "agency", _("Cơ quan trong hệ thống")
    EMAIL = "email", _("Thư điện tử")
    POST = "post", _("Bưu điện")


class DistributionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    RECEIVED = "received", _("Đã tiếp nhận")
    REFUSED = "refused", _("Bị từ chối")
    FAILED = "failed", _("Gửi không thành công")
    WITHDRAWN = "withdrawn", _("Đã thu hồi")


class CopyForm(models.TextChoices):
    """The copy forms of Art. 25; values are the DocumentType codes of ``documents.reference``."""

    TRUE_COPY = "S1", _("Sao y")
    EXTRACT = "S2", _("Trích sao")
    RE_COPY = "S3", _("Sao lục")


CONFIDENTIALITY_LEVELS: dict[str, int] = {
    "none": 0,
    "confidential": 1,
    "secret": 2,
    "top_secret": 3,
}
"""``DraftContent.confidentiality`` → ``documents.Confidentiality`` value."""
