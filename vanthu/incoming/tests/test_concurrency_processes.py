"""Eight OS processes register through the service at once: arrival numbers 1..N, no gap.

Run as a module (``python -m vanthu.incoming.tests.test_concurrency_processes --actor A
--count N --worker W``) it is the child process: it prints ``ready`` once Django is set up,
waits for one line on stdin so that all children start together, registers ``count``
documents as the clerk ``A`` and prints their arrival numbers as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys

import pytest

# Only the standard library and pytest at module level: the child process imports this module
# before Django is set up; models are imported inside the functions.

PROCESSES = 8
PER_PROCESS = 12


def _child() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actor", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--worker", type=int, required=True)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from vanthu.accounts.models import User
    from vanthu.incoming.registration import incoming_register
    from vanthu.incoming.tests.factories import data

    actor = User.objects.get(pk=args.actor)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    numbers = [
        incoming_register(
            actor=actor, data=data(code_number=f"{args.worker}{n:03d}")
        ).arrival_number
        for n in range(args.count)
    ]
    sys.stdout.write(json.dumps(numbers) + "\n")
    sys.stdout.flush()


def _run_children(*, actor_id: int) -> list[list[int]]:
    from config.settings.env import BASE_DIR
    from vanthu.documents.tests.test_numbering_concurrency import _test_database_url

    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vanthu.incoming.tests.test_concurrency_processes",
                f"--actor={actor_id}",
                f"--count={PER_PROCESS}",
                f"--worker={worker}",
            ],
            cwd=BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(PROCESSES)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            ready = child.stdout.readline().strip()
            assert ready == "ready", child.stderr.read() if child.stderr else ready
        for child in children:  # all set up: release them together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            out, err = child.communicate(timeout=300)
            assert child.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.mark.django_db(transaction=True)
def test_eight_processes_register_without_gap_or_duplicate() -> None:
    from vanthu.documents.models import NumberAllocation
    from vanthu.incoming.models import IncomingRecord
    from vanthu.incoming.tests.factories import office_make

    office = office_make()

    per_process = _run_children(actor_id=office.clerk.pk)

    total = PROCESSES * PER_PROCESS
    assert sorted(n for numbers in per_process for n in numbers) == list(range(1, total + 1))
    assert all(numbers == sorted(numbers) for numbers in per_process)
    # The processes really ran at the same time: their numbers interleave.
    ranges = sorted((min(numbers), max(numbers)) for numbers in per_process)
    assert any(low < high for (_, high), (low, _) in itertools.pairwise(ranges))
    stored = IncomingRecord.objects.filter(agency=office.agency).order_by("arrival_number")
    assert list(stored.values_list("arrival_number", flat=True)) == list(range(1, total + 1))
    assert NumberAllocation.objects.filter(book=office.book).count() == total


if __name__ == "__main__":
    _child()
