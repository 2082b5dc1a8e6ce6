"""Refusals of the capture app (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, DomainError, InvalidInputError


class CaptureFileError(InvalidInputError):
    """The file cannot be read as a document (the original is kept)."""

    code = "capture_unreadable"
    default_message = _("Không đọc được nội dung tệp.")


class CorruptFileError(CaptureFileError):
    code = "capture_corrupt"
    default_message = _("Tệp bị hỏng hoặc không đúng định dạng, không đọc được nội dung.")


class PasswordProtectedError(CaptureFileError):
    code = "capture_password_protected"
    default_message = _("Tệp PDF được bảo vệ bằng mật khẩu, không đọc được nội dung.")


class NotADocumentError(CaptureFileError):
    code = "capture_not_a_document"
    default_message = _("Ảnh không chứa văn bản nhận dạng được (không phải ảnh chụp văn bản).")


class UnsupportedFileTypeError(DomainError):
    code = "capture_unsupported_type"
    status = 415
    default_message = _("Chỉ nhận tệp PDF, ảnh (JPEG, PNG, TIFF) hoặc DOCX.")


class OcrFailedError(CaptureFileError):
    code = "capture_ocr_failed"
    default_message = _("Nhận dạng ký tự (OCR) không thành công.")


class CaptureStateError(ConflictError):
    code = "capture_bad_state"
    default_message = _("Không thực hiện được thao tác ở trạng thái hiện tại của tệp.")


class CopyFailedError(CaptureFileError):
    """The searchable PDF/A-2b copy could not be made (the text and the original are kept)."""

    code = "capture_copy_failed"
    default_message = _("Không tạo được bản PDF/A tìm kiếm được của tệp.")


class CopyNotFailedError(ConflictError):
    code = "capture_copy_not_failed"
    default_message = _("Chỉ tạo lại được bản PDF/A khi lần tạo trước bị lỗi.")


class CopySignedError(ConflictError):
    code = "capture_copy_signed"
    default_message = _("Tệp PDF có chữ ký số không bao giờ bị ghi lại: không tạo bản PDF/A.")
