"""Who may build the file plan, approve it, and write into a dossier (checked by services)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, effective_roles, is_unit_head
from vanthu.core.errors import PermissionDeniedError
from vanthu.dossiers.models import Dossier

# The office that drafts the file plan (domain.md §3.3 responsibilities) and the head.
PLAN_EDITOR_ROLES = frozenset({Role.CLERK, Role.ARCHIVIST, Role.AGENCY_ADMIN, Role.AGENCY_LEADER})


def agency_id_of(actor: User) -> int:
    """Return the actor's agency id; refuse an actor without an agency."""
    if actor.agency_id is None or not actor.is_active:
        raise PermissionDeniedError
    return actor.agency_id


def ensure_member(actor: User, agency_id: int) -> None:
    """Refuse an inactive actor or one of another agency."""
    if not actor.is_active or actor.agency_id != agency_id:
        raise PermissionDeniedError


def ensure_plan_editor(actor: User, agency_id: int) -> None:
    """Refuse unless ``actor`` drafts the file plan of the agency."""
    ensure_member(actor, agency_id)
    if not effective_roles(actor) & PLAN_EDITOR_ROLES:
        raise PermissionDeniedError(_("Chỉ văn phòng, lưu trữ hoặc lãnh đạo mới lập danh mục."))


def ensure_leader(actor: User, agency_id: int) -> None:
    """Refuse unless ``actor`` leads the agency (or holds a leader's authority)."""
    ensure_member(actor, agency_id)
    if not can_route(actor):
        raise PermissionDeniedError(_("Chỉ lãnh đạo cơ quan mới phê duyệt danh mục hồ sơ."))


def may_write(actor: User, dossier: Dossier) -> bool:
    """Return whether ``actor`` may change ``dossier``: its creator or the head of its unit."""
    if not actor.is_active or actor.agency_id != dossier.agency_id:
        return False
    return dossier.creator_id == actor.pk or is_unit_head(actor, dossier.unit_id)


def ensure_writer(actor: User, dossier: Dossier) -> None:
    """Refuse unless ``actor`` may change ``dossier``."""
    if not may_write(actor, dossier):
        raise PermissionDeniedError(
            _("Chỉ người lập hồ sơ hoặc lãnh đạo đơn vị mới được thay đổi hồ sơ.")
        )
