"""The accounts part of the JSON API: ``/me``, ``/agencies`` and deactivating users."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, PathEx, Query, Router, Schema
from ninja.params import P

from vanthu.accounts.auth import request_user
from vanthu.accounts.deactivation import (
    managed_user_get_for,
    user_deactivate,
    user_reactivate,
)
from vanthu.accounts.enums import AgencyStatus, Role
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.accounts.roles import acting_for, roles_of
from vanthu.accounts.selectors import agencies_visible_to, agency_get_for
from vanthu.core.api import keyset_page

router = Router(tags=["accounts"])

MAX_ID = 2**63 - 1


class AgencyRef(Schema):
    id: int
    name: str
    abbreviation: str
    organ_id: str


class UnitRef(Schema):
    id: int
    name: str
    abbreviation: str


class UserRef(Schema):
    id: int
    username: str
    full_name: str
    position_title: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    position_title: str
    agency: AgencyRef | None
    unit: UnitRef | None
    roles: list[Role]
    clearance: int
    acting_for: list[UserRef]


class AgencyOut(Schema):
    id: int
    name: str
    abbreviation: str
    organ_id: str
    place_name: str
    status: AgencyStatus
    superior_id: int | None
    successor_id: int | None


class AgencyPage(Schema):
    items: list[AgencyOut]
    next_cursor: str | None


class AccountsUserReasonIn(Schema):
    reason: str = Field(max_length=500, description="Lý do (bắt buộc).")


class AccountsUserStatusOut(Schema):
    id: int
    username: str
    full_name: str
    is_active: bool


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=500, description="Con trỏ trang tiếp theo.")
    limit: int = Field(50, ge=1, le=200, description="Số mục mỗi trang.")


def _agency_ref(agency: Agency | None) -> AgencyRef | None:
    if agency is None:
        return None
    return AgencyRef(
        id=agency.pk, name=agency.name, abbreviation=agency.abbreviation, organ_id=agency.organ_id
    )


def _unit_ref(unit: OrgUnit | None) -> UnitRef | None:
    if unit is None:
        return None
    return UnitRef(id=unit.pk, name=unit.name, abbreviation=unit.abbreviation)


def _user_ref(user: User) -> UserRef:
    return UserRef(
        id=user.pk,
        username=user.username,
        full_name=user.full_name,
        position_title=user.position_title,
    )


def _agency_out(agency: Agency) -> AgencyOut:
    return AgencyOut(
        id=agency.pk,
        name=agency.name,
        abbreviation=agency.abbreviation,
        organ_id=agency.organ_id,
        place_name=agency.place_name,
        status=AgencyStatus(agency.status),
        superior_id=agency.superior_id,
        successor_id=agency.successor_id,
    )


@router.get(
    "/me",
    response=MeOut,
    summary="Người dùng hiện tại",
    description=(
        "Người dùng đang đăng nhập: cơ quan, đơn vị, vai trò, mức tiếp cận tài liệu mật"
        " và những người đã ủy quyền cho họ."
    ),
)
def me(request: HttpRequest) -> MeOut:
    """Return the signed-in user with agency, unit, roles and delegated authority."""
    user = request_user(request)
    return MeOut(
        id=user.pk,
        username=user.username,
        full_name=user.full_name,
        position_title=user.position_title,
        agency=_agency_ref(user.agency),
        unit=_unit_ref(user.unit),
        roles=sorted(roles_of(user)),
        clearance=int(user.clearance),
        acting_for=[_user_ref(grantor) for grantor in acting_for(user)],
    )


@router.get(
    "/agencies",
    response=AgencyPage,
    summary="Danh sách cơ quan được xem",
    description=(
        "Cơ quan của người dùng và các cơ quan cấp dưới (thanh tra Sở Nội vụ xem tất cả),"
        " sắp theo mã định danh, phân trang bằng con trỏ."
    ),
)
def agency_list(request: HttpRequest, page: Query[PageQuery]) -> AgencyPage:
    """List the agencies visible to the user, ordered by organ_id (keyset-paginated)."""
    queryset = agencies_visible_to(actor=request_user(request))
    result = keyset_page(queryset, sort_field="organ_id", cursor=page.cursor, limit=page.limit)
    return AgencyPage(items=[_agency_out(a) for a in result.items], next_cursor=result.next_cursor)


@router.get(
    "/agencies/{int:agency_id}",
    response=AgencyOut,
    summary="Thông tin một cơ quan",
    description="Trả về 404 khi cơ quan không tồn tại hoặc người dùng không được xem.",
)
def agency_detail(request: HttpRequest, agency_id: PathEx[int, P(ge=1, le=MAX_ID)]) -> AgencyOut:
    """Return one visible agency (404 when it does not exist or is not visible)."""
    return _agency_out(agency_get_for(actor=request_user(request), agency_id=agency_id))


def _status_out(user: User) -> AccountsUserStatusOut:
    return AccountsUserStatusOut(
        id=user.pk, username=user.username, full_name=user.full_name, is_active=user.is_active
    )


@router.post(
    "/users/{int:user_id}/deactivate",
    response=AccountsUserStatusOut,
    summary="Ngừng hoạt động tài khoản người dùng",
    description=(
        "Quản trị cơ quan ngừng hoạt động tài khoản của người nghỉ việc, chuyển công tác:"
        " kết thúc phiên đăng nhập, thu hồi mã truy cập. Bị từ chối (409, user_holds_dossiers)"
        " khi người dùng còn giữ hồ sơ chưa nộp lưu hoặc chưa chuyển cho người khác."
    ),
    operation_id="user_deactivate",
)
def user_deactivate_api(
    request: HttpRequest,
    user_id: PathEx[int, P(ge=1, le=MAX_ID)],
    payload: AccountsUserReasonIn,
) -> AccountsUserStatusOut:
    """Deactivate a user of the actor's agency (404 for anyone else)."""
    actor = request_user(request)
    user = managed_user_get_for(actor=actor, pk=user_id)
    return _status_out(user_deactivate(actor=actor, user=user, reason=payload.reason))


@router.post(
    "/users/{int:user_id}/reactivate",
    response=AccountsUserStatusOut,
    summary="Kích hoạt lại tài khoản người dùng",
    description=(
        "Quản trị cơ quan cho phép người dùng đăng nhập lại (mã truy cập cũ vẫn bị thu hồi)."
    ),
    operation_id="user_reactivate",
)
def user_reactivate_api(
    request: HttpRequest,
    user_id: PathEx[int, P(ge=1, le=MAX_ID)],
    payload: AccountsUserReasonIn,
) -> AccountsUserStatusOut:
    """Reactivate a user of the actor's agency (404 for anyone else)."""
    actor = request_user(request)
    user = managed_user_get_for(actor=actor, pk=user_id)
    return _status_out(user_reactivate(actor=actor, user=user, reason=payload.reason))
