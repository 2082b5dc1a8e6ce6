"""Who is told about an assignment: the person, or the heads of the unit it was given to."""

from __future__ import annotations

from django.db.models import QuerySet

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.workflow.models import Assignment


def unit_heads(unit_id: int) -> QuerySet[User]:
    """Return the active heads of a unit (lãnh đạo đơn vị)."""
    return User.objects.filter(unit_id=unit_id, is_active=True, role_grants__role=Role.UNIT_HEAD)


def recipients_of(assignment: Assignment) -> list[User]:
    """Return the active users an assignment reaches.

    A person: that person. A unit: its heads, who re-assign inside the unit; a unit without a
    head: its active members, so that nobody misses it.
    """
    if assignment.party_user_id is not None:
        user = assignment.party_user
        return [user] if user is not None and user.is_active else []
    if assignment.party_unit_id is None:
        return []
    heads = list(unit_heads(assignment.party_unit_id).order_by("pk"))
    if heads:
        return heads
    return list(
        User.objects.filter(unit_id=assignment.party_unit_id, is_active=True).order_by("pk")
    )
