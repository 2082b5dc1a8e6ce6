"""The content (box 6) and the "Kính gửi" block (box 9a): Annex I typography, domain.md §1.4.

Body text is 14 pt, justified, 1 cm first-line indent, 6 pt after, 1.15 lines. Phần/Chương/Mục
are centred bold on their own line with their title in upper case; "Điều n." is bold at the
indent; khoản "1." and điểm "a)" are upright at the indent.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from vanthu.core.text import clean_text
from vanthu.drafting.content import Clause, Heading, Paragraph, Point, Table
from vanthu.drafting.ooxml import TRPR_ORDER, element, place
from vanthu.drafting.styles import (
    BODY_SIZE,
    CENTER,
    FIRST_LINE_INDENT_MM,
    JUSTIFY,
    LEFT,
    LINE_SPACING,
    SPACE_AFTER_PT,
    TEXT_WIDTH_MM,
    add_text,
    format_paragraph,
    table_grid,
    text_width_mm,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.text.paragraph import Paragraph as DocxParagraph

    from vanthu.drafting.content import Block

TABLE_SIZE = 13
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_TRAILING = re.compile(r"[\s;.,]+$")
_LEADING_DASH = re.compile(r"^[\s\-–—+•]+")


def roman(number: int) -> str:
    """Return ``number`` (≥ 1) in Roman numerals."""
    parts: list[str] = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def _numeral(number: str, *, as_roman: bool) -> str:
    number = clean_text(number)
    return roman(int(number)) if as_roman and number.isdigit() and int(number) > 0 else number


def punctuated(items: Sequence[str], *, last: str = ".", between: str = ";") -> list[str]:
    """Return the cleaned ``items``, each ending ``between``; the last ends ``last``."""
    cleaned = [_TRAILING.sub("", clean_text(item)) for item in items]
    cleaned = [item for item in cleaned if item]
    return [item + (last if i == len(cleaned) - 1 else between) for i, item in enumerate(cleaned)]


def dashed(item: str) -> str:
    """Return ``item`` without any leading dash or bullet."""
    return _LEADING_DASH.sub("", item)


def body_paragraph(
    document: Document, *, align: WD_ALIGN_PARAGRAPH = JUSTIFY, indent: bool = True
) -> DocxParagraph:
    """Add an empty paragraph with the body's spacing and indent."""
    return format_paragraph(
        document.add_paragraph(),
        align=align,
        after=SPACE_AFTER_PT,
        first_line_mm=FIRST_LINE_INDENT_MM if indent else 0,
        line_spacing=LINE_SPACING,
    )


def add_centered(
    document: Document, text: str, *, bold: bool = True, before: float = 6, after: float = 6
) -> DocxParagraph:
    """Add a centred bold line (enacting authority, "QUYẾT ĐỊNH:", headings)."""
    paragraph = format_paragraph(
        document.add_paragraph(), align=CENTER, before=before, after=after, keep_with_next=True
    )
    add_text(paragraph, text, BODY_SIZE, bold=bold)
    return paragraph


def add_legal_bases(document: Document, bases: Sequence[str]) -> None:
    """Add the căn cứ lines: italic, each ending ";", the last ".", (domain.md §1.13)."""
    for line in punctuated(bases):
        add_text(body_paragraph(document), line, BODY_SIZE, italic=True)


def add_addressees(document: Document, addressees: Sequence[str]) -> None:
    """Add "Kính gửi:" with one addressee on its line, or several as aligned "- …;" lines."""
    label = _("Kính gửi:")
    names = [dashed(name) for name in punctuated(addressees)]
    if not names:
        return
    if len(names) == 1:
        paragraph = format_paragraph(document.add_paragraph(), align=CENTER, before=6, after=6)
        add_text(paragraph, f"{label} {names[0].rstrip('.')}", BODY_SIZE)
        return
    lines = [f"- {name}" for name in names]
    label_mm = text_width_mm(label + "  ", BODY_SIZE)
    widest = max(text_width_mm(line, BODY_SIZE) for line in lines)
    left = max((TEXT_WIDTH_MM - label_mm - widest) / 2, FIRST_LINE_INDENT_MM)
    paragraph = format_paragraph(
        document.add_paragraph(),
        align=LEFT,
        before=6,
        after=6,
        left_mm=left + label_mm,
        first_line_mm=-label_mm,
    )
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(left + label_mm))
    add_text(paragraph, label + "\t" + "\n".join(lines), BODY_SIZE)


def add_telegram_addressees(document: Document, sender: str, addressees: Sequence[str]) -> None:
    """Add a công điện's "<SENDER> điện:" line and its "- …;" addressee list (Mẫu 1.6)."""
    add_centered(document, _("%(sender)s điện:") % {"sender": clean_text(sender).upper()})
    for name in punctuated(addressees):
        paragraph = body_paragraph(document, align=LEFT)
        paragraph.paragraph_format.space_after = 0
        add_text(paragraph, f"- {dashed(name)}", BODY_SIZE)


def _add_heading(document: Document, block: Heading) -> None:
    title = clean_text(block.title)
    if block.level == "article":
        paragraph = body_paragraph(document)
        paragraph.paragraph_format.keep_with_next = True
        text = _("Điều %(number)s.") % {"number": _numeral(block.number, as_roman=False)}
        add_text(paragraph, f"{text} {title}".rstrip(), BODY_SIZE, bold=True)
        return
    words = {"part": _("Phần"), "chapter": _("Chương"), "section": _("Mục")}
    number = _numeral(block.number, as_roman=block.level != "section")
    add_centered(document, f"{words[block.level]} {number}", before=12, after=0)
    if title:
        add_centered(document, title.upper(), before=0, after=6)


def _add_table(document: Document, block: Table) -> None:
    columns = max((len(row) for row in block.rows), default=0)
    if columns == 0:
        return
    table = document.add_table(rows=len(block.rows), cols=columns)
    table_grid(table, tuple(TEXT_WIDTH_MM / columns for _column in range(columns)))
    for row_index, row in enumerate(block.rows):
        is_header = block.header and row_index == 0
        for column_index in range(columns):
            text = clean_text(row[column_index]) if column_index < len(row) else ""
            paragraph = table.cell(row_index, column_index).paragraphs[0]
            format_paragraph(paragraph, align=CENTER if is_header else LEFT, before=2, after=2)
            add_text(paragraph, text, TABLE_SIZE, bold=is_header)
    if block.header:
        place(table.rows[0]._tr.get_or_add_trPr(), element("tblHeader"), TRPR_ORDER)
    document.add_paragraph()  # Word needs a paragraph between a table and what follows


def add_blocks(document: Document, blocks: Sequence[Block]) -> None:
    """Add the body blocks in order."""
    for block in blocks:
        if isinstance(block, Heading):
            _add_heading(document, block)
        elif isinstance(block, Paragraph):
            add_text(body_paragraph(document), clean_text(block.text), BODY_SIZE)
        elif isinstance(block, Clause):
            text = f"{clean_text(block.number).rstrip('.')}. {clean_text(block.text)}"
            add_text(body_paragraph(document), text, BODY_SIZE)
        elif isinstance(block, Point):
            text = f"{clean_text(block.letter).rstrip(')')}) {clean_text(block.text)}"
            add_text(body_paragraph(document), text, BODY_SIZE)
        else:
            _add_table(document, block)
