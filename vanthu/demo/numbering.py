"""Number demo documents in bulk, keeping the register books' yearly sequences gapless.

``vanthu.documents.numbering.number_allocate`` numbers one document at a time; demo loads number
thousands per transaction, so they lock every (book, year) sequence of a batch once, hand out the
following numbers in date order and write one ``NumberAllocation`` per number.
"""

from __future__ import annotations

from typing import Any

from vanthu.demo.composer import DraftDocument
from vanthu.documents.models import Sequence
from vanthu.documents.numbering import format_number


def number_drafts(drafts: list[DraftDocument]) -> list[dict[str, Any]]:
    """Give each draft the next number of its book and year; call inside ``transaction.atomic``.

    The drafts must be in date order. Returns the ``NumberAllocation`` rows to insert (as field
    dictionaries); the sequences are updated here, under their row locks.
    """
    needed = {(draft.book_id, draft.issued_date.year) for draft in drafts}
    sequences = _locked_sequences(needed)
    allocations = []
    for draft in drafts:
        sequence = sequences[(draft.book_id, draft.issued_date.year)]
        sequence.last_number += 1
        draft.fields["code_number"] = format_number(sequence.last_number)
        allocations.append(
            {
                "book_id": draft.book_id,
                "year": sequence.year,
                "number": sequence.last_number,
                "allocated_on": draft.issued_date,
            }
        )
    Sequence.objects.bulk_update(list(sequences.values()), ["last_number"])
    return allocations


def _locked_sequences(keys: set[tuple[int, int]]) -> dict[tuple[int, int], Sequence]:
    book_ids = {book_id for book_id, _year in keys}
    years = {year for _book_id, year in keys}
    existing = {
        (seq.book_id, seq.year)
        for seq in Sequence.objects.filter(book_id__in=book_ids, year__in=years)
    }
    missing = [
        Sequence(book_id=book_id, year=year, last_number=0)
        for book_id, year in sorted(keys - existing)
    ]
    Sequence.objects.bulk_create(missing, ignore_conflicts=True)
    locked = Sequence.objects.select_for_update().filter(book_id__in=book_ids, year__in=years)
    return {(seq.book_id, seq.year): seq for seq in locked if (seq.book_id, seq.year) in keys}
