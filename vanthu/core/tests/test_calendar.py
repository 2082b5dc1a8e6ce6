"""The working-day calendar: weekends, Vietnamese public holidays, agency days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanthu.core.calendar import WorkingCalendar, public_holiday_name
from vanthu.core.tests.strategies import dates

D = dt.date
calendar = WorkingCalendar()


class TestPublicHolidays:
    @pytest.mark.parametrize(
        "day",
        [
            D(2026, 1, 1),  # Tết Dương lịch
            D(2026, 2, 16),  # Giao thừa
            D(2026, 2, 17),  # Tết Nguyên Đán, mùng 1
            D(2026, 2, 18),
            D(2026, 2, 19),
            D(2026, 2, 20),
            D(2025, 4, 7),  # Giỗ Tổ Hùng Vương, 10/3 âm lịch
            D(2026, 4, 27),  # Giỗ Tổ on Sunday 26/4 → Monday off
            D(2025, 4, 30),
            D(2025, 5, 1),
            D(2025, 5, 2),  # swapped with Saturday 26/4/2025
            D(2025, 9, 1),  # the day next to Quốc khánh
            D(2025, 9, 2),
        ],
    )
    def test_holidays_are_not_working_days(self, day: dt.date) -> None:
        assert not calendar.is_working_day(day)
        assert calendar.holiday_name(day)

    def test_names_are_vietnamese(self) -> None:
        assert public_holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
        assert calendar.holiday_name(D(2025, 9, 2)) == "Quốc khánh"
        assert calendar.holiday_name(D(2025, 4, 7)) == "Ngày Giỗ Tổ Hùng Vương"
        assert calendar.holiday_name(D(2026, 2, 23)) is None

    def test_tet_follows_the_lunar_calendar(self) -> None:
        assert public_holiday_name(D(2025, 1, 29)) == "Tết Nguyên Đán"
        assert public_holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
        assert public_holiday_name(D(2026, 1, 29)) is None

    def test_weekends_are_off_and_weekdays_work(self) -> None:
        assert not calendar.is_working_day(D(2026, 3, 7))  # Saturday
        assert not calendar.is_working_day(D(2026, 3, 8))  # Sunday
        assert calendar.is_working_day(D(2026, 3, 9))  # Monday

    def test_government_make_up_saturday_is_a_working_day(self) -> None:
        assert calendar.is_working_day(D(2025, 4, 26))
        assert calendar.is_working_day(D(2014, 12, 27))  # swapped for 02/01/2015


class TestAgencyDays:
    def test_extra_day_off_and_make_up_day(self) -> None:
        agency = WorkingCalendar(
            extra_days_off=[D(2026, 3, 9)],
            extra_working_days=[D(2026, 3, 7), D(2026, 2, 20)],
            notes={D(2026, 3, 9): "Nghỉ bầu cử"},
        )
        assert not agency.is_working_day(D(2026, 3, 9))
        assert agency.holiday_name(D(2026, 3, 9)) == "Nghỉ bầu cử"
        assert agency.is_working_day(D(2026, 3, 7))
        assert agency.is_working_day(D(2026, 2, 20))
        assert agency.holiday_name(D(2026, 2, 20)) is None

    def test_day_off_without_note_has_a_default_name(self) -> None:
        agency = WorkingCalendar([D(2026, 3, 10)])
        assert agency.holiday_name(D(2026, 3, 10)) == "Ngày nghỉ của cơ quan"

    def test_a_day_cannot_be_both(self) -> None:
        with pytest.raises(ValueError, match="10/03/2026"):
            WorkingCalendar([D(2026, 3, 10)], [D(2026, 3, 10)])


class TestArithmetic:
    def test_add_working_days_skips_tet(self) -> None:
        # Friday 13/2/2026 + 1 working day: weekend, then Tết 16–20/2, weekend → Monday 23/2.
        assert calendar.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
        assert calendar.add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)

    def test_add_zero(self) -> None:
        assert calendar.add_working_days(D(2026, 3, 9), 0) == D(2026, 3, 9)
        assert calendar.add_working_days(D(2026, 3, 7), 0) == D(2026, 3, 9)
        assert calendar.add_working_days(D(2025, 8, 30), 0) == D(2025, 9, 3)

    def test_negative_count_is_refused(self) -> None:
        with pytest.raises(ValueError, match="zero or more"):
            calendar.add_working_days(D(2026, 3, 9), -1)

    def test_make_up_day_counts(self) -> None:
        # Friday 25/4/2025 + 1 → Saturday 26/4/2025, a make-up working day.
        assert calendar.add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)

    def test_working_days_between(self) -> None:
        assert calendar.working_days_between(D(2026, 3, 9), D(2026, 3, 16)) == 5
        assert calendar.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
        assert calendar.working_days_between(D(2026, 3, 9), D(2026, 3, 9)) == 0
        assert calendar.working_days_between(D(2026, 3, 16), D(2026, 3, 9)) == 0

    def test_year_2026_has_the_expected_number_of_working_days(self) -> None:
        # 261 weekdays; minus public holidays on weekdays (1/1, 16–20/2, 27/4, 30/4, 1/5,
        # 31/8, 1/9, 2/9, 24/11 = 13), plus the make-up Saturday 22/8.
        assert calendar.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 261 - 13 + 1


agency_days = st.lists(dates, max_size=20)


@settings(deadline=None)
@given(dates, st.integers(min_value=0, max_value=60), agency_days, agency_days)
def test_add_working_days_lands_on_a_working_day(
    day: dt.date, count: int, days_off: list[dt.date], working: list[dt.date]
) -> None:
    agency = WorkingCalendar(set(days_off) - set(working), working)
    result = agency.add_working_days(day, count)
    assert agency.is_working_day(result)
    assert result >= day
    if count > 0:
        assert result > day


@settings(deadline=None)
@given(dates, st.integers(min_value=0, max_value=60), agency_days, agency_days)
def test_between_undoes_add(
    day: dt.date, count: int, days_off: list[dt.date], working: list[dt.date]
) -> None:
    agency = WorkingCalendar(set(days_off) - set(working), working)
    start = agency.next_working_day(day)
    assert agency.working_days_between(start, agency.add_working_days(start, count)) == count
