"""Refusals raised by the accounts services (each with a stable code)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import ConflictError, InvalidInputError


class UsernameTakenError(ConflictError):
    code = "username_taken"
    default_message = _("Tên đăng nhập đã được sử dụng.")


class UnitOtherAgencyError(InvalidInputError):
    code = "unit_other_agency"
    default_message = _("Đơn vị không thuộc cơ quan đã chọn.")


class WeakPasswordError(InvalidInputError):
    code = "weak_password"
    default_message = _("Mật khẩu mới không đạt yêu cầu.")


class WrongPasswordError(InvalidInputError):
    code = "wrong_password"
    default_message = _("Mật khẩu hiện tại không đúng.")


class DelegationSelfError(InvalidInputError):
    code = "delegation_self"
    default_message = _("Không thể tự ủy quyền cho chính mình.")


class DelegationOtherAgencyError(InvalidInputError):
    code = "delegation_other_agency"
    default_message = _("Chỉ được ủy quyền cho người cùng cơ quan.")


class DelegationDatesError(InvalidInputError):
    code = "delegation_dates_reversed"
    default_message = _("Ngày kết thúc ủy quyền phải bằng hoặc sau ngày bắt đầu.")


class InactiveUserError(InvalidInputError):
    code = "user_inactive"
    default_message = _("Tài khoản người dùng đã bị vô hiệu hóa.")


class DelegationRevokedError(ConflictError):
    code = "delegation_already_revoked"
    default_message = _("Ủy quyền này đã được thu hồi.")


class InvalidOrganIdError(InvalidInputError):
    code = "invalid_organ_id"
    default_message = _(
        "Mã định danh cơ quan phải gồm đúng 13 ký tự (chữ in hoa, chữ số, dấu chấm)."
    )


class OrganIdTakenError(ConflictError):
    code = "organ_id_taken"
    default_message = _("Mã định danh cơ quan đã được sử dụng.")


class AgencySuccessorError(InvalidInputError):
    code = "agency_successor_invalid"
    default_message = _("Cơ quan đã sáp nhập phải có cơ quan kế thừa khác chính nó.")


class AgencyHierarchyError(InvalidInputError):
    code = "agency_superior_cycle"
    default_message = _("Cơ quan chủ quản không được là chính cơ quan này hoặc cơ quan cấp dưới.")


class TokenRevokedError(ConflictError):
    code = "token_already_revoked"
    default_message = _("Mã truy cập này đã bị thu hồi.")
