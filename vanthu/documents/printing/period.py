"""The period a register or report covers, as asked in a query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.core.dates import format_date
from vanthu.core.errors import InvalidInputError
from vanthu.documents.numbering import today_in_vietnam

MAX_PERIOD_DAYS = 366
MIN_YEAR, MAX_YEAR = 1900, 2999


@dataclass(frozen=True, slots=True)
class Period:
    """The days a report covers, both included."""

    date_from: dt.date
    date_to: dt.date


def period_of(
    date_from: dt.date | None,
    date_to: dt.date | None,
    *,
    same_year: bool = False,
    year: int | None = None,
) -> Period:
    """Return the period asked for: by default from 1 January of this year to today.

    ``year`` asks for a whole year instead of a range of days (not both). A register
    restarts its numbers every year, so ``same_year`` refuses a period across two years.
    A period is at most one year long.
    """
    if year is not None:
        return _whole_year(year, dated=date_from is not None or date_to is not None)
    today = today_in_vietnam()
    end = date_to or today
    start = date_from or dt.date(end.year, 1, 1)
    if start > end:
        raise InvalidInputError(fields={"date_from": [_("Từ ngày phải trước hoặc bằng đến ngày.")]})
    if same_year and start.year != end.year:
        raise InvalidInputError(
            fields={"date_to": [_("Sổ đăng ký in theo từng năm: hai ngày phải cùng một năm.")]}
        )
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise InvalidInputError(fields={"date_to": [_("Kỳ báo cáo không được dài quá một năm.")]})
    return Period(start, end)


def _whole_year(year: int, *, dated: bool) -> Period:
    if dated:
        message = _("Chọn in theo năm hoặc theo khoảng ngày, không chọn cả hai.")
        raise InvalidInputError(message, fields={"year": [message]})
    if not MIN_YEAR <= year <= MAX_YEAR:
        message = _("Năm phải từ %(min)d đến %(max)d.") % {"min": MIN_YEAR, "max": MAX_YEAR}
        raise InvalidInputError(message, fields={"year": [message]})
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def period_text(period: Period, *, today: dt.date | None = None) -> str:
    """Return "Từ ngày … đến ngày …", with "(số liệu tính đến ngày …)" when ``today`` is given."""
    start, end = format_date(period.date_from), format_date(period.date_to)
    if today is None:
        return _("Từ ngày %(start)s đến ngày %(end)s") % {"start": start, "end": end}
    return _("Từ ngày %(start)s đến ngày %(end)s (số liệu tính đến ngày %(today)s)") % {
        "start": start,
        "end": end,
        "today": format_date(today),
    }
