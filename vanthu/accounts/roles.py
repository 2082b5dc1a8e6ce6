"""Who holds which role, whose authority a user holds by delegation, and clearance checks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Delegation, User

_ROLES_CACHE = "_vanthu_roles"
_ROLES_SQL = "SELECT role FROM accounts_userrole WHERE user_id = %s"
_ACTING_CACHE = "_vanthu_acting_for"


def roles_of(user: User) -> frozenset[Role]:
    """Return the roles granted to ``user`` (cached on the instance; inactive users have none)."""
    if not user.is_active or user.pk is None:
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        # Read on almost every request: written out (the ORM query costs more to build than
        # to run).
        with connection.cursor() as cursor:
            cursor.execute(_ROLES_SQL, [user.pk])
            cached = frozenset(Role(row[0]) for row in cursor.fetchall())
        setattr(user, _ROLES_CACHE, cached)
    return cached


def forget_roles(user: User) -> None:
    """Drop the cached roles of ``user`` (after its roles changed)."""
    for name in (_ROLES_CACHE, _ACTING_CACHE):
        if hasattr(user, name):
            delattr(user, name)


def has_role(user: User, role: Role) -> bool:
    """Return whether ``user`` holds ``role`` themselves (not through delegation)."""
    return role in roles_of(user)


def is_inspector(user: User) -> bool:
    """Return whether ``user`` has read-only oversight across agencies."""
    return has_role(user, Role.INSPECTOR)


def is_agency_admin_of(user: User, agency_id: int | None) -> bool:
    """Return whether ``user`` administers the agency ``agency_id`` (superusers do everywhere)."""
    if user.is_superuser and user.is_active:
        return True
    return (
        agency_id is not None and user.agency_id == agency_id and has_role(user, Role.AGENCY_ADMIN)
    )


def active_delegations_to(user: User, *, on: dt.date | None = None) -> QuerySet[Delegation]:
    """Return the delegations held by ``user`` on the day ``on`` (default: today, local time)."""
    day = on or timezone.localdate()
    return (
        Delegation.objects.filter(
            grantee=user,
            revoked_at__isnull=True,
            start_date__lte=day,
            end_date__gte=day,
            grantor__is_active=True,
        )
        .select_related("grantor")
        .order_by("start_date", "pk")
    )


def acting_for(user: User, *, on: dt.date | None = None) -> list[User]:
    """Return the users whose authority ``user`` holds on ``on`` through an active delegation.

    Today's answer is cached on the instance (a request asks several times); ``forget_roles``
    drops it.
    """
    if not user.is_active:
        return []
    day = on or timezone.localdate()
    cached: tuple[dt.date, list[User]] | None = getattr(user, _ACTING_CACHE, None)
    if on is None and cached is not None and cached[0] == day:
        return list(cached[1])
    seen: dict[int, User] = {}
    for delegation in active_delegations_to(user, on=day):
        seen.setdefault(delegation.grantor.pk, delegation.grantor)
    grantors = list(seen.values())
    if on is None:
        setattr(user, _ACTING_CACHE, (day, grantors))
    return list(grantors)


def effective_roles(user: User, *, on: dt.date | None = None) -> frozenset[Role]:
    """Return the user's own roles plus those held through active delegations."""
    roles = set(roles_of(user))
    for grantor in acting_for(user, on=on):
        roles |= roles_of(grantor)
    return frozenset(roles)


def can_see_confidentiality(user: User, level: int) -> bool:
    """Return whether ``user`` may see content of confidentiality ``level`` (0 = none).

    Classified content (Tối mật, Tuyệt mật) is refused unless VANTHU_ALLOW_CLASSIFIED is on.
    """
    if level <= Clearance.NONE:
        return True
    if not user.is_active:
        return False
    if level >= Clearance.SECRET and not settings.VANTHU_ALLOW_CLASSIFIED:
        return False
    return int(user.clearance) >= level


def can_route(user: User, *, on: dt.date | None = None) -> bool:
    """Return whether ``user`` routes the documents of their agency: an agency leader, or a
    deputy holding a leader's authority by delegation on ``on`` (default: today)."""
    return user.agency_id is not None and Role.AGENCY_LEADER in effective_roles(user, on=on)


def is_unit_head(user: User, unit_id: int | None = None) -> bool:
    """Return whether ``user`` heads their unit (and so oversees what is given to it).

    With ``unit_id``: whether that unit is the one they head.
    """
    if user.unit_id is None or not has_role(user, Role.UNIT_HEAD):
        return False
    return unit_id is None or user.unit_id == unit_id


def max_confidentiality(user: User) -> int:
    """Return the highest confidentiality level ``user`` may see (0: none)."""
    return max(level for level in Clearance.values if can_see_confidentiality(user, level))
