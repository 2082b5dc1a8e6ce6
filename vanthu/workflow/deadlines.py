"""Handling deadlines in working days, from the agency's rules (domain.md §2.3.4, §10.6).

Decree 30 fixes no number of days: each agency sets its own in its working regulation
(``DeadlineRule``). Without a rule, ``DEFAULT_WORKING_DAYS`` applies.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.models import Agency
from vanthu.core.calendar import WorkingCalendar
from vanthu.documents.enums import Urgency
from vanthu.documents.models import DocumentType
from vanthu.workflow.models import DeadlineRule

DEFAULT_WORKING_DAYS: dict[Urgency, int] = {
    Urgency.NORMAL: 7,
    Urgency.URGENT: 3,
    Urgency.VERY_URGENT: 1,
    Urgency.FLASH: 0,  # the same day (the next working day when it arrives on a day off)
}


def working_days_for(
    *, agency: Agency, urgency: Urgency, document_type: DocumentType | None = None
) -> int:
    """Return the handling time in working days: the type's rule, the agency's, or the default."""
    type_filter = Q(document_type__isnull=True)
    if document_type is not None:
        type_filter |= Q(document_type=document_type)
    rules = DeadlineRule.objects.filter(type_filter, agency=agency, urgency=urgency)
    by_type = {rule.document_type_id: rule.working_days for rule in rules}
    if document_type is not None and document_type.pk in by_type:
        return by_type[document_type.pk]
    if None in by_type:
        return by_type[None]
    return DEFAULT_WORKING_DAYS[urgency]


def due_date_default(
    agency: Agency,
    urgency: Urgency,
    on: dt.date,
    *,
    document_type: DocumentType | None = None,
    calendar: WorkingCalendar | None = None,
) -> dt.date:
    """Return the default due date of a document of ``urgency`` given out on the day ``on``."""
    days = working_days_for(agency=agency, urgency=urgency, document_type=document_type)
    return (calendar or agency_calendar(agency)).add_working_days(on, days)


def is_overdue(due_date: dt.date | None, *, today: dt.date) -> bool:
    """Return whether a deadline has passed (the due day itself is still on time)."""
    return due_date is not None and due_date < today


def working_days_left(due_date: dt.date, *, today: dt.date, calendar: WorkingCalendar) -> int:
    """Return the working days from ``today`` to ``due_date``; negative when overdue."""
    if due_date >= today:
        return calendar.working_days_between(today, due_date)
    return -calendar.working_days_between(due_date, today)
