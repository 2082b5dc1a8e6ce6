"""Synthetic documents for benchmarks: ``load_demo --documents N`` (1,000,000 must work).

Documents are generated in date order over the working days from 2020 to today, spread over the
demo agencies (bigger bodies issue more), numbered in their books' yearly sequences, and written
in batches — one transaction per batch, so memory stays bounded and other writers get turns.
The same seed gives the same documents; ``load_demo`` salts it with the number of documents
already there, so the same seed on the same database gives the same documents while a second
run adds new ones rather than copies.
"""

from __future__ import annotations

import random
import sys
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from vanthu.demo.bulk import RowWriter
from vanthu.demo.composer import AgencyContext, DocumentComposer, DraftDocument, working_days
from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.numbering import number_drafts
from vanthu.documents.models import Document, DocumentType, NumberAllocation

FIRST_DAY = date(2020, 1, 2)
DEFAULT_BATCH_SIZE = 5000
AGENCY_WEIGHTS: dict[AgencyKind, int] = {
    AgencyKind.PROVINCE_COMMITTEE: 12,
    AgencyKind.HOME_AFFAIRS: 10,
    AgencyKind.ARCHIVES_BRANCH: 3,
    AgencyKind.DISTRICT_COMMITTEE: 6,
    AgencyKind.JUSTICE_OFFICE: 2,
    AgencyKind.LABOUR_OFFICE: 2,
    AgencyKind.COMMUNE_COMMITTEE: 2,
}


class SyntheticGenerator:
    """Generate ``count`` documents in date order, one batch at a time."""

    def __init__(
        self,
        *,
        contexts: list[AgencyContext],
        types: dict[str, DocumentType],
        count: int,
        seed: int | str,
        last_day: date | None = None,
    ) -> None:
        rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.composer = DocumentComposer(
            rng, types, allow_classified=settings.VANTHU_ALLOW_CLASSIFIED
        )
        self.contexts = contexts
        self.count = count
        self.days = working_days(FIRST_DAY, last_day or timezone.localdate())
        total = 0
        self._cum_weights = []
        for agency in contexts:
            total += AGENCY_WEIGHTS[agency.kind]
            self._cum_weights.append(total)

    def drafts(self, start: int, stop: int) -> list[DraftDocument]:
        """Return the unsaved documents ``start`` to ``stop - 1`` of the run."""
        days, count = self.days, self.count
        rng = self.composer.rng
        batch = []
        for index in range(start, stop):
            agency = rng.choices(self.contexts, cum_weights=self._cum_weights)[0]
            batch.append(self.composer.compose(agency, days[index * len(days) // count]))
        return batch

    def run(self, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: bool | None = None) -> int:
        """Write every document; return how many were created.

        ``progress``: ``None`` shows a progress bar on stderr only when it is a terminal.
        """
        with tqdm(
            total=self.count,
            file=sys.stderr,
            disable=None if progress is None else not progress,
            unit=" văn bản",
            desc="Tạo văn bản",
            unit_scale=True,
        ) as bar:
            for start in range(0, self.count, batch_size):
                stop = min(start + batch_size, self.count)
                write_batch(self.drafts(start, stop))
                bar.update(stop - start)
        return self.count


def write_batch(drafts: list[DraftDocument]) -> None:
    """Number and insert one batch of documents in its own transaction."""
    with transaction.atomic():
        allocations = number_drafts(drafts)
        RowWriter(Document).insert([draft.fields for draft in drafts])
        RowWriter(NumberAllocation).insert(allocations)
