"""The working-day calendar: weekends, Vietnam's public holidays and an agency's own days.

Public holidays come from the ``holidays`` package (Tết by the lunar calendar, Giỗ Tổ Hùng
Vương, 30/4, 1/5, 2/9 and the day next to it, days in lieu), including the Saturdays the
Government swaps into working days ("làm bù", e.g. 26/04/2025 for 02/05/2025). An agency admin
adds its own days off and make-up working days on top; the agency's word wins on its days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils.translation import gettext

_SATURDAY = 5
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class _PublicYear:
    holidays: Mapping[dt.date, str]
    weekend_workdays: frozenset[dt.date]


@lru_cache(maxsize=256)
def _public_year(year: int) -> _PublicYear:
    # Swaps may reach into the year before (2015: 02/01/2015 for Saturday 27/12/2014).
    calendar = holidays.country_holidays("VN", language="vi", years=(year, year + 1))
    days = {day: str(name) for day, name in calendar.items() if day.year == year}
    workdays = frozenset(day for day in calendar.weekend_workdays if day.year == year)
    return _PublicYear(holidays=days, weekend_workdays=workdays)


def public_holiday_name(day: dt.date) -> str | None:
    """Return the Vietnamese name of the public holiday on ``day``, or ``None``."""
    return _public_year(day.year).holidays.get(day)


class WorkingCalendar:
    """Working days for one agency: Monday–Friday minus public holidays, plus its own changes.

    ``extra_days_off`` are days the agency does not work; ``extra_working_days`` are days it
    works although they are a weekend or a holiday (make-up days). ``notes`` may name the
    agency's days off (shown by ``holiday_name``).
    """

    def __init__(
        self,
        extra_days_off: Iterable[dt.date] = (),
        extra_working_days: Iterable[dt.date] = (),
        *,
        notes: Mapping[dt.date, str] | None = None,
    ) -> None:
        self._days_off = frozenset(extra_days_off)
        self._working_days = frozenset(extra_working_days)
        both = self._days_off & self._working_days
        if both:
            listed = ", ".join(sorted(f"{day:%d/%m/%Y}" for day in both))
            msg = f"Days both off and working: {listed}"
            raise ValueError(msg)
        self._notes = dict(notes or {})

    def is_working_day(self, day: dt.date) -> bool:
        """Tell whether ``day`` is a working day for this agency."""
        if day in self._working_days:
            return True
        if day in self._days_off:
            return False
        public = _public_year(day.year)
        if day.weekday() >= _SATURDAY:
            return day in public.weekend_workdays
        return day not in public.holidays

    def holiday_name(self, day: dt.date) -> str | None:
        """Return why ``day`` is off: the public holiday's name or the agency's note, else None.

        A day the agency made a working day has no holiday name.
        """
        if day in self._working_days:
            return None
        name = public_holiday_name(day)
        if name is not None:
            return name
        if day in self._days_off:
            return self._notes.get(day) or gettext("Ngày nghỉ của cơ quan")
        return None

    def next_working_day(self, day: dt.date) -> dt.date:
        """Return ``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """Return the ``count``-th working day after ``day``.

        With ``count == 0``: ``day`` itself if it is a working day, else the next one.
        """
        if count < 0:
            msg = "count must be zero or more"
            raise ValueError(msg)
        if count == 0:
            return self.next_working_day(day)
        while count:
            day += _ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Count the working days in ``(start, end]``; 0 when ``end <= start``."""
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            count += self.is_working_day(day)
            day += _ONE_DAY
        return count
