"""Gapless yearly numbering in register books (domain.md §1.6, §10.1–10.2; design.md §6).

A number is taken inside the caller's transaction under a row lock on the book's Sequence for
the year (``UPDATE … RETURNING`` locks the row like ``select_for_update`` and increments in the
same statement; SQLite runs IMMEDIATE transactions), so concurrent processes never skip or
repeat a number; a rolled-back transaction gives its number back. Allocators of one book first
queue on a FIFO lock (PostgreSQL: a transaction-scoped advisory lock; SQLite: ``locks.py``) so
that each commit wakes one waiter instead of all of them. Numbers restart at 1 on 1 January
(Vietnamese calendar date).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import ConflictError, InvalidInputError
from vanthu.documents.enums import AllocationStatus
from vanthu.documents.errors import NumberAlreadyCancelledError, RegisterBookInactiveError
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import NumberAllocation, RegisterBook, Sequence
from vanthu.documents.permissions import ensure_same_agency

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_SEQUENCE_CREATE_ATTEMPTS = 3
_ADVISORY_CLASS = 0x5654  # "VT": the advisory-lock namespace of register books
# The book's ``is_active`` is checked in the same statement, under the same row lock: no
# separate existence query, and a book closed meanwhile cannot hand out one more number.
_INCREMENT_SQL = (
    "UPDATE documents_sequence SET last_number = last_number + 1"
    " WHERE book_id = %s AND year = %s AND EXISTS ("
    "SELECT 1 FROM documents_registerbook WHERE id = %s AND is_active"
    ") RETURNING last_number"
)


def format_number(number: int) -> str:
    """Return the number as printed: zero-padded below 10 only ("05", "12", "123")."""
    return f"{number:02d}"


def vietnam_date(instant: dt.datetime) -> dt.date:
    """Return the calendar date in Asia/Ho_Chi_Minh of an aware instant."""
    return timezone.localdate(instant, VIETNAM_TZ)


def today_in_vietnam() -> dt.date:
    """Return today's date in Asia/Ho_Chi_Minh (the calendar the numbering year follows)."""
    return vietnam_date(timezone.now())


def number_allocate(
    *, book: RegisterBook, actor: User, on: dt.date | None = None
) -> NumberAllocation:
    """Allocate the next number of ``book`` for the year of ``on`` (default: today)."""
    # Everything between taking the lock and committing is kept short: under contention the
    # lock holder's time is every other allocator's waiting time.
    with sqlite_writer_queue(), transaction.atomic():
        allocation = number_take(book=book, actor=actor, on=on)
        record(
            action="documents.number_allocated",
            actor=actor,
            target=allocation,
            agency_id=book.agency_id,
            data=allocation_audit_data(allocation),
        )
    return allocation


def number_take(*, book: RegisterBook, actor: User, on: dt.date | None = None) -> NumberAllocation:
    """Allocate the next number of ``book`` without an audit event of its own.

    For a service that records one event for its whole step in the same transaction: that
    event's data must hold ``allocation_audit_data(allocation)``. Refuses an inactive book.
    """
    ensure_same_agency(actor=actor, agency_id=book.agency_id)
    day = on or today_in_vietnam()
    # No savepoint of its own: a refusal here fails the caller's whole step.
    with sqlite_writer_queue(), transaction.atomic(savepoint=False):
        number = _next_number(book_id=book.pk, year=day.year)
        return NumberAllocation.objects.create(
            book=book, year=day.year, number=number, allocated_on=day, allocated_by=actor
        )


def allocation_audit_data(allocation: NumberAllocation) -> dict[str, int]:
    """Return what the audit trail keeps of an allocation."""
    return {"book_id": allocation.book_id, "year": allocation.year, "number": allocation.number}


def number_cancel(*, allocation: NumberAllocation, actor: User, reason: str) -> NumberAllocation:
    """Mark an allocated number cancelled; the row stays in the register."""
    reason = reason.strip()
    if not reason:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do hủy số.")]})
    ensure_same_agency(actor=actor, agency_id=allocation.book.agency_id)
    with transaction.atomic():
        locked = NumberAllocation.objects.select_for_update().get(pk=allocation.pk)
        if locked.status == AllocationStatus.CANCELLED:
            raise NumberAlreadyCancelledError
        locked.status = AllocationStatus.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.cancel_reason = reason[:255]
        locked.save(update_fields=["status", "cancelled_at", "cancel_reason"])
        record(
            action="documents.number_cancelled",
            actor=actor,
            target=locked,
            agency_id=allocation.book.agency_id,
            data={"year": locked.year, "number": locked.number, "reason": locked.cancel_reason},
        )
    return locked


def _next_number(*, book_id: int, year: int) -> int:
    """Increment the (book, year) Sequence under its row lock and return the new number.

    One ``UPDATE … RETURNING`` takes the lock and increments (only while the book is active).
    When it finds no row, an inactive book is refused; the first allocation of a year
    inserts the row instead; when two transactions race to insert it, the unique constraint
    lets one win and the other (its savepoint rolled back) increments the winner's row.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_ADVISORY_CLASS, book_id])
    for _attempt in range(_SEQUENCE_CREATE_ATTEMPTS):
        with connection.cursor() as cursor:
            cursor.execute(_INCREMENT_SQL, [book_id, year, book_id])
            row = cursor.fetchone()
        if row is not None:
            return int(row[0])
        if not RegisterBook.objects.filter(pk=book_id, is_active=True).exists():
            raise RegisterBookInactiveError
        try:
            with transaction.atomic():
                Sequence.objects.create(book_id=book_id, year=year, last_number=1)
        except IntegrityError:
            continue
        return 1
    raise ConflictError
