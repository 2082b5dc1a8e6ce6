"""A DOCX on a synthetic page: body paragraphs span the width, table cells keep their column.

A DOCX has no fixed layout, but Decree 30 documents put the header and the signature block in
two-column tables: placing each cell's paragraphs in its column, one line after another, gives
the extractor the same left/right shape as a rendered page. Explicit page breaks start a page.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from vanthu.capture.errors import CorruptFileError
from vanthu.capture.layout import Page, Segment, Word

LINE = 0.018
_PAGE_BREAK = 'w:br w:type="page"'


class _Cursor:
    """Where the next line goes; collects segments per page."""

    def __init__(self) -> None:
        self.pages: list[list[Segment]] = [[]]
        self.y = 0.03

    def line(self, text: str, x0: float, x1: float) -> None:
        if text.strip():
            words = text.split()
            step = (x1 - x0) / max(len(words), 1)
            boxes = [
                Word(w, x0 + i * step, self.y, x0 + (i + 1) * step - 0.001, self.y + LINE * 0.8)
                for i, w in enumerate(words)
            ]
            self.pages[-1].append(Segment(boxes))
        self.y += LINE

    def page_break(self) -> None:
        self.pages.append([])
        self.y = 0.03


def pages_from_docx(path: Path) -> list[Page]:
    """Return the pages of the DOCX at ``path``; a broken file raises ``CorruptFileError``."""
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise CorruptFileError from exc
    cursor = _Cursor()
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            _paragraph(cursor, block, 0.1, 0.9)
        else:
            _table(cursor, block)
    return [Page(segments) for segments in cursor.pages if segments]


def _paragraph(cursor: _Cursor, paragraph: Paragraph, x0: float, x1: float) -> None:
    xml = paragraph._p.xml
    for piece in paragraph.text.split("\n"):
        cursor.line(piece, x0, x1)
    if _PAGE_BREAK in xml:
        cursor.page_break()


def _table(cursor: _Cursor, table: Table) -> None:
    for row in table.rows:
        cells = row.cells
        width = 1.0 / max(len(cells), 1)
        start = cursor.y
        bottom = start
        for index, cell in enumerate(cells):
            cursor.y = start
            for paragraph in cell.paragraphs:
                _paragraph(cursor, paragraph, index * width + 0.02, (index + 1) * width - 0.02)
            bottom = max(bottom, cursor.y)
        cursor.y = bottom
