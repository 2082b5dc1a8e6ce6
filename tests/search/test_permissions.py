"""Search shows exactly what the incoming selectors let each user see (table test).

Two agencies; records given to a specialist, to a unit, to nobody; confidential records;
delegates, unit heads, inactive users. For every user and several queries, the search results,
and the facet counts, equal the visible set of ``incoming_visible_for``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_delegation, make_user
from vanthu.documents.enums import Confidentiality
from vanthu.incoming.selectors import incoming_visible_for
from vanthu.incoming.services import incoming_assign
from vanthu.incoming.tests.factories import Office
from vanthu.search.backends.base import SearchFilters
from vanthu.search.selectors import search_for
from vanthu.search.tests.helpers import ids, rebuild
from vanthu.workflow.parties import Party

pytestmark = pytest.mark.django_db

QUERIES = ["", "kiem tra", "Kiểm tra công tác", '"van thu luu tru"', "KH-SNV", "mật*"]


def _people(office: Office, other: Office) -> list[User]:
    deputy = make_user(agency=office.agency, unit=office.unit_a, roles=[Role.SPECIALIST])
    today = timezone.localdate()
    make_delegation(grantor=office.leader, grantee=deputy, start_date=today, end_date=today)
    cleared = make_user(
        agency=office.agency,
        unit=office.unit_a,
        roles=[Role.SPECIALIST],
        clearance=Clearance.CONFIDENTIAL,
    )
    inactive = make_user(agency=office.agency, roles=[Role.CLERK], is_active=False)
    stranger = make_user(agency=office.agency, unit=office.unit_b)
    return [
        office.clerk,
        office.leader,
        office.head_a,
        office.head_b,
        office.specialist_a,
        office.specialist_a2,
        office.specialist_b,
        deputy,
        cleared,
        inactive,
        stranger,
        other.clerk,
        other.specialist_a,
    ]


ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.fixture(params=["tantivy", "rum"] if ON_POSTGRESQL else ["tantivy"])
def world(
    request: pytest.FixtureRequest, office: Office, other_office: Office
) -> Iterator[list[User]]:
    with override_settings(VANTHU_SEARCH_BACKEND=request.param):
        yield _world(office, other_office)


def _world(office: Office, other_office: Office) -> list[User]:
    people = _people(office, other_office)
    cleared = people[8]
    secret: dict[str, Any] = {
        "confidentiality": Confidentiality.CONFIDENTIAL,
        "subject": "Kiểm tra công tác bảo vệ tài liệu mật",
    }
    incoming_assign(
        actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_a)
    )
    incoming_assign(
        actor=office.leader,
        incoming=office.register(),
        lead=Party(unit=office.unit_b),
        supports=[Party(user=office.specialist_a2)],
    )
    office.register()
    incoming_assign(
        actor=office.leader, incoming=office.register(**secret), lead=Party(user=cleared)
    )
    incoming_assign(
        actor=office.leader,
        incoming=office.register(**secret),
        lead=Party(user=office.specialist_a),
    )
    incoming_assign(
        actor=other_office.leader,
        incoming=other_office.register(),
        lead=Party(user=other_office.specialist_a),
    )
    other_office.register(confidentiality=Confidentiality.CONFIDENTIAL)
    rebuild()
    return people


def _visible(user: User, q: str) -> set[str]:
    records = incoming_visible_for(actor=user)
    if q in {"mật*"}:
        records = records.filter(document__subject__icontains="mật")
    if q == '"van thu luu tru"':
        records = records.exclude(document__subject__icontains="mật")
    return {f"incoming:{pk}" for pk in records.values_list("pk", flat=True)}


def test_results_and_facets_equal_the_visible_set_for_every_user(world: list[User]) -> None:
    for q in QUERIES:
        for user in world:
            assert set(ids(user, q)) == _visible(user, q), (user.username, q)
    for user in world:
        results = search_for(actor=user, q="kiem tra", facets=True)
        total = sum(count for _value, count in results.facets.get("year", []))
        assert total == len(_visible(user, "kiem tra")), user.username


def test_a_unit_filter_cannot_reach_another_unit(world: list[User], office: Office) -> None:
    specialist_b = office.specialist_b
    seen = set(ids(specialist_b, "", filters=SearchFilters(unit=office.unit_a.pk)))
    assert seen <= _visible(specialist_b, "")
