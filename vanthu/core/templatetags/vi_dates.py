"""Template filters for Vietnamese dates: ``{% load vi_dates %}``.

``{{ doc.issued_date|date_vi }}`` → 05/01/2026, ``{{ doc.issued_date|date_phrase }}`` →
ngày 05 tháng 01 năm 2026, ``{{ event.created_at|datetime_vi }}`` → 05/01/2026 14:30.
An empty value renders as an empty string.
"""

from __future__ import annotations

import datetime as dt

from django import template

from vanthu.core import dates

register = template.Library()


@register.filter(name="date_vi")
def date_vi(value: dt.date | None) -> str:
    """Render a date (or a datetime, in Vietnam time) as ``dd/mm/yyyy``."""
    if not isinstance(value, dt.date):
        return ""
    return dates.format_date(value)


@register.filter(name="date_phrase")
def date_phrase(value: dt.date | None) -> str:
    """Render ``ngày DD tháng M năm YYYY`` (Decree 30)."""
    if isinstance(value, dt.datetime):
        value = dates.to_vietnam(value).date()
    if not isinstance(value, dt.date):
        return ""
    return dates.date_phrase(value)


@register.filter(name="datetime_vi")
def datetime_vi(value: dt.datetime | None) -> str:
    """Render a datetime in Vietnam time as ``dd/mm/yyyy HH:MM``."""
    if not isinstance(value, dt.datetime):
        return ""
    return dates.format_datetime(value)
