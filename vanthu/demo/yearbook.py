"""The demo year: a few hundred realistic 2020 documents of the demo agencies (idempotent).

The documents are the same on every load (fixed seed), numbered 1, 2, … in date order in each
agency's outgoing (or secret outgoing) book, so that Sở Nội vụ's inspection plan comes out as
Kế hoạch số 26/KH-SNV ngày 23/4/2020. A document whose (agency, number, code, date) already exists
is not created again; the books' 2020 sequences and allocations are completed to match.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from vanthu.demo.composer import AgencyContext, DocumentComposer, DraftDocument, working_days
from vanthu.demo.constants import DEMO_YEAR
from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.data.inspection import INSPECTION_PLAN_DAY, INSPECTION_PLAN_NUMBER, curated_for
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import Document, DocumentType, NumberAllocation, Sequence
from vanthu.documents.numbering import format_number

YEAR_SEED = 20200423
FILLER_COUNTS: dict[AgencyKind, int] = {
    AgencyKind.PROVINCE_COMMITTEE: 30,
    AgencyKind.HOME_AFFAIRS: 60,
    AgencyKind.ARCHIVES_BRANCH: 20,
    AgencyKind.DISTRICT_COMMITTEE: 14,
    AgencyKind.JUSTICE_OFFICE: 8,
    AgencyKind.LABOUR_OFFICE: 8,
    AgencyKind.COMMUNE_COMMITTEE: 6,
}
NORMAL = int(Confidentiality.NORMAL)

DocumentKey = tuple[int, str, str, date]


def _filler_days(rng: random.Random, kind: AgencyKind, curated_days: list[date]) -> list[date]:
    """Return the days of an agency's ordinary documents.

    Sở Nội vụ gets exactly as many ordinary documents before its inspection plan as it takes for
    the plan to be number 26 (they are kept unclassified so that they share its book).
    """
    days = working_days(date(DEMO_YEAR, 1, 2), date(DEMO_YEAR, 12, 31))
    count = FILLER_COUNTS[kind]
    if kind != AgencyKind.HOME_AFFAIRS:
        return sorted(rng.choices(days, k=count))
    before = [day for day in days if day < INSPECTION_PLAN_DAY]
    after = [day for day in days if day > INSPECTION_PLAN_DAY]
    earlier = sum(1 for day in curated_days if day < INSPECTION_PLAN_DAY)
    first = INSPECTION_PLAN_NUMBER - 1 - earlier
    return sorted(rng.choices(before, k=first)) + sorted(rng.choices(after, k=count - first))


def _agency_drafts(composer: DocumentComposer, agency: AgencyContext) -> list[DraftDocument]:
    curated = curated_for(agency.kind, agency.district)
    fillers = _filler_days(composer.rng, agency.kind, [doc.day for doc in curated])
    planned: list[tuple[date, int]] = [(day, -1) for day in fillers]
    planned += [(doc.day, index) for index, doc in enumerate(curated)]
    planned.sort(key=lambda item: item[0])  # stable: on one day, ordinary documents first
    drafts = []
    for day, index in planned:
        if index < 0:
            early = agency.kind == AgencyKind.HOME_AFFAIRS and day < INSPECTION_PLAN_DAY
            level = NORMAL if early else None
            drafts.append(composer.compose(agency, day, level=level))
        else:
            doc = curated[index]
            drafts.append(
                composer.compose(
                    agency, day, code=doc.code, subject=doc.subject, unit=doc.unit, level=NORMAL
                )
            )
    return drafts


def year_drafts(
    contexts: list[AgencyContext], types: dict[str, DocumentType]
) -> list[DraftDocument]:
    """Return the demo year's documents, numbered per book in date order (not saved)."""
    composer = DocumentComposer(random.Random(YEAR_SEED), types, allow_classified=False)  # noqa: S311
    drafts = []
    for agency in contexts:
        drafts.extend(_agency_drafts(composer, agency))
    counters: Counter[int] = Counter()
    for draft in drafts:
        counters[draft.book_id] += 1
        draft.fields["code_number"] = format_number(counters[draft.book_id])
    return drafts


def _key(draft: DraftDocument) -> DocumentKey:
    fields = draft.fields
    return (
        fields["owner_agency_id"],
        fields["code_number"],
        fields["code_notation"],
        fields["issued_date"],
    )


def load_year(contexts: list[AgencyContext], types: dict[str, DocumentType]) -> int:
    """Create the demo year's missing documents and allocations; return how many were created."""
    drafts = year_drafts(contexts, types)
    agency_ids = [agency.agency_id for agency in contexts]
    existing: set[DocumentKey] = set(
        Document.objects.filter(
            owner_agency_id__in=agency_ids, issued_date__year=DEMO_YEAR
        ).values_list("owner_agency_id", "code_number", "code_notation", "issued_date")
    )
    new = [draft.to_model() for draft in drafts if _key(draft) not in existing]
    Document.objects.bulk_create(new, batch_size=500)
    _complete_allocations(drafts)
    return len(new)


def _complete_allocations(drafts: list[DraftDocument]) -> None:
    """Make each book's 2020 sequence and allocations cover the demo numbers (no gaps)."""
    dates: dict[tuple[int, int], date] = {
        (draft.book_id, int(draft.fields["code_number"])): draft.issued_date for draft in drafts
    }
    highest: Counter[int] = Counter()
    for book_id, number in dates:
        highest[book_id] = max(highest[book_id], number)
    sequences = {
        seq.book_id: seq
        for seq in Sequence.objects.select_for_update().filter(book_id__in=highest, year=DEMO_YEAR)
    }
    Sequence.objects.bulk_create(
        Sequence(book_id=book_id, year=DEMO_YEAR, last_number=top)
        for book_id, top in highest.items()
        if book_id not in sequences
    )
    raised = [seq for seq in sequences.values() if seq.last_number < highest[seq.book_id]]
    for seq in raised:
        seq.last_number = highest[seq.book_id]
    Sequence.objects.bulk_update(raised, ["last_number"])
    taken = set(
        NumberAllocation.objects.filter(book_id__in=highest, year=DEMO_YEAR).values_list(
            "book_id", "number"
        )
    )
    NumberAllocation.objects.bulk_create(
        (
            NumberAllocation(book_id=book_id, year=DEMO_YEAR, number=number, allocated_on=day)
            for (book_id, number), day in sorted(dates.items())
            if (book_id, number) not in taken
        ),
        batch_size=500,
    )
