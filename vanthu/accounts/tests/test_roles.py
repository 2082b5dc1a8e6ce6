"""Tests of roles, delegated authority and clearance checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import (
    acting_for,
    active_delegations_to,
    can_see_confidentiality,
    effective_roles,
    has_role,
    roles_of,
)
from vanthu.accounts.tests.factories import (
    make_delegation,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_roles_of_and_has_role() -> None:
    user = make_user(roles=[Role.CLERK, Role.ARCHIVIST])
    assert roles_of(user) == {Role.CLERK, Role.ARCHIVIST}
    assert has_role(user, Role.CLERK)
    assert not has_role(user, Role.INSPECTOR)
    assert roles_of(make_user(roles=[Role.CLERK], is_active=False)) == frozenset()


def test_acting_for_only_active_delegations_on_the_day() -> None:
    grantee = make_user()
    today = timezone.localdate()
    week = make_delegation(grantee=grantee, grantor=make_user(agency=grantee.agency))
    make_delegation(
        grantee=grantee,
        grantor=make_user(agency=grantee.agency),
        revoked_at=timezone.now(),
    )
    make_delegation(
        grantee=grantee,
        grantor=make_user(agency=grantee.agency, is_active=False),
    )
    future = make_delegation(
        grantee=grantee,
        grantor=make_user(agency=grantee.agency),
        start_date=today + dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=12),
    )
    assert acting_for(grantee) == [week.grantor]
    assert list(active_delegations_to(grantee)) == [week]
    assert acting_for(grantee, on=today + dt.timedelta(days=11)) == [future.grantor]
    assert acting_for(grantee, on=today + dt.timedelta(days=7)) == [week.grantor]
    assert acting_for(grantee, on=today + dt.timedelta(days=8)) == []


def test_effective_roles_include_delegated_ones() -> None:
    grantee = make_user(roles=[Role.SPECIALIST])
    leader = make_user(agency=grantee.agency, roles=[Role.AGENCY_LEADER])
    make_delegation(grantor=leader, grantee=grantee)
    assert effective_roles(grantee) == {Role.SPECIALIST, Role.AGENCY_LEADER}
    assert roles_of(grantee) == {Role.SPECIALIST}


@pytest.mark.parametrize(
    ("clearance", "level", "allow_classified", "expected"),
    [
        (Clearance.NONE, 0, False, True),
        (Clearance.NONE, 1, False, False),
        (Clearance.CONFIDENTIAL, 1, False, True),
        (Clearance.TOP_SECRET, 1, False, True),
        (Clearance.TOP_SECRET, 2, False, False),
        (Clearance.TOP_SECRET, 3, False, False),
        (Clearance.TOP_SECRET, 3, True, True),
        (Clearance.SECRET, 2, True, True),
        (Clearance.SECRET, 3, True, False),
        (Clearance.CONFIDENTIAL, 2, True, False),
    ],
)
def test_can_see_confidentiality(
    settings: Any, clearance: Clearance, level: int, allow_classified: bool, expected: bool
) -> None:
    settings.VANTHU_ALLOW_CLASSIFIED = allow_classified
    user: User = make_user(clearance=clearance)
    assert can_see_confidentiality(user, level) is expected
