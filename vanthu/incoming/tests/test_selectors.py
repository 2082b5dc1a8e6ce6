"""Who sees which incoming records, the list filters and the list's query count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vanthu.accounts.enums import Clearance
from vanthu.accounts.tests.factories import make_delegation, make_user
from vanthu.core.api import keyset_page
from vanthu.core.errors import NotFoundError
from vanthu.documents.enums import Confidentiality
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import (
    IncomingFilters,
    incoming_get_for,
    incoming_list_for,
    incoming_visible_for,
)
from vanthu.incoming.services import incoming_assign
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.enums import AssignmentRole
from vanthu.workflow.models import Assignment
from vanthu.workflow.parties import Party

pytestmark = pytest.mark.django_db


def _ids(records: Any) -> set[int]:
    return {record.pk for record in records}


@pytest.fixture
def three(office: Office) -> tuple[IncomingRecord, IncomingRecord, IncomingRecord]:
    """One record for specialist A, one for unit B, one not assigned."""
    to_a = incoming_assign(
        actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_a)
    )
    to_b = incoming_assign(
        actor=office.leader, incoming=office.register(), lead=Party(unit=office.unit_b)
    )
    return to_a, to_b, office.register()


class TestVisibility:
    @pytest.mark.parametrize("who", ["clerk", "leader"])
    def test_clerks_and_leaders_see_the_whole_register(
        self, office: Office, three: tuple[IncomingRecord, ...], who: str
    ) -> None:
        assert _ids(incoming_visible_for(actor=getattr(office, who))) == _ids(three)

    def test_a_delegate_of_the_leader_sees_the_whole_register(
        self, office: Office, three: tuple[IncomingRecord, ...]
    ) -> None:
        deputy = make_user(agency=office.agency)
        assert not incoming_visible_for(actor=deputy).exists()
        make_delegation(grantor=office.leader, grantee=deputy)
        assert _ids(incoming_visible_for(actor=deputy)) == _ids(three)

    def test_specialists_see_what_is_given_to_them(
        self, office: Office, three: tuple[IncomingRecord, ...]
    ) -> None:
        to_a, _to_b, _free = three
        assert _ids(incoming_visible_for(actor=office.specialist_a)) == {to_a.pk}
        assert not incoming_visible_for(actor=office.specialist_a2).exists()
        # Given to unit B as a unit: its members see it only through their head.
        assert not incoming_visible_for(actor=office.specialist_b).exists()

    def test_unit_heads_see_what_is_given_to_their_unit_or_members(
        self, office: Office, three: tuple[IncomingRecord, ...]
    ) -> None:
        to_a, to_b, _free = three
        assert _ids(incoming_visible_for(actor=office.head_a)) == {to_a.pk}
        assert _ids(incoming_visible_for(actor=office.head_b)) == {to_b.pk}

    def test_an_assignment_counts_only_in_its_own_agency(
        self, office: Office, other_office: Office
    ) -> None:
        """GIVEN a record of the specialist's agency and an assignment of that same document
        to them in another agency (a person who moved, a document both received)
        WHEN the specialist lists THEN the record stays hidden."""
        record = office.register()
        Assignment.objects.create(
            document=record.document,
            agency=other_office.agency,
            party_user=office.specialist_a,
            role=AssignmentRole.LEAD,
            assigned_by=other_office.leader,
        )
        assert not incoming_visible_for(actor=office.specialist_a).exists()

    def test_superseded_assignments_do_not_count(self, office: Office) -> None:
        record = incoming_assign(
            actor=office.leader, incoming=office.register(), lead=Party(user=office.specialist_a)
        )
        incoming_assign(actor=office.leader, incoming=record, lead=Party(user=office.specialist_b))
        assert not incoming_visible_for(actor=office.specialist_a).exists()
        assert _ids(incoming_visible_for(actor=office.specialist_b)) == {record.pk}
        assert _ids(incoming_visible_for(actor=office.head_b)) == {record.pk}
        assert not incoming_visible_for(actor=office.head_a).exists()

    def test_another_agency_sees_nothing(
        self, office: Office, other_office: Office, three: tuple[IncomingRecord, ...]
    ) -> None:
        assert not incoming_visible_for(actor=other_office.clerk).exists()
        with pytest.raises(NotFoundError):
            incoming_get_for(actor=other_office.leader, pk=three[0].pk)

    def test_confidential_records_need_clearance(self, office: Office) -> None:
        secret = office.register(confidentiality=Confidentiality.CONFIDENTIAL)
        incoming_assign(actor=office.leader, incoming=secret, lead=Party(user=office.specialist_a))
        with pytest.raises(NotFoundError):
            incoming_get_for(actor=office.specialist_a, pk=secret.pk)
        office.specialist_a.clearance = Clearance.CONFIDENTIAL
        office.specialist_a.save(update_fields=["clearance"])
        assert incoming_get_for(actor=office.specialist_a, pk=secret.pk) == secret

    def test_an_uncleared_leader_does_not_see_confidential_records(self, office: Office) -> None:
        secret = office.register(confidentiality=Confidentiality.CONFIDENTIAL)
        office.leader.clearance = Clearance.NONE
        office.leader.save(update_fields=["clearance"])
        assert secret.pk not in _ids(incoming_visible_for(actor=office.leader))

    def test_inactive_users_see_nothing(
        self, office: Office, three: tuple[IncomingRecord, ...]
    ) -> None:
        office.clerk.is_active = False
        office.clerk.save(update_fields=["is_active"])
        assert not incoming_visible_for(actor=office.clerk).exists()


class TestFilters:
    def test_each_filter_narrows_the_list(self, office: Office) -> None:
        plan = office.register(on=dt.date(2024, 3, 4), issued_date=dt.date(2024, 3, 1))
        letter = office.register(
            type_code="22",
            code_notation="STP-VP",
            organ_name="Sở Tư pháp tỉnh Kiên Giang",
            subject="Đề nghị cung cấp số liệu đăng ký hộ tịch",
        )
        assigned = incoming_assign(
            actor=office.leader,
            incoming=office.register(),
            lead=Party(user=office.specialist_a),
            due_date=today_in_vietnam(),
        )
        cases: list[tuple[IncomingFilters, set[int]]] = [
            (IncomingFilters(), {plan.pk, letter.pk, assigned.pk}),
            (IncomingFilters(date_to=dt.date(2024, 12, 31)), {plan.pk}),
            (IncomingFilters(date_from=dt.date(2025, 1, 1)), {letter.pk, assigned.pk}),
            (IncomingFilters(status=IncomingStatus.ASSIGNED), {assigned.pk}),
            (IncomingFilters(type_code="22"), {letter.pk}),
            (IncomingFilters(organ="so tu phap"), {letter.pk}),
            (IncomingFilters(organ="SỞ TƯ PHÁP"), {letter.pk}),
            (IncomingFilters(q="ho tich"), {letter.pk}),
            (IncomingFilters(q="Hộ  tịch"), {letter.pk}),
            (IncomingFilters(q="STP-VP"), {letter.pk}),
            (IncomingFilters(overdue_on=today_in_vietnam()), set()),
            (IncomingFilters(overdue_on=today_in_vietnam() + dt.timedelta(days=1)), {assigned.pk}),
        ]
        for filters, expected in cases:
            assert _ids(incoming_list_for(actor=office.clerk, filters=filters)) == expected, filters


class TestListQueries:
    @pytest.mark.parametrize("rows", [2, 8])
    def test_a_page_costs_the_same_queries_whatever_its_size(
        self, office: Office, rows: int, django_assert_num_queries: Any
    ) -> None:
        for _ in range(rows):
            office.register()
        clerk = type(office.clerk).objects.get(pk=office.clerk.pk)  # no cached roles
        # The actor's roles, then the page (document and type joined).
        with django_assert_num_queries(2):
            page = keyset_page(
                incoming_list_for(actor=clerk, filters=IncomingFilters()),
                sort_field="arrival_date",
                cursor=None,
                limit=5,
                descending=True,
            )
            subjects = [row.document.subject for row in page.items]
            types = [row.document.document_type.code for row in page.items]
        assert len(subjects) == len(types) == min(rows, 5)
        assert (page.next_cursor is not None) == (rows > 5)

    def test_pages_walk_every_record_once_newest_first(self, office: Office) -> None:
        records = [office.register() for _ in range(5)]
        seen: list[int] = []
        cursor = None
        while True:
            page = keyset_page(
                incoming_list_for(actor=office.clerk),
                sort_field="arrival_date",
                cursor=cursor,
                limit=2,
                descending=True,
            )
            seen += [row.pk for row in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == [r.pk for r in reversed(records)]
