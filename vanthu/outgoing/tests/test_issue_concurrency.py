"""Eight OS processes issue at once: the outgoing numbers have no gap and no duplicate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.processes import run_together
from vanthu.accounts.models import User
from vanthu.documents.models import NumberAllocation
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.services import draft_issue
from vanthu.outgoing.tests.factories import Office, draft_approved, office_make

PROCESSES = 8
PER_PROCESS = 2


def issue_drafts(*, actor: int, drafts: list[int]) -> Callable[[], list[int]]:
    """In a child process: issue the approved ``drafts`` as the clerk ``actor``."""
    clerk = User.objects.get(pk=actor)

    def work() -> list[int]:
        return [draft_issue(actor=clerk, draft_id=pk).number for pk in drafts]

    return work


@pytest.mark.django_db(transaction=True)
def test_eight_processes_issue_without_gap_or_duplicate(tmp_path: Path) -> None:
    office: Office = office_make()
    drafts = [draft_approved(office).pk for _ in range(PROCESSES * PER_PROCESS)]

    run_together(
        issue_drafts,
        [{"actor": office.clerk.pk, "drafts": drafts[i::PROCESSES]} for i in range(PROCESSES)],
        envs=[{"VANTHU_DATA_DIR": str(tmp_path / f"w{i}")} for i in range(PROCESSES)],
    )

    total = PROCESSES * PER_PROCESS
    numbers = sorted(OutgoingRecord.objects.values_list("number", flat=True))
    assert numbers == list(range(1, total + 1))
    allocated = sorted(
        NumberAllocation.objects.filter(book=office.outgoing_book).values_list("number", flat=True)
    )
    assert allocated == list(range(1, total + 1))
    codes = set(OutgoingRecord.objects.values_list("document__code_number", flat=True))
    assert len(codes) == total
