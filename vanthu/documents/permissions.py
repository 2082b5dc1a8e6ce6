"""Who may manage register books and allocate numbers (checked again by every service)."""

from __future__ import annotations

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.core.errors import PermissionDeniedError

BOOK_MANAGER_ROLES = frozenset({Role.CLERK, Role.AGENCY_ADMIN})


def ensure_same_agency(*, actor: User, agency_id: int) -> None:
    """Refuse an actor acting on another agency's registers (superusers excepted)."""
    if actor.is_superuser:
        return
    if not actor.is_active or actor.agency_id != agency_id:
        raise PermissionDeniedError


def ensure_book_manager(*, actor: User, agency_id: int) -> None:
    """Refuse unless the actor is a clerk or an agency administrator of the agency."""
    ensure_same_agency(actor=actor, agency_id=agency_id)
    if actor.is_superuser:
        return
    if not actor.role_grants.filter(role__in=BOOK_MANAGER_ROLES).exists():
        raise PermissionDeniedError
