"""Refusals of the file plan and dossier services (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, InvalidInputError


class DuplicatePlanCodeError(ConflictError):
    code = "file_plan_duplicate_code"
    default_message = _("Số và ký hiệu hồ sơ này đã có trong danh mục.")


class FilePlanExistsError(ConflictError):
    code = "file_plan_exists"
    default_message = _("Cơ quan đã có danh mục hồ sơ của năm này.")


class FilePlanNotEditableError(ConflictError):
    code = "file_plan_not_editable"
    default_message = _("Danh mục hồ sơ đã được phê duyệt hoặc ban hành, không sửa được nữa.")


class FilePlanStateError(ConflictError):
    code = "file_plan_state"
    default_message = _("Thao tác không phù hợp với trạng thái của danh mục hồ sơ.")


class DossierCodeExistsError(ConflictError):
    code = "dossier_duplicate_code"
    default_message = _("Số và ký hiệu hồ sơ này đã được dùng cho một hồ sơ khác trong năm.")


class DossierClosedError(ConflictError):
    code = "dossier_closed"
    default_message = _("Hồ sơ đã kết thúc: chỉ đọc. Muốn sửa, cần mở lại hồ sơ và nêu lý do.")


class DossierNotClosedError(ConflictError):
    code = "dossier_not_closed"
    default_message = _("Hồ sơ chưa kết thúc.")


class DossierEmptyError(InvalidInputError):
    code = "dossier_empty"
    default_message = _("Hồ sơ chưa có văn bản nào, không thể kết thúc.")


class DossierHasDraftsError(InvalidInputError):
    code = "dossier_has_drafts"
    default_message = _("Hồ sơ còn bản nháp, dự thảo: cần loại ra trước khi kết thúc.")


class DossierHasDuplicatesError(InvalidInputError):
    code = "dossier_has_duplicates"
    default_message = _("Hồ sơ còn văn bản trùng lặp: cần loại ra trước khi kết thúc.")


class DocumentAlreadyFiledError(ConflictError):
    code = "document_already_in_dossier"
    default_message = _("Văn bản đã có trong hồ sơ này.")
