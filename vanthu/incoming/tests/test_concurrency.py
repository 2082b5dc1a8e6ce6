"""Clerks registering at the same time never share an arrival number (issue 3, Done when)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.registration import incoming_register
from vanthu.incoming.tests.factories import data, office_make

THREADS = 4
PER_THREAD = 6


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_consecutive_numbers() -> None:
    office = office_make()
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def clerk_work(worker: int) -> None:
        try:
            start.wait()
            for n in range(PER_THREAD):
                incoming_register(actor=office.clerk, data=data(code_number=f"{worker}{n:03d}"))
        except BaseException as exc:  # noqa: BLE001 — reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk_work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    numbers = sorted(IncomingRecord.objects.values_list("arrival_number", flat=True))
    assert numbers == list(range(1, THREADS * PER_THREAD + 1))
