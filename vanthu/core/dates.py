"""Vietnamese dates: the Decree 30 date line, dd/mm/yyyy display and parsing (design.md §6).

Datetimes are stored in UTC and shown in ``Asia/Ho_Chi_Minh``; the legal date of a document is
a plain ``date``.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_DATE_VI = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def date_phrase(day: dt.date) -> str:
    """Return ``ngày DD tháng M năm YYYY`` as Decree 30 writes it (domain.md §1.7).

    Days below 10 and the months January and February are zero-padded; months 3–12 are not:
    "ngày 05 tháng 01 năm 2026", "ngày 21 tháng 9 năm 2020".
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return gettext("ngày %(day)s tháng %(month)s năm %(year)s") % {
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


def date_line(place: str, day: dt.date) -> str:
    """Return the place-and-date line: ``Hà Tiên, ngày 21 tháng 9 năm 2020``."""
    return f"{clean_text(place)}, {date_phrase(day)}"


def format_date(day: dt.date) -> str:
    """Return ``day`` as ``dd/mm/yyyy``; a datetime is first taken to Vietnam time."""
    if isinstance(day, dt.datetime):
        day = to_vietnam(day).date()
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def to_vietnam(moment: dt.datetime) -> dt.datetime:
    """Return ``moment`` in ``Asia/Ho_Chi_Minh``; a naive datetime is taken as UTC (as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM_TZ)


def format_datetime(moment: dt.datetime) -> str:
    """Return ``moment`` in Vietnam time as ``dd/mm/yyyy HH:MM``."""
    local = to_vietnam(moment)
    return f"{format_date(local.date())} {local.hour:02d}:{local.minute:02d}"


def parse_date_vi(text: str, *, field: str | None = None) -> dt.date:
    """Parse ``dd/mm/yyyy`` or ``d/m/yyyy``; raise ``InvalidInputError`` for anything else.

    ``field`` names the form/API field to attach the message to.
    """
    match = _DATE_VI.fullmatch(clean_text(text))
    day: dt.date | None = None
    if match is not None:
        day_number, month, year = (int(part) for part in match.groups())
        try:
            day = dt.date(year, month, day_number)
        except ValueError:
            day = None
    if day is None:
        message = _("Ngày không hợp lệ: “%(value)s”. Hãy nhập theo dạng dd/mm/yyyy.") % {
            "value": text
        }
        raise InvalidInputError(message, fields={field: [str(message)]} if field else None)
    return day
