"""Write imported rows: the documents, their kept arrival numbers and the register's sequence.

Historical records keep the arrival numbers of the paper register. Each number gets its
NumberAllocation row (so the register stays checkable for gaps and duplicates) and the book's
Sequence for the year is raised to the highest number written, under the Sequence row lock,
so that the next live registration continues at max + 1 and never collides with an import.
"""

from __future__ import annotations

from collections.abc import Sequence as Seq
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.core.text import fold
from vanthu.documents.models import Document, NumberAllocation, RegisterBook, Sequence
from vanthu.incoming.enums import Channel
from vanthu.incoming.importer.rows import ImportRow
from vanthu.incoming.models import IncomingRecord

ALLOCATION_NOTE = "Nhập từ sổ đăng ký cũ"


@dataclass(slots=True)
class BatchOutcome:
    """A batch sorted against the register: new rows, rows already there, refused rows."""

    new: list[ImportRow] = field(default_factory=list)
    already: int = 0
    conflicts: list[tuple[ImportRow, str]] = field(default_factory=list)


def classify(*, book: RegisterBook, year: int, rows: Seq[ImportRow]) -> BatchOutcome:
    """Sort ``rows`` by whether their arrival number is free, theirs already, or taken."""
    numbers = [row.arrival_number for row in rows]
    records = {
        number: (code_number, code_notation)
        for number, code_number, code_notation in IncomingRecord.objects.filter(
            register_book=book, arrival_year=year, arrival_number__in=numbers
        ).values_list("arrival_number", "document__code_number", "document__code_notation")
    }
    allocated = set(
        NumberAllocation.objects.filter(book=book, year=year, number__in=numbers).values_list(
            "number", flat=True
        )
    )
    outcome = BatchOutcome()
    for row in rows:
        existing = records.get(row.arrival_number)
        if existing == (row.code_number, row.code_notation):
            outcome.already += 1
        elif existing is not None:
            number, notation = existing
            code = f"{number}/{notation}" if number and notation else number or notation
            outcome.conflicts.append(
                (
                    row,
                    _("Số đến %(number)d đã dùng cho văn bản khác (%(code)s) trong sổ.")
                    % {"number": row.arrival_number, "code": code or "—"},
                )
            )
        elif row.arrival_number in allocated:
            outcome.conflicts.append(
                (row, _("Số đến %d đã được cấp (hoặc đã hủy) trong sổ.") % row.arrival_number)
            )
        else:
            outcome.new.append(row)
    return outcome


def lock_sequence(*, book: RegisterBook, year: int) -> Sequence:
    """Return the book's Sequence for ``year``, created if missing, locked until commit."""
    try:
        with transaction.atomic():
            Sequence.objects.get_or_create(book=book, year=year)
    except IntegrityError:  # a live allocation created it meanwhile
        pass
    return Sequence.objects.select_for_update().get(book=book, year=year)


def _document(row: ImportRow, agency: Agency) -> Document:
    return Document(
        owner_agency=agency,
        document_type=row.document_type,
        code_number=row.code_number,
        code_notation=row.code_notation,
        issued_date=row.issued_date,
        organ_name=row.organ_name,
        subject=row.subject,
        subject_folded=fold(row.subject)[:500],
        signer_name=row.signer_full_name,
        page_amount=row.page_amount,
        description=row.description,
    )


def write_rows(
    *, actor: User, agency: Agency, book: RegisterBook, year: int, rows: Seq[ImportRow]
) -> list[int]:
    """Create the records of ``rows`` (numbers checked free under the lock); return their ids.

    Call inside a transaction that already holds ``lock_sequence`` for (book, year).
    """
    documents = Document.objects.bulk_create([_document(row, agency) for row in rows])
    allocations = NumberAllocation.objects.bulk_create(
        NumberAllocation(
            book=book,
            year=year,
            number=row.arrival_number,
            allocated_on=row.arrival_date,
            allocated_by=actor,
            note=ALLOCATION_NOTE,
        )
        for row in rows
    )
    records = IncomingRecord.objects.bulk_create(
        IncomingRecord(
            document=document,
            agency=agency,
            register_book=book,
            allocation=allocation,
            arrival_number=row.arrival_number,
            arrival_year=year,
            arrival_date=row.arrival_date,
            channel=Channel.PAPER,
            received_by=actor,
            status=row.status,
            due_date=row.due_date,
            organ_folded=fold(row.organ_name)[:200],
        )
        for row, document, allocation in zip(rows, documents, allocations, strict=True)
    )
    highest = max((row.arrival_number for row in rows), default=0)
    Sequence.objects.filter(book=book, year=year, last_number__lt=highest).update(
        last_number=highest
    )
    return [record.pk for record in records]
