"""States of a capture job and where its text came from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaptureState(models.TextChoices):
    RECEIVED = "received", _("Đã nhận tệp")
    TEXT_READY = "text_ready", _("Đã có nội dung văn bản")
    EXTRACTED = "extracted", _("Đã bóc tách thông tin")
    REGISTERED = "registered", _("Đã đăng ký")
    FAILED = "failed", _("Lỗi xử lý")


class TextSource(models.TextChoices):
    NONE = "", _("Chưa có")
    TEXT_LAYER = "text_layer", _("Lớp chữ sẵn có của PDF")
    OCR = "ocr", _("Nhận dạng ký tự (OCR)")
    DOCX = "docx", _("Nội dung tệp DOCX")


class CopyState(models.TextChoices):
    """The searchable PDF/A-2b copy: a step of its own after ``text_ready``, never blocking it."""

    NONE = "", _("Không cần")
    PENDING = "pending", _("Đang chờ tạo bản PDF/A")
    READY = "ready", _("Đã có bản PDF/A")
    FAILED = "failed", _("Không tạo được bản PDF/A")
    SIGNED = "signed", _("PDF có chữ ký số, không tạo bản sao")


ALLOWED: dict[str, frozenset[str]] = {
    CaptureState.RECEIVED: frozenset({CaptureState.TEXT_READY, CaptureState.FAILED}),
    CaptureState.TEXT_READY: frozenset({CaptureState.EXTRACTED, CaptureState.FAILED}),
    CaptureState.EXTRACTED: frozenset({CaptureState.REGISTERED}),
    CaptureState.REGISTERED: frozenset(),
    CaptureState.FAILED: frozenset({CaptureState.RECEIVED}),
}
"""The explicit state machine: received → text_ready → extracted → registered; failed → retry."""
