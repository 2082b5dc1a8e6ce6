"""Default due dates in working days, from the agency's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.enums import CalendarDayKind
from vanthu.accounts.models import CalendarDay
from vanthu.accounts.tests.factories import make_agency
from vanthu.core.calendar import WorkingCalendar
from vanthu.documents.enums import Urgency
from vanthu.documents.models import DocumentType
from vanthu.workflow.deadlines import (
    DEFAULT_WORKING_DAYS,
    due_date_default,
    is_overdue,
    working_days_left,
)
from vanthu.workflow.models import DeadlineRule

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2025, 3, 3)
FRIDAY = dt.date(2025, 3, 7)
SATURDAY = dt.date(2025, 3, 8)


@pytest.mark.parametrize(
    ("urgency", "on", "expected"),
    [
        (Urgency.NORMAL, MONDAY, dt.date(2025, 3, 12)),  # 7 working days, over a weekend
        (Urgency.URGENT, FRIDAY, dt.date(2025, 3, 12)),
        (Urgency.VERY_URGENT, FRIDAY, dt.date(2025, 3, 10)),
        (Urgency.FLASH, MONDAY, MONDAY),  # the same day
        (Urgency.FLASH, SATURDAY, dt.date(2025, 3, 10)),  # the next working day
    ],
)
def test_defaults_without_rules(urgency: Urgency, on: dt.date, expected: dt.date) -> None:
    assert due_date_default(make_agency(), urgency, on) == expected


def test_public_holidays_are_skipped() -> None:
    # 30 April – 4 May 2025 are off (2 May swapped for Saturday 26 April): 7 working days
    # from Monday 28 April are 29 April and 5–9 May and 12 May.
    assert due_date_default(make_agency(), Urgency.NORMAL, dt.date(2025, 4, 28)) == dt.date(
        2025, 5, 12
    )


def test_the_agencys_own_days_off_are_skipped() -> None:
    agency = make_agency()
    CalendarDay.objects.create(agency=agency, day=dt.date(2025, 3, 4), kind=CalendarDayKind.DAY_OFF)
    assert due_date_default(agency, Urgency.URGENT, MONDAY) == dt.date(2025, 3, 7)


def test_an_agency_rule_replaces_the_default() -> None:
    agency = make_agency()
    DeadlineRule.objects.create(agency=agency, urgency=Urgency.NORMAL, working_days=10)
    assert due_date_default(agency, Urgency.NORMAL, MONDAY) == dt.date(2025, 3, 17)
    assert due_date_default(make_agency(), Urgency.NORMAL, MONDAY) == dt.date(2025, 3, 12)


def test_a_rule_for_the_type_wins_over_the_agency_rule() -> None:
    agency = make_agency()
    plan = DocumentType.objects.get(code="10")
    letter = DocumentType.objects.get(code="22")
    DeadlineRule.objects.create(agency=agency, urgency=Urgency.NORMAL, working_days=10)
    DeadlineRule.objects.create(
        agency=agency, document_type=plan, urgency=Urgency.NORMAL, working_days=2
    )
    assert due_date_default(agency, Urgency.NORMAL, MONDAY, document_type=plan) == dt.date(
        2025, 3, 5
    )
    assert due_date_default(agency, Urgency.NORMAL, MONDAY, document_type=letter) == dt.date(
        2025, 3, 17
    )


def test_every_urgency_has_a_default() -> None:
    assert set(DEFAULT_WORKING_DAYS) == set(Urgency)


def test_overdue_and_days_left() -> None:
    calendar = WorkingCalendar()
    assert not is_overdue(None, today=MONDAY)
    assert not is_overdue(MONDAY, today=MONDAY)
    assert is_overdue(MONDAY, today=dt.date(2025, 3, 4))
    assert working_days_left(dt.date(2025, 3, 10), today=FRIDAY, calendar=calendar) == 1
    assert working_days_left(FRIDAY, today=dt.date(2025, 3, 10), calendar=calendar) == -1
