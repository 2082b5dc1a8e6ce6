"""Who may do what with outgoing drafts and records (services check again; views may ask early)."""

from __future__ import annotations

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality, effective_roles, roles_of
from vanthu.core.errors import PermissionDeniedError

DRAFTER_ROLES = frozenset({Role.SPECIALIST, Role.UNIT_HEAD})
AGENCY_WIDE_ROLES = frozenset({Role.CLERK, Role.AGENCY_LEADER})


def max_confidentiality(actor: User) -> int:
    """Return the highest confidentiality level the actor may see."""
    return max(level for level in Clearance.values if can_see_confidentiality(actor, level))


def is_clerk(actor: User) -> bool:
    return actor.is_active and Role.CLERK in roles_of(actor)


def is_leader(actor: User) -> bool:
    """Return whether the actor is an agency leader, themselves or by delegation."""
    return actor.is_active and Role.AGENCY_LEADER in effective_roles(actor)


def is_unit_head(actor: User) -> bool:
    return actor.is_active and Role.UNIT_HEAD in effective_roles(actor)


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
