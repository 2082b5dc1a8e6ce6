"""Eight OS processes allocate from one book at once: no gap, no duplicate (design.md §6)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest

from tests.processes import run_together
from vanthu.accounts.models import User
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import NumberAllocation, RegisterBook, Sequence
from vanthu.documents.numbering import number_allocate
from vanthu.documents.services import register_book_create

PROCESSES = 8
PER_PROCESS = 25


def allocate_many(*, book: int, actor: int, count: int, on: str) -> Callable[[], list[int]]:
    """In a child process: allocate ``count`` numbers from the book as ``actor`` on ``on``."""
    register_book = RegisterBook.objects.get(pk=book)
    clerk = User.objects.get(pk=actor)
    day = dt.date.fromisoformat(on)

    def work() -> list[int]:
        return [
            number_allocate(book=register_book, actor=clerk, on=day).number for _ in range(count)
        ]

    return work


@pytest.mark.django_db(transaction=True)
def test_eight_processes_allocate_without_gap_or_duplicate(clerk: User) -> None:
    assert clerk.agency is not None
    book = register_book_create(
        actor=clerk, agency=clerk.agency, kind=RegisterKind.OUTGOING, name="Sổ văn bản đi"
    )
    day = dt.date(2026, 6, 15)

    call = {"book": book.pk, "actor": clerk.pk, "count": PER_PROCESS, "on": day.isoformat()}
    per_process: list[list[int]] = run_together(allocate_many, [call] * PROCESSES, timeout=180)

    total = PROCESSES * PER_PROCESS
    everything = sorted(n for numbers in per_process for n in numbers)
    assert everything == list(range(1, total + 1))  # no gap, no duplicate
    assert all(numbers == sorted(numbers) for numbers in per_process)
    # The processes really ran at the same time: their numbers interleave.
    ranges = sorted((min(numbers), max(numbers)) for numbers in per_process)
    assert any(low < high for (_, high), (low, _) in itertools.pairwise(ranges))
    stored = list(
        NumberAllocation.objects.filter(book=book, year=2026)
        .order_by("number")
        .values_list("number", flat=True)
    )
    assert stored == list(range(1, total + 1))
    assert Sequence.objects.get(book=book, year=2026).last_number == total
