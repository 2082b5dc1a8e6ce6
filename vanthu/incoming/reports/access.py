"""Who may print the incoming registers and forms, and the period a report covers.

Only the clerks and leaders (or their delegates) of the agency, who see its whole register;
anyone else is told "not found" (design.md §6). A confidential register book needs a
clearance for confidential documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.enums import Confidentiality, RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import sees_whole_register
from vanthu.incoming.selectors import incoming_get_for

INCOMING_BOOK_KINDS = (RegisterKind.INCOMING, RegisterKind.SECRET_INCOMING)
MAX_PERIOD_DAYS = 366


@dataclass(frozen=True, slots=True)
class Period:
    """The days a report covers, both included."""

    date_from: dt.date
    date_to: dt.date


def report_reader_agency(actor: User) -> Agency:
    """Return the actor's agency if they may print its registers; NotFoundError otherwise."""
    agency = actor.agency
    if not actor.is_active or agency is None or not sees_whole_register(actor):
        raise NotFoundError
    return agency


def register_book_for(*, actor: User, book_id: int) -> RegisterBook:
    """Return an incoming register book the actor may print (404 for anything else)."""
    agency = report_reader_agency(actor)
    book = (
        RegisterBook.objects.select_related("agency", "agency__superior")
        .filter(pk=book_id, agency=agency, kind__in=INCOMING_BOOK_KINDS)
        .first()
    )
    if book is None:
        raise NotFoundError
    if book.kind == RegisterKind.SECRET_INCOMING and not can_see_confidentiality(
        actor, Confidentiality.CONFIDENTIAL
    ):
        raise NotFoundError
    return book


def record_for(*, actor: User, pk: int) -> IncomingRecord:
    """Return one incoming record the actor may print forms of (404 for anything else)."""
    report_reader_agency(actor)
    return incoming_get_for(actor=actor, pk=pk)


def period_of(
    date_from: dt.date | None, date_to: dt.date | None, *, same_year: bool = False
) -> Period:
    """Return the period asked for: by default from 1 January of this year to today.

    A register restarts its numbers every year, so ``same_year`` refuses a period across
    two years. A period is at most one year long.
    """
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


def printable_books_for(*, actor: User) -> list[RegisterBook]:
    """Return the incoming register books the actor may print, by kind then name."""
    agency = report_reader_agency(actor)
    books = RegisterBook.objects.filter(agency=agency, kind__in=INCOMING_BOOK_KINDS)
    if not can_see_confidentiality(actor, Confidentiality.CONFIDENTIAL):
        books = books.exclude(kind=RegisterKind.SECRET_INCOMING)
    return list(books.order_by("kind", "name", "pk"))
