"""Reads of agencies and users, scoped to the actor (design.md §6, Permissions)."""

from __future__ import annotations

from django.db.models import QuerySet

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import is_inspector
from vanthu.core.errors import NotFoundError

# Deeper hierarchies than this are a data error; the walk stops rather than loop.
_MAX_AGENCY_DEPTH = 20


def agency_subtree_ids(agency_id: int) -> set[int]:
    """Return ``agency_id`` and the ids of all agencies below it (one query per level)."""
    found = {agency_id}
    frontier = {agency_id}
    for _level in range(_MAX_AGENCY_DEPTH):
        children = set(Agency.objects.filter(superior_id__in=frontier).values_list("pk", flat=True))
        frontier = children - found
        if not frontier:
            break
        found |= frontier
    return found


def agencies_visible_to(*, actor: User) -> QuerySet[Agency]:
    """Return the agencies ``actor`` may see: own agency and those below it; inspectors all."""
    if not actor.is_active:
        return Agency.objects.none()
    if actor.is_superuser or is_inspector(actor):
        return Agency.objects.all()
    if actor.agency_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(pk__in=agency_subtree_ids(actor.agency_id))


def agency_get_for(*, actor: User, agency_id: int) -> Agency:
    """Return one visible agency; "not visible" and "does not exist" both raise NotFoundError."""
    agency = agencies_visible_to(actor=actor).filter(pk=agency_id).first()
    if agency is None:
        raise NotFoundError
    return agency


def user_get_by_username(*, username: str) -> User | None:
    """Return the user called ``username`` (management commands), or None."""
    return User.objects.filter(username=username).first()
