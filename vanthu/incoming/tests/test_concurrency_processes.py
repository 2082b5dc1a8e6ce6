"""Eight OS processes register through the service at once: arrival numbers 1..N, no gap."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from tests.processes import run_together
from vanthu.accounts.models import User
from vanthu.documents.models import NumberAllocation
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.registration import incoming_register
from vanthu.incoming.tests.factories import data, office_make

PROCESSES = 8
PER_PROCESS = 12


def register_many(*, actor: int, count: int, worker: int) -> Callable[[], list[int]]:
    """In a child process: register ``count`` documents as the clerk ``actor``."""
    clerk = User.objects.get(pk=actor)

    def work() -> list[int]:
        return [
            incoming_register(actor=clerk, data=data(code_number=f"{worker}{n:03d}")).arrival_number
            for n in range(count)
        ]

    return work


@pytest.mark.django_db(transaction=True)
def test_eight_processes_register_without_gap_or_duplicate() -> None:
    office = office_make()

    per_process: list[list[int]] = run_together(
        register_many,
        [
            {"actor": office.clerk.pk, "count": PER_PROCESS, "worker": worker}
            for worker in range(PROCESSES)
        ],
    )

    total = PROCESSES * PER_PROCESS
    assert len(per_process) == PROCESSES
    assert sorted(n for numbers in per_process for n in numbers) == list(range(1, total + 1))
    assert all(numbers == sorted(numbers) for numbers in per_process)
    # The processes really ran at the same time: their numbers interleave.
    ranges = sorted((min(numbers), max(numbers)) for numbers in per_process)
    assert any(low < high for (_, high), (low, _) in itertools.pairwise(ranges))
    stored = IncomingRecord.objects.filter(agency=office.agency).order_by("arrival_number")
    assert list(stored.values_list("arrival_number", flat=True)) == list(range(1, total + 1))
    assert NumberAllocation.objects.filter(book=office.book).count() == total
