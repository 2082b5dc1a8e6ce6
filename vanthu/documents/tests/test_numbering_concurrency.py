"""Eight OS processes allocate from one book at once: no gap, no duplicate (design.md §6)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from config.settings.env import BASE_DIR
from vanthu.accounts.models import User
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import NumberAllocation, Sequence
from vanthu.documents.services import register_book_create

PROCESSES = 8
PER_PROCESS = 25
REPO_ROOT = BASE_DIR


def _test_database_url() -> str:
    """Return a URL for the database this test runs on (the test copy, not the real one)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(str(db["USER"]))
    if db["PASSWORD"]:
        credentials += ":" + quote(str(db["PASSWORD"]))
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{quote(str(db['NAME']))}"


def _run_workers(*, book_id: int, actor_id: int, on: dt.date) -> list[list[int]]:
    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    command = [
        sys.executable,
        "-m",
        "vanthu.documents.tests.allocation_worker",
        f"--book={book_id}",
        f"--actor={actor_id}",
        f"--count={PER_PROCESS}",
        f"--on={on.isoformat()}",
    ]
    workers = [
        subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            ready = worker.stdout.readline().strip()
            assert ready == "ready", worker.stderr.read() if worker.stderr else ready
        for worker in workers:  # all set up: release them together
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=180)
            assert worker.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


@pytest.mark.django_db(transaction=True)
def test_eight_processes_allocate_without_gap_or_duplicate(clerk: User) -> None:
    assert clerk.agency is not None
    book = register_book_create(
        actor=clerk, agency=clerk.agency, kind=RegisterKind.OUTGOING, name="Sổ văn bản đi"
    )
    day = dt.date(2026, 6, 15)

    per_process = _run_workers(book_id=book.pk, actor_id=clerk.pk, on=day)

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
