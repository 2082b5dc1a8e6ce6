"""Eight OS processes issue at once: the outgoing numbers have no gap and no duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings.env import BASE_DIR
from vanthu.documents.models import NumberAllocation
from vanthu.documents.tests.test_numbering_concurrency import _test_database_url
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.tests.factories import Office, draft_approved, office_make

PROCESSES = 8
PER_PROCESS = 2


def _start(*, actor_id: int, drafts: list[int], data_dir: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "VANTHU_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test"),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vanthu.outgoing.tests.issue_worker",
            f"--actor={actor_id}",
            f"--drafts={','.join(map(str, drafts))}",
        ],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_eight_processes_issue_without_gap_or_duplicate(tmp_path: Path) -> None:
    office: Office = office_make()
    drafts = [draft_approved(office).pk for _ in range(PROCESSES * PER_PROCESS)]
    workers = [
        _start(actor_id=office.clerk.pk, drafts=drafts[i::PROCESSES], data_dir=tmp_path / f"w{i}")
        for i in range(PROCESSES)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            line = worker.stdout.readline().strip()
            assert line == "ready", worker.stderr.read() if worker.stderr else line
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            _out, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, err
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    total = PROCESSES * PER_PROCESS
    numbers = sorted(OutgoingRecord.objects.values_list("number", flat=True))
    assert numbers == list(range(1, total + 1))
    allocated = sorted(
        NumberAllocation.objects.filter(book=office.outgoing_book).values_list("number", flat=True)
    )
    assert allocated == list(range(1, total + 1))
    codes = set(OutgoingRecord.objects.values_list("document__code_number", flat=True))
    assert len(codes) == total
