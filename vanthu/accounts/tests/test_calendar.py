"""The agency calendar read from CalendarDay rows."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_django import DjangoAssertNumQueries

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.enums import CalendarDayKind
from vanthu.accounts.models import Agency, CalendarDay
from vanthu.accounts.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

D = dt.date


def make_agency() -> Agency:
    agency: Agency = AgencyFactory.create()
    return agency


def test_days_set_by_the_agency_admin(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    agency = make_agency()
    CalendarDay.objects.create(
        agency=agency, day=D(2026, 3, 9), kind=CalendarDayKind.DAY_OFF, note="Nghỉ bầu cử"
    )
    CalendarDay.objects.create(agency=agency, day=D(2026, 3, 10), kind=CalendarDayKind.DAY_OFF)
    CalendarDay.objects.create(agency=agency, day=D(2026, 3, 7), kind=CalendarDayKind.WORKING_DAY)

    with django_assert_num_queries(1):
        calendar = agency_calendar(agency)

    assert not calendar.is_working_day(D(2026, 3, 9))
    assert calendar.holiday_name(D(2026, 3, 9)) == "Nghỉ bầu cử"
    assert calendar.holiday_name(D(2026, 3, 10)) == "Ngày nghỉ của cơ quan"
    assert calendar.is_working_day(D(2026, 3, 7))  # a Saturday made a working day
    # Friday 6/3 + 1 → Saturday 7/3 (make-up); + 2 → Wednesday 11/3 (skips 8, 9, 10).
    assert calendar.add_working_days(D(2026, 3, 6), 1) == D(2026, 3, 7)
    assert calendar.add_working_days(D(2026, 3, 6), 2) == D(2026, 3, 11)


def test_other_agencies_days_do_not_count() -> None:
    agency, other = make_agency(), make_agency()
    CalendarDay.objects.create(agency=other, day=D(2026, 3, 9), kind=CalendarDayKind.DAY_OFF)
    CalendarDay.objects.create(agency=other, day=D(2026, 3, 7), kind=CalendarDayKind.WORKING_DAY)

    calendar = agency_calendar(agency)

    assert calendar.is_working_day(D(2026, 3, 9))
    assert not calendar.is_working_day(D(2026, 3, 7))


def test_public_holidays_still_apply() -> None:
    calendar = agency_calendar(make_agency())
    assert not calendar.is_working_day(D(2026, 2, 17))
    assert calendar.holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
