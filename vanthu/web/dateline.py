"""The date line of today for an agency (Decree 30 style), shown on start pages."""

from __future__ import annotations

import datetime

from django.utils import timezone

from vanthu.accounts.models import Agency
from vanthu.core.dates import date_line, date_phrase


def today_line(agency: Agency | None, today: datetime.date | None = None) -> str:
    """Return ``<place>, ngày … tháng … năm …`` for today in Vietnam, or without a place."""
    day = today or timezone.localdate()
    if agency is None or not agency.place_name:
        phrase = date_phrase(day)
        return phrase[:1].upper() + phrase[1:]
    return date_line(agency.place_name, day)
