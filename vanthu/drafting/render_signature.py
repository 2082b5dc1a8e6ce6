"""The signature block (boxes 7a–7c), "Nơi nhận" (9b) and drafter initials (12): domain.md §1.8.

A borderless two-column table: left "Nơi nhận:" (12 pt bold italic) and its list (11 pt), whose
first line shares the row's top with the authority line on the right; right the authority and
position (UPPER bold), room for the signature and seal, then the signer's name (bold).
A Biên bản (Mẫu 1.9) is signed by THƯ KÝ on the left and CHỦ TỌA on the right, with "Nơi nhận"
below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from docx.shared import Pt

from vanthu.core.text import clean_text
from vanthu.drafting.ooxml import TRPR_ORDER, element, place
from vanthu.drafting.render_body import dashed, punctuated
from vanthu.drafting.styles import (
    BODY_SIZE,
    CENTER,
    LEFT,
    LIST_SIZE,
    RECIPIENTS_TITLE_SIZE,
    TEXT_WIDTH_MM,
    add_text,
    first_paragraph,
    format_paragraph,
    table_borderless,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

    from vanthu.drafting.content import DraftContent
    from vanthu.drafting.templates import Template

RECIPIENTS_MM = 72.0
SIGNATURE_WIDTHS = (RECIPIENTS_MM, TEXT_WIDTH_MM - RECIPIENTS_MM)
SIGNATURE_SPACE_PT = 72
"""Room for the handwritten signature and the seal between the position and the name."""
SIGNATURE_GAP_PT = 6
_AS_ABOVE = "Như trên"


def archive_line(content: DraftContent, template: Template) -> str:
    """Return the last "Nơi nhận" line: ``- Lưu: VT, <unit> <n>.`` (or ``- Lưu: VT, Hồ sơ.``)."""
    if template.archive_line:
        kept = template.archive_line
    else:
        unit = clean_text(content.unit_abbreviation).upper()
        kept = f"VT, {unit}" if unit else "VT"
        if content.archive_copies > 1:
            kept += f" {content.archive_copies:02d}"
    return f"- {_('Lưu')}: {kept}."


def recipient_lines(content: DraftContent, template: Template) -> list[str]:
    """Return the "Nơi nhận" list: "- X;" lines (with "- Như trên;" first when there is a
    "Kính gửi" block) and the final "Lưu" line."""
    names = [dashed(name) for name in content.recipients]
    names = [name for name in names if clean_text(name)]
    wants_as_above = template.addressee_block == "kinh_gui" and bool(content.addressees)
    if wants_as_above and not (names and clean_text(names[0]).startswith(_AS_ABOVE)):
        names.insert(0, _AS_ABOVE)
    lines = [f"- {name}" for name in punctuated(names, last=";")]
    return [*lines, archive_line(content, template)]


def _recipients(
    cell: _Cell | Document,
    content: DraftContent,
    template: Template,
    *,
    first: DocxParagraph,
) -> None:
    format_paragraph(first, align=LEFT, before=SIGNATURE_GAP_PT)
    paragraph = first
    add_text(paragraph, _("Nơi nhận:"), RECIPIENTS_TITLE_SIZE, bold=True, italic=True)
    for line in recipient_lines(content, template):
        add_text(format_paragraph(cell.add_paragraph(), align=LEFT), line, LIST_SIZE)
    initials = clean_text(content.drafter_initials).upper().rstrip(".")
    if initials:
        mark = f"{initials}." + (f"({content.copies})" if content.copies else "")
        add_text(format_paragraph(cell.add_paragraph(), align=LEFT, before=12), mark, LIST_SIZE)


def _signer(cell: _Cell, heading_lines: list[str], name: str) -> None:
    paragraph = format_paragraph(first_paragraph(cell), align=CENTER, before=SIGNATURE_GAP_PT)
    lines = [clean_text(line).upper() for line in heading_lines if clean_text(line)]
    add_text(paragraph, "\n".join(lines), BODY_SIZE, bold=True)
    name_paragraph = format_paragraph(cell.add_paragraph(), align=CENTER, before=SIGNATURE_SPACE_PT)
    add_text(name_paragraph, clean_text(name), BODY_SIZE, bold=True)


def authority_lines(content: DraftContent) -> list[str]:
    """Return the signing lines: ``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH`` (domain.md §1.8), or on
    two levels ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``."""
    lines = []
    if content.authority:
        lines.append(f"{content.authority} {clean_text(content.authority_body).upper()}".strip())
    if content.second_authority:
        second = clean_text(content.second_authority_body).upper()
        lines.append(f"{content.second_authority} {second}".strip())
    lines.append(content.signer_position)
    return lines


def _keep_together(table: Table) -> None:
    for row in table.rows:
        place(row._tr.get_or_add_trPr(), element("cantSplit"), TRPR_ORDER)


def add_signature(
    document: Document,
    content: DraftContent,
    template: Template,
    *,
    with_recipients: bool = True,
) -> None:
    """Add the signature block of ``template`` after the body."""
    if template.signature == "minutes":
        table = table_borderless(
            document.add_table(rows=1, cols=2), (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2)
        )
        _signer(table.cell(0, 0), [_("THƯ KÝ")], content.secretary_name)
        _signer(table.cell(0, 1), [content.signer_position or _("CHỦ TỌA")], content.signer_name)
        _keep_together(table)
        if with_recipients:
            first = format_paragraph(document.add_paragraph())
            _recipients(document, content, template, first=first)
            first.paragraph_format.space_before = Pt(18)
        return
    table = table_borderless(document.add_table(rows=1, cols=2), SIGNATURE_WIDTHS)
    if with_recipients:
        cell = table.cell(0, 0)
        _recipients(cell, content, template, first=first_paragraph(cell))
    _signer(table.cell(0, 1), authority_lines(content), content.signer_name)
    _keep_together(table)
