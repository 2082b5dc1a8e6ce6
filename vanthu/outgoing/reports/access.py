"""Who may print the outgoing registers and reports.

Only the clerks and leaders (or their delegates) of the agency, who see its whole register;
anyone else is told "not found" (design.md §6). The secret outgoing book needs a clearance for
confidential documents; it is the only book that holds them.
"""

from __future__ import annotations

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.errors import NotFoundError
from vanthu.documents.enums import Confidentiality, RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.outgoing.permissions import sees_whole_agency

OUTGOING_BOOK_KINDS = (RegisterKind.OUTGOING, RegisterKind.SECRET_OUTGOING, RegisterKind.ADVISORY)


def report_reader_agency(actor: User) -> Agency:
    """Return the actor's agency if they may print its outgoing registers; 404 otherwise."""
    agency = actor.agency
    if not actor.is_active or agency is None or not sees_whole_agency(actor):
        raise NotFoundError
    return agency


def _cleared(actor: User) -> bool:
    return can_see_confidentiality(actor, Confidentiality.CONFIDENTIAL)


def register_book_for(*, actor: User, book_id: int) -> RegisterBook:
    """Return an outgoing register book the actor may print (404 for anything else)."""
    agency = report_reader_agency(actor)
    book = (
        RegisterBook.objects.select_related("agency", "agency__superior")
        .filter(pk=book_id, agency=agency, kind__in=OUTGOING_BOOK_KINDS)
        .first()
    )
    if book is None or (book.kind == RegisterKind.SECRET_OUTGOING and not _cleared(actor)):
        raise NotFoundError
    return book


def printable_books_for(*, actor: User) -> list[RegisterBook]:
    """Return the outgoing register books the actor may print, by kind then name."""
    agency = report_reader_agency(actor)
    books = RegisterBook.objects.filter(agency=agency, kind__in=OUTGOING_BOOK_KINDS)
    if not _cleared(actor):
        books = books.exclude(kind=RegisterKind.SECRET_OUTGOING)
    return list(books.order_by("kind", "name", "pk"))
