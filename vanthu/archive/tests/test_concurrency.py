"""Four OS processes submit the same dossier at once: exactly one batch holds it.

Run as a module (``python -m vanthu.archive.tests.test_concurrency --actor A --dossier D``) it is
the child process: it prints ``ready`` once Django is set up, waits for one line on stdin so that
all children start together, submits the dossier and prints the outcome as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import pytest

# Only the standard library and pytest at module level: the child imports this module before
# Django is set up; models are imported inside the functions.

PROCESSES = 4


def _child() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actor", type=int, required=True)
    parser.add_argument("--dossier", type=int, required=True)
    args = parser.parse_args()

    import django

    django.setup()
    from vanthu.accounts.models import User
    from vanthu.archive.services import handover_submit
    from vanthu.core.errors import DomainError

    actor = User.objects.get(pk=args.actor)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    outcome: dict[str, object]
    try:
        handover = handover_submit(actor=actor, dossier_ids=[args.dossier])
        outcome = {"handover": handover.pk}
    except DomainError as error:
        outcome = {"refused": error.code}
    sys.stdout.write(json.dumps(outcome) + "\n")
    sys.stdout.flush()


def _run_children(*, actor_id: int, dossier_id: int) -> list[dict[str, object]]:
    from config.settings.env import BASE_DIR
    from vanthu.documents.tests.test_numbering_concurrency import _test_database_url

    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vanthu.archive.tests.test_concurrency",
                f"--actor={actor_id}",
                f"--dossier={dossier_id}",
            ],
            cwd=BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _worker in range(PROCESSES)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            ready = child.stdout.readline().strip()
            assert ready == "ready", child.stderr.read() if child.stderr else ready
        for child in children:
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
def test_one_dossier_submitted_at_once_lands_in_one_batch() -> None:
    from vanthu.archive.models import Handover, HandoverItem
    from vanthu.archive.tests.builders import dossier_make
    from vanthu.incoming.tests.factories import office_make

    office = office_make()
    dossier = dossier_make(office.specialist_a, code="01.TCCB")

    outcomes = _run_children(actor_id=office.specialist_a.pk, dossier_id=dossier.pk)

    accepted = [outcome for outcome in outcomes if "handover" in outcome]
    refused = [outcome["refused"] for outcome in outcomes if "refused" in outcome]
    assert len(accepted) == 1
    assert refused == ["handover_already"] * (PROCESSES - 1)
    assert Handover.objects.count() == 1
    assert HandoverItem.objects.filter(dossier=dossier).count() == 1


if __name__ == "__main__":
    _child()
