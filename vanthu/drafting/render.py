"""Render a structured draft to DOCX in the Decree 30 format (Annex I; Annex III models).

``render_docx`` is the shared interface of issue 4. The number and date stay as the blanks
"Số:      /…" and "…, ngày    tháng    năm 20…" until the clerk allocates them.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import docx
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from vanthu.core.dates import date_phrase
from vanthu.core.text import clean_text
from vanthu.documents.numbering import format_number
from vanthu.drafting.render_body import (
    add_addressees,
    add_blocks,
    add_centered,
    add_legal_bases,
    add_telegram_addressees,
    roman,
)
from vanthu.drafting.render_header import (
    DATE_BLANK,
    NUMBER_BLANK,
    add_header,
    add_title,
    reference_code,
)
from vanthu.drafting.render_page import add_page_numbers, restart_page_numbers, set_defaults
from vanthu.drafting.render_signature import add_signature
from vanthu.drafting.styles import (
    BODY_SIZE,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    set_run_font,
)
from vanthu.drafting.templates import Template, template_for, type_label

if TYPE_CHECKING:
    from docx.document import Document

    from vanthu.drafting.content import DraftContent


def render_docx(
    content: DraftContent, *, number: int | None = None, issued_on: dt.date | None = None
) -> bytes:
    """Return the DOCX bytes of ``content``; ``number``/``issued_on`` fill the blanks."""
    template = template_for(content.type_code)
    document = docx.Document()
    _page_setup(document)
    set_defaults(document, title=clean_text(content.subject))
    add_header(document, content, template, number=number, issued_on=issued_on)
    if template.type_name:
        add_title(document, type_name=template.type_name, subject=content.subject)
    _add_opening(document, content, template)
    add_blocks(document, content.body)
    add_signature(document, content, template)
    reference = _reference(content, template, number=number, issued_on=issued_on)
    if content.attachment is not None:
        _page_break(document)
        add_header(document, content, template, number=None, issued_on=None, with_number=False)
        attached = content.attachment
        add_title(
            document,
            type_name=attached.type_name,
            subject=attached.title,
            reference=_("(Ban hành kèm theo %(ref)s)") % {"ref": reference},
            before=18,
        )
        add_blocks(document, attached.body)
        add_signature(document, content, template, with_recipients=False)
    _add_appendices(document, content, reference)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(8)
    section.footer_distance = Mm(8)
    section.gutter = Mm(0)
    add_page_numbers(section)


def enacting_authority(content: DraftContent) -> str:
    """Return the line above the legal bases of a Nghị quyết / Quyết định (upper case)."""
    if clean_text(content.enacting_authority):
        return clean_text(content.enacting_authority).upper()
    issuer = clean_text(content.issuer_name)
    if content.authority == "TM.":
        return issuer.upper()
    head = clean_text(content.authority_body) or clean_text(content.signer_position)
    return f"{head} {issuer}".strip().upper()


def _add_opening(document: Document, content: DraftContent, template: Template) -> None:
    """Add what precedes the body: addressees, enacting line, legal bases, enacting word."""
    if template.addressee_block == "kinh_gui":
        add_addressees(document, content.addressees)
    elif template.addressee_block == "telegram" and content.addressees:
        add_telegram_addressees(document, content.issuer_name, content.addressees)
    if template.enacting_line:
        add_centered(document, enacting_authority(content), before=12)
    add_legal_bases(document, content.legal_bases)
    if template.enacting_word:
        add_centered(document, template.enacting_word, before=6, after=12)


def _reference(
    content: DraftContent, template: Template, *, number: int | None, issued_on: dt.date | None
) -> str:
    """Return "Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026" (blanks before issue)."""
    shown = format_number(number) if number is not None else NUMBER_BLANK
    if issued_on is not None:
        when = date_phrase(issued_on)
    else:
        when = _("ngày%(b)stháng%(b)snăm 20…") % {"b": DATE_BLANK}
    label = type_label(content.type_code)
    label = label[0].upper() + label[1:]
    code = reference_code(content, template)
    return _("%(type)s số %(number)s/%(code)s %(when)s") % {
        "type": label,
        "number": shown,
        "code": code,
        "when": when,
    }


def _page_break(document: Document) -> None:
    paragraph = document.add_paragraph()
    set_run_font(paragraph.add_run(), BODY_SIZE).add_break(WD_BREAK.PAGE)
    paragraph.paragraph_format.space_after = 0


def _add_appendices(document: Document, content: DraftContent, reference: str) -> None:
    """Add each appendix as a new section, its pages numbered from 1: "Phụ lục I", its title,
    "(Kèm theo …)", its body."""
    many = len(content.appendices) > 1
    for index, appendix in enumerate(content.appendices, start=1):
        restart_page_numbers(document.add_section(WD_SECTION.NEW_PAGE))
        label = _("Phụ lục %(n)s") % {"n": roman(index)} if many else _("Phụ lục")
        add_centered(document, label, before=0, after=0)
        add_title(
            document,
            type_name=clean_text(appendix.title).upper(),
            subject="",
            reference=_("(Kèm theo %(ref)s)") % {"ref": reference},
            before=0,
        )
        add_blocks(document, appendix.body)
