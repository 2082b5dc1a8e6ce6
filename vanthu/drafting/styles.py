"""Low-level DOCX formatting for the Decree 30 renderer (Annex I typography, domain.md §1.4).

Everything here is about how one run, paragraph or table looks; nothing knows about documents.
The font is named "Times New Roman" on every run's ``rFonts`` (ascii, hAnsi, cs, eastAsia) as
Annex I requires; fontconfig renders it with Liberation Serif 2, its metric twin, whose files we
also use to measure text widths (for the short underlines and adaptive sizes).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import ImageFont

from vanthu.drafting.ooxml import (
    PPR_ORDER,
    TBLPR_ORDER,
    element,
    mm_twips,
    place,
    run_properties,
    twips,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

FONT_NAME = "Times New Roman"
BODY_SIZE = 14
NUMBER_SIZE = 13
LIST_SIZE = 11
RECIPIENTS_TITLE_SIZE = 12

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
CELL_PADDING_MM = 1.9
"""Word's default left/right cell margin (0.19 cm); kept so widths measured here stay true."""

FIRST_LINE_INDENT_MM = 10.0
LINE_SPACING = 1.15
SPACE_AFTER_PT = 6

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

_FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
_FONT_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
_MEASURE_SCALE = 100
FIT_SAFETY = 0.94
"""Word and LibreOffice lay text out a little wider than the bare glyph advances."""
_PT_TO_MM = 25.4 / 72


@lru_cache(maxsize=8)
def _font(*, bold: bool, italic: bool) -> ImageFont.FreeTypeFont | None:
    path = _FONT_DIR / _FONT_FILES[(bold, italic)]
    if not path.exists():
        return None
    return ImageFont.truetype(str(path), _MEASURE_SCALE)


def text_width_mm(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the printed width of ``text`` at ``size`` pt (Liberation Serif metrics = TNR)."""
    font = _font(bold=bold, italic=italic)
    if font is None:  # no font files: a generous average glyph width
        return len(text) * size * 0.55 * _PT_TO_MM
    return float(font.getlength(text)) / _MEASURE_SCALE * size * _PT_TO_MM


def fitting_size(
    text: str, width_mm: float, sizes: tuple[int, ...], *, bold: bool = False, italic: bool = False
) -> int:
    """Return the first of ``sizes`` (largest first) at which ``text`` fits on one line."""
    for size in sizes:
        if text_width_mm(text, size, bold=bold, italic=italic) <= width_mm * FIT_SAFETY:
            return size
    return sizes[-1]


def set_run_font(
    run: Run,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    """Give ``run`` Times New Roman on all four rFonts slots, ``size`` pt, bold/italic as told."""
    existing = run._r.find(qn("w:rPr"))
    if existing is not None:
        run._r.remove(existing)
    run._r.insert(0, run_properties(size, bold=bold, italic=italic))
    return run


def add_text(
    paragraph: Paragraph,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
) -> Run:
    """Append a formatted run of ``text`` to ``paragraph``; ``\\n`` becomes a line break."""
    lines = text.split("\n")
    run = set_run_font(paragraph.add_run(lines[0]), size, bold=bold, italic=italic)
    for line in lines[1:]:
        run.add_break(WD_BREAK.LINE)
        run.add_text(line)
    return run


_JC = {CENTER: "center", LEFT: "left", JUSTIFY: "both"}


def format_paragraph(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH = LEFT,
    before: float = 0,
    after: float = 0,
    first_line_mm: float = 0,
    left_mm: float = 0,
    right_mm: float = 0,
    line_spacing: float = 1.0,
    exact_line_pt: float | None = None,
    keep_with_next: bool = False,
) -> Paragraph:
    """Set alignment, spacing (pt), line spacing and indents (mm) of ``paragraph``."""
    ppr = paragraph._p.get_or_add_pPr()
    if keep_with_next:
        place(ppr, element("keepNext"), PPR_ORDER)
    place(ppr, element("widowControl"), PPR_ORDER)
    if exact_line_pt is None:
        line, rule = str(round(240 * line_spacing)), "auto"
    else:
        line, rule = twips(exact_line_pt), "exact"
    spacing = element("spacing", before=twips(before), after=twips(after), line=line, lineRule=rule)
    place(ppr, spacing, PPR_ORDER)
    indent = element("ind", left=mm_twips(left_mm), right=mm_twips(right_mm))
    if first_line_mm >= 0:
        indent.set(qn("w:firstLine"), mm_twips(first_line_mm))
    else:
        indent.set(qn("w:hanging"), mm_twips(-first_line_mm))
    place(ppr, indent, PPR_ORDER)
    place(ppr, element("jc", val=_JC.get(align, "left")), PPR_ORDER)
    return paragraph


def _border(tag: str, *, size_eighths: int = 6, space: int = 1) -> BaseOxmlElement:
    return OxmlElement(
        tag,
        {
            qn("w:val"): "single",
            qn("w:sz"): str(size_eighths),
            qn("w:space"): str(space),
            qn("w:color"): "000000",
        },
    )


def add_rule(container: _Cell | DocxDocument, width_mm: float, box_mm: float) -> Paragraph:
    """Add a centred solid line ``width_mm`` long inside a box ``box_mm`` wide.

    Drawn as the bottom border of an empty 1 pt paragraph whose indents shorten it: it stays in
    the text flow (no floating shape), so Word, LibreOffice and the checker all see it.
    """
    paragraph = container.add_paragraph()
    side = max((box_mm - width_mm) / 2, 0)
    format_paragraph(
        paragraph, align=CENTER, left_mm=side, right_mm=side, before=1, exact_line_pt=2
    )
    borders = element("pBdr")
    borders.append(_border("w:bottom", size_eighths=6, space=1))
    place(paragraph._p.get_or_add_pPr(), borders, PPR_ORDER)
    set_run_font(paragraph.add_run(""), 1)
    return paragraph


def add_box(paragraph: Paragraph, box_mm: float, column_mm: float) -> Paragraph:
    """Frame ``paragraph`` in a single-line box ``box_mm`` wide centred in ``column_mm``."""
    side = max((column_mm - box_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    borders = element("pBdr")
    for tag in ("w:top", "w:left", "w:bottom", "w:right"):
        borders.append(_border(tag, size_eighths=8, space=2))
    place(paragraph._p.get_or_add_pPr(), borders, PPR_ORDER)
    return paragraph


def table_borderless(table: Table, widths_mm: tuple[float, ...]) -> Table:
    """Remove every border of ``table`` and fix its column widths (mm)."""
    _table_layout(table, widths_mm)
    borders = element("tblBorders")
    for tag in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(tag, val="nil"))
    place(table._tbl.tblPr, borders, TBLPR_ORDER)
    return table


def table_grid(table: Table, widths_mm: tuple[float, ...]) -> Table:
    """Give ``table`` single black borders everywhere and fixed column widths (mm)."""
    _table_layout(table, widths_mm)
    borders = element("tblBorders")
    for tag in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(f"w:{tag}", size_eighths=4, space=0))
    place(table._tbl.tblPr, borders, TBLPR_ORDER)
    return table


def _table_layout(table: Table, widths_mm: tuple[float, ...]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    place(tbl_pr, element("tblLayout", type="fixed"), TBLPR_ORDER)
    total = str(sum(int(mm_twips(width)) for width in widths_mm))
    place(tbl_pr, element("tblW", w=total, type="dxa"), TBLPR_ORDER)
    for index, column in enumerate(table.columns):
        column.width = Mm(widths_mm[index])
        for cell in column.cells:
            cell.width = Mm(widths_mm[index])


def first_paragraph(cell: _Cell) -> Paragraph:
    """Return the cell's initial empty paragraph (python-docx creates one)."""
    paragraph: Paragraph = cell.paragraphs[0]
    return paragraph
