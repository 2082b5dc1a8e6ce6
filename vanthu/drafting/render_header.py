"""The top of the first page: boxes 1–5 and 10 of Annex I (domain.md §1.4–1.6, §1.11).

A borderless two-column table: left, the superior and issuing bodies (underlined), then "Số:"
(and a công văn's "V/v …" subject) and the secrecy/urgency marks; right, the national name and
motto (underlined), then the date line, in the same row as "Số:" so that both share a baseline.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from docx.shared import Pt

from vanthu.core.dates import date_line
from vanthu.core.text import clean_text
from vanthu.documents.numbering import format_number
from vanthu.drafting.styles import (
    BODY_SIZE,
    CELL_PADDING_MM,
    CENTER,
    NUMBER_SIZE,
    TEXT_WIDTH_MM,
    add_box,
    add_rule,
    add_text,
    first_paragraph,
    fitting_size,
    format_paragraph,
    table_borderless,
    text_width_mm,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell

    from vanthu.drafting.content import DraftContent
    from vanthu.drafting.templates import Template

LEFT_MM = 66.0
RIGHT_MM = TEXT_WIDTH_MM - LEFT_MM
HEADER_WIDTHS = (LEFT_MM, RIGHT_MM)
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ISSUER_RULE_RATIO = 0.4
"""The issuing body's underline: between 1/3 and 1/2 of its text (Annex I)."""
NUMBER_BLANK = "\u00a0" * 6
DATE_BLANK = "\u00a0" * 5

_URGENCY = {
    "urgent": ("KHẨN", 20.0),
    "very_urgent": ("THƯỢNG KHẨN", 40.0),
    "flash": ("HỎA TỐC", 30.0),
}
_SECRECY = {"confidential": "MẬT", "secret": "TỐI MẬT", "top_secret": "TUYỆT MẬT"}


def reference_code(content: DraftContent, template: Template) -> str:
    """Return the code after the number: ``QĐ-UBND`` (typed) or ``UBND-VP`` (công văn)."""
    issuer = clean_text(content.issuer_abbreviation).upper()
    if template.subject_under_number or not template.abbreviation:
        parts = [issuer, clean_text(content.unit_abbreviation).upper()]
    else:
        parts = [template.abbreviation, issuer]
    return "-".join(part for part in parts if part)


def number_line(content: DraftContent, template: Template, number: int | None) -> str:
    """Return ``Số: 05/QĐ-UBND``, or ``Số:      /QĐ-UBND`` before a number is allocated."""
    shown = format_number(number) if number is not None else NUMBER_BLANK
    return f"{_('Số')}: {shown}/{reference_code(content, template)}"


def date_text(place: str, issued_on: dt.date | None) -> str:
    """Return the date line, or the placeholder ``…, ngày    tháng    năm 20…`` before issue."""
    if issued_on is not None:
        return date_line(place, issued_on)
    return _("%(place)s, ngày%(b)stháng%(b)snăm 20…") % {
        "place": clean_text(place),
        "b": DATE_BLANK,
    }


def _cell_width(column_mm: float) -> float:
    return column_mm - 2 * CELL_PADDING_MM


def _issuer_block(cell: _Cell, content: DraftContent) -> None:
    width = _cell_width(LEFT_MM)
    paragraph = first_paragraph(cell)
    format_paragraph(paragraph, align=CENTER)
    superior = clean_text(content.superior_name).upper()
    issuer = clean_text(content.issuer_name).upper()
    if superior:
        size = fitting_size(superior, width, (13, 12))
        add_text(paragraph, superior, size)
        paragraph = format_paragraph(cell.add_paragraph(), align=CENTER)
    size = fitting_size(issuer, width, (13, 12), bold=True)
    add_text(paragraph, issuer, size, bold=True)
    line = min(text_width_mm(issuer, size, bold=True), width)
    add_rule(cell, line * ISSUER_RULE_RATIO, width)


def _national_block(cell: _Cell) -> None:
    width = _cell_width(RIGHT_MM)
    paragraph = format_paragraph(first_paragraph(cell), align=CENTER)
    size = fitting_size(NATIONAL_NAME, width, (13, 12), bold=True)
    add_text(paragraph, NATIONAL_NAME, size, bold=True)
    motto_size = fitting_size(MOTTO, width, (14, 13), bold=True)
    add_text(format_paragraph(cell.add_paragraph(), align=CENTER), MOTTO, motto_size, bold=True)
    add_rule(cell, text_width_mm(MOTTO, motto_size, bold=True), width)


def _marks(cell: _Cell, content: DraftContent) -> None:
    """Add the secrecy (box 10a), urgency (10b) and circulation (11) stamps, boxed."""
    width = _cell_width(LEFT_MM)
    stamps: list[tuple[str, float]] = []
    if content.confidentiality in _SECRECY:
        text = _SECRECY[content.confidentiality]
        stamps.append((text, text_width_mm(text, BODY_SIZE, bold=True) + 8))
    if content.urgency in _URGENCY:
        stamps.append(_URGENCY[content.urgency])
    if content.circulation:
        text = content.circulation
        stamps.append((text, text_width_mm(text, 13, bold=True) + 6))
    for text, box in stamps:
        paragraph = format_paragraph(cell.add_paragraph(), align=CENTER, before=8)
        add_text(paragraph, text, BODY_SIZE if len(text) < 12 else 13, bold=True)
        add_box(paragraph, min(box, width), width)


def add_header(
    document: Document,
    content: DraftContent,
    template: Template,
    *,
    number: int | None,
    issued_on: dt.date | None,
    with_number: bool = True,
) -> None:
    """Add the header table: bodies and national name; then number/date (and marks)."""
    rows = 2 if with_number else 1
    table = table_borderless(document.add_table(rows=rows, cols=2), HEADER_WIDTHS)
    _issuer_block(table.cell(0, 0), content)
    _national_block(table.cell(0, 1))
    if not with_number:
        return
    left, right = table.cell(1, 0), table.cell(1, 1)
    paragraph = format_paragraph(first_paragraph(left), align=CENTER, before=4)
    add_text(paragraph, number_line(content, template, number), NUMBER_SIZE)
    if template.subject_under_number and content.subject:
        subject = clean_text(content.subject)
        if not subject.startswith("V/v"):
            subject = f"V/v {subject}"
        add_text(format_paragraph(left.add_paragraph(), align=CENTER, before=6), subject, 13)
    _marks(left, content)
    paragraph = format_paragraph(first_paragraph(right), align=CENTER, before=4)
    if template.date_line:
        text = date_text(content.place_name, issued_on)
        size = fitting_size(text, _cell_width(RIGHT_MM), (14, 13), italic=True)
        add_text(paragraph, text, size, italic=True)


def add_title(
    document: Document,
    *,
    type_name: str,
    subject: str,
    reference: str = "",
    before: float = 12,
) -> None:
    """Add box 5a: type name (UPPER bold), subject (bold), optional reference line, underline."""
    if type_name:
        paragraph = format_paragraph(
            document.add_paragraph(), align=CENTER, before=before, keep_with_next=True
        )
        add_text(paragraph, type_name.upper(), BODY_SIZE, bold=True)
    subject = clean_text(subject)
    if subject:
        paragraph = format_paragraph(document.add_paragraph(), align=CENTER, keep_with_next=True)
        add_text(paragraph, subject, BODY_SIZE, bold=True)
    if reference:
        paragraph = format_paragraph(document.add_paragraph(), align=CENTER, keep_with_next=True)
        add_text(paragraph, reference, BODY_SIZE, italic=True)
    underlined = subject or (type_name if reference else "")
    if underlined:
        line = min(text_width_mm(underlined, BODY_SIZE, bold=True), TEXT_WIDTH_MM)
        rule = add_rule(document, max(line / 3, 25.0), TEXT_WIDTH_MM)
        rule.paragraph_format.keep_with_next = True
        rule.paragraph_format.space_after = Pt(10)
