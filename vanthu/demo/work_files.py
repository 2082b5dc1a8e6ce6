"""The demo's work files (issue 6): each agency's 2026 file plan with its filed dossiers
(``vanthu.dossiers.demo``), then the 2020 dossiers handed over to the agency archive."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vanthu.accounts.models import Agency
from vanthu.demo.composer import AgencyContext
from vanthu.demo.handovers_demo import handovers_demo
from vanthu.dossiers.demo import dossiers_demo


def load_work_files(contexts: Sequence[AgencyContext]) -> dict[str, int]:
    """Build the work files of every demo agency, after its incoming and outgoing work;
    return what was created by kind (nothing for an agency that has them already)."""
    created: Counter[str] = Counter()
    agencies = Agency.objects.in_bulk([context.agency_id for context in contexts])
    for context in contexts:
        agency = agencies[context.agency_id]
        plan = dossiers_demo(agency)
        if plan is not None:
            created["file_plans"] += 1
            created["dossiers"] += len(plan.dossiers)
            created["filed_documents"] += plan.filed
        handed = handovers_demo(agency)
        if handed is not None:
            created["dossiers"] += len(handed.dossiers)
            created["handovers"] += len(handed.handovers)
            created["kept_back_dossiers"] += handed.kept_back is not None
    return dict(created)
