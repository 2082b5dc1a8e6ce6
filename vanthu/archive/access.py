"""Who hands over, who receives: rules shared by the archive services and selectors."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, effective_roles
from vanthu.core.errors import PermissionDeniedError
from vanthu.dossiers.enums import Retention, retention_years

HANDOVER_MIN_YEARS = 5
# Conditional values that still mean at least five years (domain.md §6.1); "until the document
# expires" may be shorter, so such dossiers stay with the unit.
_LONG_CONDITIONAL = frozenset(
    {Retention.PERMANENT, Retention.LIFE_OF_WORK, Retention.AFTER_CONTRACT}
)
LONG_RETENTIONS = frozenset(
    value
    for value in Retention.values
    if value in _LONG_CONDITIONAL or (retention_years(value) or 0) >= HANDOVER_MIN_YEARS
)


def is_handed_over_retention(value: str) -> bool:
    """Return whether a dossier kept ``value`` long goes to the agency archive (≥ 5 years)."""
    return value in LONG_RETENTIONS


def is_archivist(actor: User) -> bool:
    """Return whether ``actor`` works for the agency archive (lưu trữ viên)."""
    return actor.is_active and Role.ARCHIVIST in effective_roles(actor)


def sees_whole_agency(actor: User) -> bool:
    """Leaders and archivists see every hand-over batch of their agency."""
    return is_archivist(actor) or can_route(actor)


def ensure_archivist(actor: User, agency_id: int) -> None:
    """Refuse unless ``actor`` is an archivist of the agency."""
    if actor.agency_id != agency_id or not is_archivist(actor):
        raise PermissionDeniedError(_("Chỉ lưu trữ cơ quan mới kiểm tra, tiếp nhận hồ sơ."))


def ensure_leader(actor: User, agency_id: int) -> None:
    """Refuse unless ``actor`` leads the agency."""
    if actor.agency_id != agency_id or not actor.is_active or not can_route(actor):
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo cơ quan mới đồng ý cho giữ lại hồ sơ quá hạn nộp lưu.")
        )


def archivists_of(agency_id: int) -> QuerySet[User]:
    """Return the active archivists of the agency."""
    return User.objects.filter(
        agency_id=agency_id, is_active=True, role_grants__role=Role.ARCHIVIST
    ).order_by("pk")
