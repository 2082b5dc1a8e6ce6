"""Four OS processes submit the same dossier at once: exactly one batch holds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.processes import run_together
from vanthu.accounts.models import User
from vanthu.archive.models import Handover, HandoverItem
from vanthu.archive.services import handover_submit
from vanthu.archive.tests.builders import dossier_make
from vanthu.core.errors import DomainError
from vanthu.incoming.tests.factories import office_make

PROCESSES = 4


def submit_dossier(*, actor: int, dossier: int) -> Callable[[], dict[str, object]]:
    """In a child process: submit the dossier as ``actor``; the batch's id or the refusal."""
    specialist = User.objects.get(pk=actor)

    def work() -> dict[str, object]:
        try:
            handover = handover_submit(actor=specialist, dossier_ids=[dossier])
        except DomainError as error:
            return {"refused": error.code}
        return {"handover": handover.pk}

    return work


@pytest.mark.django_db(transaction=True)
def test_one_dossier_submitted_at_once_lands_in_one_batch() -> None:
    office = office_make()
    dossier = dossier_make(office.specialist_a, code="01.TCCB")

    outcomes: list[dict[str, object]] = run_together(
        submit_dossier,
        [{"actor": office.specialist_a.pk, "dossier": dossier.pk}] * PROCESSES,
    )

    assert len(outcomes) == PROCESSES
    accepted = [outcome for outcome in outcomes if "handover" in outcome]
    refused = [outcome["refused"] for outcome in outcomes if "refused" in outcome]
    assert len(accepted) == 1
    assert refused == ["handover_already"] * (PROCESSES - 1)
    assert Handover.objects.count() == 1
    assert HandoverItem.objects.filter(dossier=dossier).count() == 1
