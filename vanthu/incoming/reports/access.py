"""Who may print the incoming registers and forms.

Only the clerks and leaders (or their delegates) of the agency, who see its whole register;
anyone else is told "not found" (design.md §6). A confidential register book needs a
clearance for confidential documents.
"""

from __future__ import annotations

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.errors import NotFoundError
from vanthu.documents.enums import Confidentiality, RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import sees_whole_register
from vanthu.incoming.selectors import incoming_get_for

INCOMING_BOOK_KINDS = (RegisterKind.INCOMING, RegisterKind.SECRET_INCOMING)


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


def printable_books_for(*, actor: User) -> list[RegisterBook]:
    """Return the incoming register books the actor may print, by kind then name."""
    agency = report_reader_agency(actor)
    books = RegisterBook.objects.filter(agency=agency, kind__in=INCOMING_BOOK_KINDS)
    if not can_see_confidentiality(actor, Confidentiality.CONFIDENTIAL):
        books = books.exclude(kind=RegisterKind.SECRET_INCOMING)
    return list(books.order_by("kind", "name", "pk"))
