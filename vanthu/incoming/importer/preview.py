"""The first rows of a legacy register as the importer reads them (for the mapping screen)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from vanthu.accounts.models import User
from vanthu.incoming.importer.access import ensure_importer
from vanthu.incoming.importer.cells import text_of
from vanthu.incoming.importer.columns import Column, ColumnMap, column_letter, merged_mapping
from vanthu.incoming.importer.reading import SheetLayout, Source, data_rows, find_layout, open_sheet

PREVIEW_ROWS = 10


@dataclass(frozen=True, slots=True)
class Preview:
    """The sheet's layout, the mapping in force and the first rows as text per column."""

    layout: SheetLayout
    mapping: ColumnMap
    sheet_columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def import_preview(
    *,
    actor: User,
    source: Source,
    sheet: str | None = None,
    header_row: int | None = None,
    override: ColumnMap | None = None,
) -> Preview:
    """Return the header found, the mapping and the first ``PREVIEW_ROWS`` rows, as text."""
    ensure_importer(actor)
    with open_sheet(source, sheet=sheet) as worksheet:
        layout = find_layout(worksheet, header_row=header_row)
        mapping = merged_mapping(layout.mapping, override or {})
        first = list(islice(data_rows(worksheet, layout=layout), PREVIEW_ROWS))
    rows = tuple(
        (
            number,
            tuple(
                text_of(row[mapping[c]]).value if mapping.get(c, len(row)) < len(row) else ""
                for c in Column
            ),
        )
        for number, row in first
    )
    width = max([len(layout.headings), *(len(row) for _n, row in first)])
    headings = layout.headings + ("",) * (width - len(layout.headings))
    sheet_columns = tuple((column_letter(i), text_of(h).value) for i, h in enumerate(headings))
    return Preview(layout=layout, mapping=mapping, sheet_columns=sheet_columns, rows=rows)
