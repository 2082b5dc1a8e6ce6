"""Import a legacy incoming register from Excel: dry run, then batched, idempotent writes.

A run reads the sheet twice, streaming: the first pass checks every row and sorts it against
the register (new, already imported, refused); a dry run stops there. A real run stops there too
when any row is invalid (unless ``skip_invalid``); otherwise the second pass writes batch by
batch, each batch in its own transaction that re-checks its numbers under the Sequence lock and
records one audit event (one per run for files up to ``batch_size`` rows). Re-running the same
file finds every row already imported and writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import RegisterBook
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.importer.access import book_for, ensure_importer
from vanthu.incoming.importer.columns import (
    LABELS,
    ColumnMap,
    column_letter,
    merged_mapping,
    missing_required,
)
from vanthu.incoming.importer.doctypes import TypeGuesser
from vanthu.incoming.importer.reading import SheetLayout, Source, data_rows, find_layout, open_sheet
from vanthu.incoming.importer.report import ImportReport
from vanthu.incoming.importer.rows import ImportRow, ParsedRow, RowParser
from vanthu.incoming.importer.writing import BatchOutcome, classify, lock_sequence, write_rows

MIN_YEAR = 1945
MAX_IDS_IN_AUDIT = 200


class Progress(Protocol):
    """A progress bar (tqdm's interface)."""

    def update(self, n: float | None = 1) -> bool | None: ...

    def close(self) -> None: ...


ProgressFactory = Callable[[str, int | None], Progress]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOptions:
    """What to import and how: register year, book, sheet, column choices, dry run."""

    year: int
    book: int | str | None = None
    sheet: str | None = None
    mapping: ColumnMap | None = None
    header_row: int | None = None
    dry_run: bool = True
    skip_invalid: bool = False
    filename: str = ""
    batch_size: int = 1000


@dataclass(slots=True)
class _Run:
    actor: User
    agency: Agency
    book: RegisterBook
    options: ImportOptions
    layout: SheetLayout
    parser: RowParser
    run_id: str


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= today_in_vietnam().year:
        raise InvalidInputError(
            fields={"year": [_("Năm của sổ phải từ %d đến năm nay.") % MIN_YEAR]}
        )


def _layout(source: Source, options: ImportOptions) -> tuple[SheetLayout, ColumnMap]:
    with open_sheet(source, sheet=options.sheet) as worksheet:
        layout = find_layout(worksheet, header_row=options.header_row)
    mapping = merged_mapping(layout.mapping, options.mapping or {})
    missing = missing_required(mapping)
    if missing:
        names = ", ".join(str(LABELS[column]) for column in missing)
        raise InvalidInputError(
            _("Chưa xác định được cột: %s.") % names,
            fields={"mapping": [_("Chưa xác định được cột: %s.") % names]},
        )
    return layout, mapping


def _batches(
    rows: Iterator[ParsedRow], size: int, progress: Progress | None
) -> Iterator[list[ParsedRow]]:
    batch: list[ParsedRow] = []
    for parsed in rows:
        batch.append(parsed)
        if progress is not None:
            progress.update(1)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _valid_rows(
    run: _Run, batch: list[ParsedRow], report: ImportReport, seen: dict[int, int]
) -> list[ImportRow]:
    """Count a batch into ``report``; return its valid rows (a number used twice is an error)."""
    valid: list[ImportRow] = []
    for parsed in batch:
        report.rows_read += 1
        report.converted_cells += parsed.converted_cells
        errors = list(parsed.errors)
        row = parsed.value
        if row is not None:
            first = seen.setdefault(row.arrival_number, row.row)
            if first != row.row:
                message = _("Số đến trùng với dòng %d của tệp.") % first
                errors.append(run.parser.number_error(row, message))
        if errors:
            report.invalid_rows += 1
            for error in errors:
                report.add_error(error)
        elif row is not None:
            valid.append(row)
    return valid


def _count_outcome(run: _Run, outcome: BatchOutcome, report: ImportReport) -> None:
    report.already_imported += outcome.already
    report.valid += outcome.already + len(outcome.new)
    for row, message in outcome.conflicts:
        report.invalid_rows += 1
        report.add_error(run.parser.number_error(row, message))


def _write_batch(run: _Run, rows: list[ImportRow], report: ImportReport, index: int) -> None:
    year = run.options.year
    with sqlite_writer_queue(), transaction.atomic():
        lock_sequence(book=run.book, year=year)
        outcome = classify(book=run.book, year=year, rows=rows)
        _count_outcome(run, outcome, report)
        if not outcome.new:
            return
        ids = write_rows(
            actor=run.actor, agency=run.agency, book=run.book, year=year, rows=outcome.new
        )
        report.created += len(ids)
        if len(report.created_ids) < MAX_IDS_IN_AUDIT:
            report.created_ids.extend(ids[: MAX_IDS_IN_AUDIT - len(report.created_ids)])
        record(
            action="incoming.register_imported",
            actor=run.actor,
            target=run.book,
            agency_id=run.agency.pk,
            data=_audit_data(run, report, index=index, ids=ids),
        )


def _audit_data(run: _Run, report: ImportReport, *, index: int, ids: list[int]) -> dict[str, Any]:
    return {
        "run": run.run_id,
        "batch": index,
        "file": run.options.filename,
        "year": run.options.year,
        "book_id": run.book.pk,
        "created": len(ids),
        "created_ids": ids if len(ids) <= MAX_IDS_IN_AUDIT else [],
        "totals": report.summary(),
    }


def _pass(
    run: _Run, source: Source, *, write: bool, progress: ProgressFactory | None
) -> ImportReport:
    report = ImportReport(
        dry_run=not write,
        sheet=run.layout.sheet,
        header_row=run.layout.header_row,
        mapping={column.value: column_letter(i) for column, i in run.parser.mapping.items()},
    )
    seen: dict[int, int] = {}
    total = (run.layout.total_rows or 0) - run.layout.header_row or None
    bar = progress(_("Ghi vào sổ") if write else _("Kiểm tra"), total) if progress else None
    try:
        with open_sheet(source, sheet=run.layout.sheet) as worksheet:
            parsed = (
                run.parser.parse(n, row) for n, row in data_rows(worksheet, layout=run.layout)
            )
            for index, batch in enumerate(_batches(parsed, run.options.batch_size, bar)):
                rows = _valid_rows(run, batch, report, seen)
                if write:
                    _write_batch(run, rows, report, index)
                else:
                    outcome = classify(book=run.book, year=run.options.year, rows=rows)
                    _count_outcome(run, outcome, report)
    finally:
        if bar is not None:
            bar.close()
    report.note_gaps(set(seen))
    return report


def register_import(
    *,
    actor: User,
    source: Source,
    options: ImportOptions,
    progress: ProgressFactory | None = None,
) -> ImportReport:
    """Check (and unless ``options.dry_run``, import) a legacy incoming register.

    A real run writes nothing when a row is invalid, unless ``options.skip_invalid``: then the
    valid rows are written and the invalid ones reported.
    """
    agency = ensure_importer(actor)
    _check_year(options.year)
    book = book_for(agency, options.book)
    layout, mapping = _layout(source, options)
    parser = RowParser(
        mapping=mapping,
        headings=layout.headings,
        year=options.year,
        today=today_in_vietnam(),
        guesser=TypeGuesser(),
    )
    run = _Run(actor, agency, book, options, layout, parser, uuid.uuid4().hex)
    check = _pass(run, source, write=False, progress=progress)
    if options.dry_run:
        return check
    if check.to_create == 0 or (check.error_count and not options.skip_invalid):
        check.dry_run = False
        return check
    return _pass(run, source, write=True, progress=progress)
