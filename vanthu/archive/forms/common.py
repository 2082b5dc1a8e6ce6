"""Shared pieces of the Annex V hand-over forms: the page, the header with the national name
and motto, grid tables and the signature block (python-docx, Times New Roman)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx.table import Table, _Cell

from vanthu.accounts.models import Agency
from vanthu.drafting.render_header import MOTTO, NATIONAL_NAME
from vanthu.drafting.styles import (
    CENTER,
    FONT_NAME,
    LEFT,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    TEXT_WIDTH_MM,
    add_rule,
    add_text,
    format_paragraph,
    table_borderless,
    table_grid,
)

BODY_SIZE = 13
TABLE_SIZE = 12
HEADER_WIDTHS = (70.0, TEXT_WIDTH_MM - 70.0)
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def form_document() -> Document:
    """Return an empty A4 document with the Decree 30 margins and Times New Roman."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    return doc


def cell_text(
    cell: _Cell,
    text: str,
    *,
    size: float = TABLE_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = LEFT,
) -> None:
    """Write ``text`` into the first paragraph of ``cell``."""
    paragraph = cell.paragraphs[0]
    format_paragraph(paragraph, align=align)
    add_text(paragraph, text, size, bold=bold, italic=italic)


def add_header(doc: Document, agency: Agency, unit_name: str = "") -> None:
    """Add the two-column header: the agency (and its superior or unit) on the left, the
    national name and motto on the right, each underlined by a short rule."""
    table = table_borderless(doc.add_table(rows=1, cols=2), HEADER_WIDTHS)
    left, right = table.rows[0].cells
    upper = agency.superior.name.upper() if agency.superior is not None else ""
    lower = unit_name.upper() if unit_name else agency.name.upper()
    if unit_name:
        upper = agency.name.upper()
    if upper:
        cell_text(left, upper, size=BODY_SIZE, align=CENTER)
        add_text(format_paragraph(left.add_paragraph(), align=CENTER), lower, BODY_SIZE, bold=True)
    else:
        cell_text(left, lower, size=BODY_SIZE, bold=True, align=CENTER)
    add_rule(left, 25.0, HEADER_WIDTHS[0])
    cell_text(right, NATIONAL_NAME, size=BODY_SIZE - 1, bold=True, align=CENTER)
    motto = format_paragraph(right.add_paragraph(), align=CENTER)
    add_text(motto, MOTTO, BODY_SIZE + 1, bold=True)
    add_rule(right, 62.0, HEADER_WIDTHS[1])


def add_centered(
    doc: Document,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    before: float = 0,
) -> None:
    paragraph = format_paragraph(doc.add_paragraph(), align=CENTER, before=before)
    add_text(paragraph, text, size, bold=bold, italic=italic)


def add_line(
    doc: Document,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    first_line_mm: float = 10.0,
) -> None:
    paragraph = format_paragraph(doc.add_paragraph(), first_line_mm=first_line_mm, after=3)
    add_text(paragraph, text, BODY_SIZE, bold=bold, italic=italic)


def add_grid(
    doc: Document,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: tuple[float, ...],
    *,
    left: Sequence[int] = (1, 2),
) -> Table:
    """Add a bordered table: the column titles, their numbers (1)…(n), then ``rows``; the
    columns at the positions in ``left`` are aligned left, the others centred."""
    table = table_grid(doc.add_table(rows=2 + len(rows), cols=len(columns)), widths)
    for index, (cell, title) in enumerate(zip(table.rows[0].cells, columns, strict=True)):
        cell_text(cell, title, bold=True, align=CENTER)
        cell_text(table.rows[1].cells[index], f"({index + 1})", italic=True, align=CENTER)
    for row, values in zip(table.rows[2:], rows, strict=True):
        cells = row.cells
        for position, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell_text(cell, value, align=LEFT if position in left else CENTER)
    return table


@dataclass(frozen=True, slots=True)
class Signature:
    """One signature block: an optional date line, the title, the hint and the full name."""

    title: str
    name: str
    hint: str = ""
    dated: str = ""


def add_signatures(doc: Document, blocks: Sequence[Signature | None]) -> None:
    """Add side-by-side signature blocks (None leaves a column empty)."""
    width = TEXT_WIDTH_MM / len(blocks)
    table = table_borderless(doc.add_table(rows=1, cols=len(blocks)), (width,) * len(blocks))
    for cell, block in zip(table.rows[0].cells, blocks, strict=True):
        if block is None:
            continue
        lines = [(block.dated, False, True), (block.title, True, False), (block.hint, False, True)]
        first = True
        for text, bold, italic in lines:
            if not text:
                continue
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            add_text(
                format_paragraph(paragraph, align=CENTER), text, BODY_SIZE, bold=bold, italic=italic
            )
        for _blank in range(3):
            cell.add_paragraph()
        add_text(
            format_paragraph(cell.add_paragraph(), align=CENTER), block.name, BODY_SIZE, bold=True
        )


def docx_bytes(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
