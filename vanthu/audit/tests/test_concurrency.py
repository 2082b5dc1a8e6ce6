"""Concurrent writers extend one chain, and audit_verify exits with the right status."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, transaction

from vanthu.audit.models import AuditChainHead, AuditEvent
from vanthu.audit.services import record
from vanthu.audit.verify import verify_chain

PROJECT_DIR = Path(__file__).resolve().parents[3]
THREADS = 6
PER_THREAD = 15


def _writer(worker: int, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        barrier.wait()
        for n in range(PER_THREAD):
            with transaction.atomic():
                record(action="test.concurrent", actor=None, data={"worker": worker, "n": n})
                if n % 5 == 0:
                    time.sleep(0.002)  # Hold the head lock while the others queue up.
                record(action="test.concurrent.pair", actor=None, data={"worker": worker})
    except BaseException as exc:  # noqa: BLE001 - handed to the main thread.
        errors.append(exc)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_extend_one_chain() -> None:
    """GIVEN no event and no chain head yet, WHEN several connections append at once,
    THEN every event is in one unforked chain that verifies."""
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_writer, args=(worker, barrier, errors))
        for worker in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    total = THREADS * PER_THREAD * 2
    assert AuditEvent.objects.count() == total
    assert AuditEvent.objects.values("prev_hash").distinct().count() == total
    assert AuditChainHead.objects.count() == 1
    result = verify_chain(batch_size=50)
    assert result.ok, result.message
    assert result.checked == total


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _run_audit_verify() -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "audit_verify"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
def test_manage_py_audit_verify_exit_status() -> None:
    events = [record(action="test.cli", actor=None, data={"n": n}) for n in range(3)]

    intact = _run_audit_verify()
    assert intact.returncode == 0, intact.stderr
    assert "Chuỗi nhật ký toàn vẹn: 3 sự kiện" in intact.stdout

    AuditChainHead.objects.update(last_hash=events[0].hash)
    broken = _run_audit_verify()
    assert broken.returncode == 1
    assert f"#{events[1].pk}" in broken.stderr
    assert "outside_chain" in broken.stderr
