"""Who may do what with incoming documents (checked again by every service).

Agency leaders (``can_route``), unit heads and clearance come from ``vanthu.accounts.roles``.
"""

from __future__ import annotations

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_route, has_role, is_unit_head, max_confidentiality
from vanthu.core.errors import PermissionDeniedError

# The rules every app shares live in ``vanthu.accounts.roles``; named here too for the
# incoming views that import them from this module.
__all__ = [
    "can_route",
    "ensure_clerk",
    "ensure_same_agency",
    "is_clerk",
    "is_unit_head",
    "max_confidentiality",
    "sees_whole_register",
]


def is_clerk(actor: User) -> bool:
    """Return whether ``actor`` registers incoming documents (văn thư)."""
    return actor.agency_id is not None and has_role(actor, Role.CLERK)


def sees_whole_register(actor: User) -> bool:
    """Return whether ``actor`` sees every incoming record of the agency (clerks, leaders)."""
    return is_clerk(actor) or can_route(actor)


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
