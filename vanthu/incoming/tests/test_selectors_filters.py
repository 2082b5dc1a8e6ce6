"""Register list: the unit and assignee filters, urgent documents first, the queries per page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from vanthu.documents.enums import Urgency
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import IncomingFilters, incoming_list_for
from vanthu.incoming.services import incoming_assign, incoming_return
from vanthu.incoming.tests.deliveries import send
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.parties import Party

pytestmark = pytest.mark.django_db
URL = "/api/v1/incoming"


def _ids(office: Office, **filters: Any) -> set[int]:
    rows = incoming_list_for(actor=office.clerk, filters=IncomingFilters(**filters))
    return set(rows.values_list("pk", flat=True))


class TestUnitAndAssignee:
    def test_filters_follow_current_assignments(self, office: Office) -> None:
        to_person = incoming_assign(
            actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_a)
        )
        to_unit_b = incoming_assign(
            actor=office.leader,
            incoming=office.register(),
            lead=Party(unit=office.unit_b),
            supports=[Party(user=office.specialist_a2)],
        )
        returned = incoming_assign(
            actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_b)
        )
        incoming_return(actor=office.specialist_b, incoming=returned, reason="Nhầm đơn vị")
        office.register()  # never assigned

        assert _ids(office, unit_id=office.unit_a.pk) == {to_person.pk, to_unit_b.pk}
        assert _ids(office, unit_id=office.unit_b.pk) == {to_unit_b.pk}  # returned: superseded
        assert _ids(office, assignee=office.specialist_a.username) == {to_person.pk}
        assert _ids(office, assignee=office.specialist_a2.username) == {to_unit_b.pk}
        assert _ids(office, assignee=office.specialist_b.username) == set()
        assert _ids(office, assignee="nobody") == set()
        both = _ids(office, unit_id=office.unit_a.pk, assignee=office.specialist_a.username)
        assert both == {to_person.pk}

    def test_the_filters_never_widen_visibility(self, office: Office) -> None:
        mine = incoming_assign(
            actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_a)
        )
        incoming_assign(
            actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_b)
        )
        rows = incoming_list_for(
            actor=office.specialist_a, filters=IncomingFilters(unit_id=office.unit_b.pk)
        )
        assert not rows.exists()
        rows = incoming_list_for(actor=office.specialist_a, filters=IncomingFilters())
        assert list(rows.values_list("pk", flat=True)) == [mine.pk]


class TestUrgencyOrder:
    def test_urgent_first_then_newest_across_pages(self, client: Client, office: Office) -> None:
        normal_old = office.register()
        urgent = office.register(urgency=Urgency.URGENT)
        flash = office.register(urgency=Urgency.FLASH)
        normal_new = office.register()
        very = office.register(urgency=Urgency.VERY_URGENT)
        client.force_login(office.clerk)
        seen: list[int] = []
        url = f"{URL}?sort=urgency&limit=2"
        while url:
            body = client.get(url).json()
            seen += [item["id"] for item in body["items"]]
            cursor = body["next_cursor"]
            url = f"{URL}?sort=urgency&limit=2&cursor={cursor}" if cursor else ""
        assert seen == [flash.pk, very.pk, urgent.pk, normal_new.pk, normal_old.pk]
        arrival = [item["id"] for item in client.get(URL).json()["items"]]
        assert arrival == [very.pk, normal_new.pk, flash.pk, urgent.pk, normal_old.pk]

    def test_the_rank_is_stored_at_registration(self, office: Office) -> None:
        ranks = {
            urgency: office.register(urgency=urgency).urgency_rank
            for urgency in (Urgency.NORMAL, Urgency.URGENT, Urgency.VERY_URGENT, Urgency.FLASH)
        }
        assert list(ranks.values()) == [0, 1, 2, 3]

    def test_a_cursor_of_the_other_order_is_refused(self, client: Client, office: Office) -> None:
        for _ in range(3):
            office.register()
        client.force_login(office.clerk)
        cursor = client.get(f"{URL}?limit=1").json()["next_cursor"]
        response = client.get(f"{URL}?sort=urgency&cursor={cursor}")
        assert (response.status_code, response.json()["code"]) == (400, "invalid_cursor")


class TestQueriesPerList:
    @pytest.mark.parametrize("rows", [2, 6])
    @pytest.mark.parametrize(
        "query",
        ["", "?sort=urgency", "?unit={unit}", "?assignee={user}", "?overdue=true&q=kiem"],
    )
    def test_a_page_costs_the_same_whatever_the_rows(
        self,
        client: Client,
        office: Office,
        rows: int,
        query: str,
        django_assert_num_queries: Any,
    ) -> None:
        for _ in range(rows):
            incoming_assign(
                actor=office.leader,
                incoming=office.register(),
                lead=Party(user=office.specialist_a),
            )
        client.force_login(office.clerk)
        url = URL + query.format(unit=office.unit_a.pk, user=office.specialist_a.username)
        # Session, user, the user's roles, then the page with its document and type joined.
        with django_assert_num_queries(4):
            response = client.get(url + ("&" if "?" in url else "?") + "limit=5")
        assert response.status_code == 200
        expected = 0 if "overdue" in query else min(rows, 5)
        assert len(response.json()["items"]) == expected

    def test_the_pending_queue_costs_the_same(
        self, client: Client, office: Office, other_office: Office, django_assert_num_queries: Any
    ) -> None:
        for n in range(4):
            send(other_office, office, code_number=str(n))
        client.force_login(office.clerk)
        with django_assert_num_queries(4):
            body = client.get("/api/v1/incoming/pending?limit=3").json()
        assert len(body["items"]) == 3
        assert IncomingRecord.objects.count() == 0
