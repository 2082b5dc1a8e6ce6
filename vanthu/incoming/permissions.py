"""Who may do what with incoming documents (checked again by every service)."""

from __future__ import annotations

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality, effective_roles, has_role
from vanthu.core.errors import PermissionDeniedError


def is_clerk(actor: User) -> bool:
    """Return whether ``actor`` registers incoming documents (văn thư)."""
    return actor.agency_id is not None and has_role(actor, Role.CLERK)


def can_route(actor: User) -> bool:
    """Return whether ``actor`` routes documents: an agency leader, or a deputy by delegation."""
    return actor.agency_id is not None and Role.AGENCY_LEADER in effective_roles(actor)


def is_unit_head(actor: User) -> bool:
    """Return whether ``actor`` heads a unit (and so oversees what is given to it)."""
    return actor.unit_id is not None and has_role(actor, Role.UNIT_HEAD)


def sees_whole_register(actor: User) -> bool:
    """Return whether ``actor`` sees every incoming record of the agency (clerks, leaders)."""
    return is_clerk(actor) or can_route(actor)


def max_confidentiality(actor: User) -> int:
    """Return the highest confidentiality level ``actor`` may see (0: none)."""
    visible = [level for level in Clearance.values if can_see_confidentiality(actor, level)]
    return max(visible)


def ensure_clerk(actor: User) -> Agency:
    """Return the agency of ``actor``; refuse unless they are one of its clerks."""
    agency = actor.agency
    if not actor.is_active or agency is None or not is_clerk(actor):
        raise PermissionDeniedError
    return agency


def ensure_same_agency(actor: User, agency_id: int) -> None:
    """Refuse an actor of another agency."""
    if not actor.is_active or actor.agency_id != agency_id:
        raise PermissionDeniedError
