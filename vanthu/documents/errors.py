"""Refusals of the documents kernel (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, DomainError, InvalidInputError


class UploadTooLargeError(DomainError):
    code = "upload_too_large"
    status = 413
    default_message = _("Tệp tải lên vượt quá dung lượng cho phép.")


class UploadTypeNotAllowedError(DomainError):
    code = "upload_type_not_allowed"
    status = 415
    default_message = _("Định dạng tệp không được phép tải lên.")


class UploadEmptyError(InvalidInputError):
    code = "upload_empty"
    default_message = _("Tệp tải lên không có nội dung.")


class RegisterBookInactiveError(ConflictError):
    code = "register_book_inactive"
    default_message = _("Sổ đăng ký đã ngừng sử dụng, không thể cấp số.")


class NumberAlreadyCancelledError(ConflictError):
    code = "number_already_cancelled"
    default_message = _("Số này đã được hủy trước đó.")


class RegisterBookNameTakenError(ConflictError):
    code = "register_book_name_taken"
    default_message = _("Cơ quan đã có sổ đăng ký cùng tên.")
