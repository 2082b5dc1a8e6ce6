"""Who may do what with outgoing drafts and records (services check again; views may ask early).

The rules shared with other apps live in ``vanthu.accounts.roles`` and are re-exported here.
"""

from __future__ import annotations

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import (
    can_route,
    effective_roles,
    is_unit_head,
    max_confidentiality,
    roles_of,
)
from vanthu.core.errors import PermissionDeniedError

DRAFTER_ROLES = frozenset({Role.SPECIALIST, Role.UNIT_HEAD})
AGENCY_WIDE_ROLES = frozenset({Role.CLERK, Role.AGENCY_LEADER})


def is_clerk(actor: User) -> bool:
    return actor.is_active and Role.CLERK in roles_of(actor)


def is_leader(actor: User) -> bool:
    """Return whether the actor is an agency leader, themselves or by delegation."""
    return actor.is_active and can_route(actor)


def sees_whole_agency(actor: User) -> bool:
    """Clerks and leaders see every draft and record of their agency (up to their clearance)."""
    return actor.is_active and bool(AGENCY_WIDE_ROLES & effective_roles(actor))


def ensure(allowed: bool, message: str | None = None) -> None:  # noqa: FBT001
    """Raise PermissionDeniedError unless ``allowed``."""
    if not allowed:
        raise PermissionDeniedError(message)


def ensure_drafter(actor: User) -> None:
    ensure(
        actor.is_active and actor.unit_id is not None and bool(DRAFTER_ROLES & roles_of(actor)),
        None,
    )


__all__ = [
    "ensure",
    "is_clerk",
    "is_leader",
    "is_unit_head",
    "max_confidentiality",
    "sees_whole_agency",
]
