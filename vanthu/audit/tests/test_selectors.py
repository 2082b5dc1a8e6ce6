"""events_for_target() and events_for_agency()."""

from __future__ import annotations

import pytest
from pytest_django import DjangoAssertNumQueries

from vanthu.audit.models import AuditEvent
from vanthu.audit.selectors import events_for_agency, events_for_target
from vanthu.audit.services import record
from vanthu.audit.tests.factories import make_agency, make_auditor, make_user
from vanthu.core.errors import InvalidInputError, PermissionDeniedError

pytestmark = pytest.mark.django_db


class TestEventsForTarget:
    def test_history_of_one_target_oldest_first(self) -> None:
        target, other = make_user(), make_user()
        first = record(action="test.a", actor=None, target=target)
        record(action="test.b", actor=None, target=other)
        second = record(action="test.c", actor=None, target=target)

        assert list(events_for_target(target)) == [first, second]


class TestEventsForAgency:
    def test_pages_newest_first_without_gaps_or_repeats(
        self, django_assert_num_queries: DjangoAssertNumQueries
    ) -> None:
        actor = make_auditor()
        mine = [record(action="test.mine", actor=actor) for _ in range(5)]
        record(action="test.other", actor=make_user())

        seen: list[AuditEvent] = []
        cursor: str | None = None
        while True:
            with django_assert_num_queries(1):
                page = events_for_agency(actor=actor, cursor=cursor, limit=2)
            seen.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break

        assert seen == list(reversed(mine))

    def test_filter_by_action(self) -> None:
        actor = make_auditor()
        wanted = record(action="test.wanted", actor=actor)
        record(action="test.other", actor=actor)

        page = events_for_agency(actor=actor, action="test.wanted")

        assert page.items == [wanted]
        assert page.next_cursor is None

    def test_an_auditor_cannot_name_another_agency(self) -> None:
        actor = make_auditor()
        other_agency = make_agency()
        record(action="test.elsewhere", actor=None, agency_id=other_agency.pk)
        own = record(action="test.own", actor=actor)

        page = events_for_agency(actor=actor, agency_id=other_agency.pk)

        assert page.items == [own]

    def test_a_superuser_may_name_any_agency(self) -> None:
        superuser = make_user(is_superuser=True)
        other_agency = make_agency()
        elsewhere = record(action="test.elsewhere", actor=None, agency_id=other_agency.pk)

        page = events_for_agency(actor=superuser, agency_id=other_agency.pk)

        assert page.items == [elsewhere]

    def test_a_user_without_the_permission_is_refused(self) -> None:
        with pytest.raises(PermissionDeniedError):
            events_for_agency(actor=make_user())

    def test_an_auditor_without_an_agency_is_refused(self) -> None:
        with pytest.raises(PermissionDeniedError):
            events_for_agency(actor=make_auditor(agency=None, unit=None))

    def test_a_malformed_cursor_is_refused(self) -> None:
        with pytest.raises(InvalidInputError):
            events_for_agency(actor=make_auditor(), cursor="abc")
