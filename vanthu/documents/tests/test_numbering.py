"""Number allocation in register books: yearly restart, cancellation, rights, display."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import AllocationStatus, RegisterKind
from vanthu.documents.errors import NumberAlreadyCancelledError, RegisterBookInactiveError
from vanthu.documents.models import NumberAllocation, Sequence
from vanthu.documents.numbering import (
    format_number,
    number_allocate,
    number_cancel,
    vietnam_date,
)
from vanthu.documents.tests.factories import register_book_make, user_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "shown"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (12, "12"), (123, "123")]
)
def test_format_number_pads_below_ten_only(number: int, shown: str) -> None:
    assert format_number(number) == shown


def test_vietnam_date_follows_hanoi_time_not_utc() -> None:
    new_year_in_hanoi = dt.datetime(2025, 12, 31, 17, 30, tzinfo=dt.UTC)
    assert vietnam_date(new_year_in_hanoi) == dt.date(2026, 1, 1)
    assert vietnam_date(dt.datetime(2025, 12, 31, 16, 59, tzinfo=dt.UTC)) == dt.date(2025, 12, 31)


class TestNumberAllocate:
    def test_numbers_follow_each_other_and_are_audited(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        day = dt.date(2026, 3, 2)
        numbers = [number_allocate(book=book, actor=clerk, on=day).number for _ in range(3)]
        assert numbers == [1, 2, 3]
        first = NumberAllocation.objects.get(book=book, number=1)
        assert (first.year, first.allocated_on, first.allocated_by) == (2026, day, clerk)
        assert first.status == AllocationStatus.USED
        assert Sequence.objects.get(book=book, year=2026).last_number == 3
        events = AuditEvent.objects.filter(action="documents.number_allocated")
        assert [e.data["number"] for e in events.order_by("id")] == [1, 2, 3]

    def test_year_rollover_restarts_at_one(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        last_day, new_year = dt.date(2025, 12, 31), dt.date(2026, 1, 1)
        assert number_allocate(book=book, actor=clerk, on=last_day).number == 1
        assert number_allocate(book=book, actor=clerk, on=last_day).number == 2
        assert number_allocate(book=book, actor=clerk, on=new_year).number == 1
        assert number_allocate(book=book, actor=clerk, on=new_year).number == 2
        # A late registration dated in the old year continues the old year's series.
        assert number_allocate(book=book, actor=clerk, on=last_day).number == 3
        assert {(s.year, s.last_number) for s in Sequence.objects.filter(book=book)} == {
            (2025, 3),
            (2026, 2),
        }

    def test_default_date_is_today_in_vietnam(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        allocation = number_allocate(book=book, actor=clerk)
        assert allocation.allocated_on == vietnam_date(allocation.allocated_at)
        assert allocation.year == allocation.allocated_on.year

    def test_each_book_has_its_own_series(self, clerk: User) -> None:
        outgoing = register_book_make(agency=clerk.agency, kind=RegisterKind.OUTGOING)
        incoming = register_book_make(agency=clerk.agency, kind=RegisterKind.INCOMING)
        copies = register_book_make(agency=clerk.agency, kind=RegisterKind.COPY)
        day = dt.date(2026, 5, 4)
        for _ in range(4):
            number_allocate(book=outgoing, actor=clerk, on=day)
        assert number_allocate(book=incoming, actor=clerk, on=day).number == 1
        assert number_allocate(book=copies, actor=clerk, on=day).number == 1
        assert number_allocate(book=outgoing, actor=clerk, on=day).number == 5

    def test_other_agency_is_refused(self, clerk: User) -> None:
        book = register_book_make()
        with pytest.raises(PermissionDeniedError):
            number_allocate(book=book, actor=clerk, on=dt.date(2026, 1, 5))
        assert not NumberAllocation.objects.exists()

    def test_inactive_book_is_refused(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency, is_active=False)
        with pytest.raises(RegisterBookInactiveError) as caught:
            number_allocate(book=book, actor=clerk, on=dt.date(2026, 1, 5))
        assert caught.value.code == "register_book_inactive"
        assert not Sequence.objects.exists()


class TestNumberCancel:
    def test_cancelled_number_stays_and_is_never_reused(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        day = dt.date(2026, 2, 10)
        second = [number_allocate(book=book, actor=clerk, on=day) for _ in range(2)][1]
        cancelled = number_cancel(allocation=second, actor=clerk, reason="  Ký nhầm số  ")
        assert cancelled.status == AllocationStatus.CANCELLED
        assert cancelled.cancel_reason == "Ký nhầm số"
        assert cancelled.cancelled_at is not None
        assert number_allocate(book=book, actor=clerk, on=day).number == 3
        rows = NumberAllocation.objects.filter(book=book).order_by("number")
        assert [(r.number, r.status) for r in rows] == [
            (1, AllocationStatus.USED),
            (2, AllocationStatus.CANCELLED),
            (3, AllocationStatus.USED),
        ]
        event = AuditEvent.objects.get(action="documents.number_cancelled")
        assert event.data == {"year": 2026, "number": 2, "reason": "Ký nhầm số"}

    def test_cancelling_twice_is_refused(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        allocation = number_allocate(book=book, actor=clerk, on=dt.date(2026, 2, 10))
        number_cancel(allocation=allocation, actor=clerk, reason="Trùng")
        with pytest.raises(NumberAlreadyCancelledError):
            number_cancel(allocation=allocation, actor=clerk, reason="Lần nữa")

    def test_reason_is_required(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        allocation = number_allocate(book=book, actor=clerk, on=dt.date(2026, 2, 10))
        with pytest.raises(InvalidInputError) as caught:
            number_cancel(allocation=allocation, actor=clerk, reason="   ")
        assert "reason" in caught.value.fields
        allocation.refresh_from_db()
        assert allocation.status == AllocationStatus.USED

    def test_other_agency_cannot_cancel(self, clerk: User) -> None:
        book = register_book_make(agency=clerk.agency)
        allocation = number_allocate(book=book, actor=clerk, on=dt.date(2026, 2, 10))
        with pytest.raises(PermissionDeniedError):
            number_cancel(allocation=allocation, actor=user_make(), reason="Không được")
