"""A rough page count from the text, to tell a one-page document from a longer one.

A DOCX holds no page count of its own (Word writes one in docProps/app.xml, python-docx does
not), and page numbers are required only from page 2. The estimate uses Times New Roman's
average glyph width and single line spacing; callers allow a margin on either side.
"""

from __future__ import annotations

import math

from docx.oxml.ns import qn

from vanthu.drafting.checker.model import DocView, ParaView, SectionView, TableView
from vanthu.drafting.checker.typography import effective_size

_GLYPH_EM = 0.47
_LINE_FACTOR = 1.17
_PARAGRAPH_SPACING_PT = 6.0
_FALLBACK_SIZE = 13.0


def _paragraph_height(para: ParaView, width_pt: float) -> float:
    sizes = [effective_size(r.size) for r in para.text_runs]
    size = max(sizes) if sizes else _FALLBACK_SIZE
    per_line = max(1, int(width_pt / (size * _GLYPH_EM)))
    lines = max(1, math.ceil(len(para.text) / per_line))
    return lines * size * _LINE_FACTOR + _PARAGRAPH_SPACING_PT


def _table_height(table: TableView, width_pt: float) -> float:
    height = 0.0
    for row in table.cells:
        cell_width = width_pt / max(1, len(row))
        height += max(
            (sum(_paragraph_height(p, cell_width) for p in cell) for cell in row), default=0.0
        )
    return height


def _breaks(element: object) -> int:
    xpath = getattr(element, "xpath", None)
    if xpath is None:
        return 0
    return len(xpath(".//w:br[@w:type='page'] | ./w:pPr/w:pageBreakBefore"))


def estimate_pages(view: DocView) -> float:
    """Return the estimated number of pages (fractional) of the document."""
    section: SectionView | None = view.sections[0] if view.sections else None
    if section is None or section.width <= section.left + section.right:
        return 1.0
    width_pt = (section.width - section.left - section.right) / 20
    height_pt = max(1.0, (section.height - section.top - section.bottom) / 20)
    used = 0.0
    forced = 0
    for block in view.blocks:
        if isinstance(block, TableView):
            used += _table_height(block, width_pt)
        else:
            used += _paragraph_height(block, width_pt)
            forced += _breaks(block.element)
    forced += max(0, len(view.document.element.body.findall(f".//{qn('w:sectPr')}")) - 1)
    return used / height_pt + forced
