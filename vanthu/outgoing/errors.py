"""Refusals of the outgoing app (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, InvalidInputError, PermissionDeniedError


class DraftStateError(ConflictError):
    code = "draft_state"
    default_message = _("Dự thảo không ở trạng thái cho phép thao tác này.")


class DraftNotApprovedError(ConflictError):
    code = "draft_not_approved"
    default_message = _("Dự thảo chưa được lãnh đạo cơ quan duyệt ký, chưa thể phát hành.")


class DraftAlreadyIssuedError(ConflictError):
    code = "draft_already_issued"
    default_message = _("Dự thảo này đã được phát hành, không thể phát hành lần nữa.")


class SelfApprovalForbiddenError(PermissionDeniedError):
    code = "self_approval_forbidden"
    default_message = _("Cơ quan không cho phép người soạn thảo tự duyệt ký dự thảo của mình.")


class FormatErrorsBlockError(ConflictError):
    code = "format_errors"
    default_message = _("Dự thảo còn lỗi thể thức; cần sửa trước khi trình ký.")


class FormatNotCheckedError(ConflictError):
    code = "format_not_checked"
    default_message = _("Văn thư chưa kiểm tra thể thức của dự thảo.")


class RegisterBookMissingError(ConflictError):
    code = "register_book_missing"
    default_message = _("Cơ quan chưa mở sổ đăng ký phù hợp để cấp số.")


class RecordRecalledError(ConflictError):
    code = "record_recalled"
    default_message = _("Văn bản đã bị thu hồi; hồ sơ và thông tin của văn bản đã bị khóa.")


class InvalidContentError(InvalidInputError):
    code = "invalid_content"
    default_message = _("Nội dung dự thảo không hợp lệ.")


class IssueFailedError(ConflictError):
    code = "issue_failed"
    default_message = _("Không tạo được bản phát hành; chưa cấp số, văn bản chưa được phát hành.")
