"""The working-day calendar of one agency: public holidays plus the days its admin set."""

from __future__ import annotations

import datetime as dt

from vanthu.accounts.enums import CalendarDayKind
from vanthu.accounts.models import Agency, CalendarDay
from vanthu.core.calendar import WorkingCalendar


def agency_calendar(agency: Agency) -> WorkingCalendar:
    """Return the ``WorkingCalendar`` of ``agency`` (one query)."""
    rows = CalendarDay.objects.filter(agency=agency).values_list("day", "kind", "note")
    days_off: list[dt.date] = []
    working_days: list[dt.date] = []
    notes: dict[dt.date, str] = {}
    for day, kind, note in rows:
        if kind == CalendarDayKind.WORKING_DAY:
            working_days.append(day)
        elif kind == CalendarDayKind.DAY_OFF:
            days_off.append(day)
            if note:
                notes[day] = note
    return WorkingCalendar(days_off, working_days, notes=notes)
