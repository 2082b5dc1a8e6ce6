"""Document-wide settings: default font and language, and page numbers (domain.md §1.4).

Page numbers are a PAGE field centred in the header (the top margin), 14 pt upright; the first
page has its own empty header ("different first page"), so numbering starts showing at 2. Each
appendix is a section of its own whose numbering starts again at 1 (domain.md §1.9: "each appendix
has its own page numbering"), its first page unnumbered like the document's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from vanthu.drafting.ooxml import element, place
from vanthu.drafting.styles import (
    BODY_SIZE,
    CENTER,
    FONT_NAME,
    format_paragraph,
    set_run_font,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section

LANGUAGE = "vi-VN"
_SECTPR_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _set_fonts(fonts: BaseOxmlElement) -> None:
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT_NAME)


def set_defaults(document: Document, *, title: str) -> None:
    """Make Times New Roman 14 pt, Vietnamese, the default of the document and its Normal style."""
    defaults = _child(document.styles.element, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    for child in list(rpr):
        if child.tag in (qn("w:rFonts"), qn("w:lang"), qn("w:sz"), qn("w:szCs")):
            rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    _set_fonts(fonts)
    rpr.insert(0, fonts)
    for tag in ("w:sz", "w:szCs"):
        rpr.append(OxmlElement(tag, {qn("w:val"): str(BODY_SIZE * 2)}))
    rpr.append(OxmlElement("w:lang", {qn("w:val"): LANGUAGE, qn("w:eastAsia"): LANGUAGE}))
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_SIZE)
    _set_fonts(_child(normal.element.get_or_add_rPr(), "w:rFonts", first=True))
    properties = document.core_properties
    properties.title = title
    properties.language = LANGUAGE
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""


def add_page_numbers(section: Section) -> None:
    """Show the page number centred in the top margin on every page but the first."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = format_paragraph(header.paragraphs[0], align=CENTER)
    # A simple PAGE field; its cached text "2" is what a reader shows before updating fields.
    run = set_run_font(paragraph.add_run("2"), BODY_SIZE)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)
    first = section.first_page_header
    first.is_linked_to_previous = False
    set_run_font(format_paragraph(first.paragraphs[0]).add_run(""), BODY_SIZE)


def restart_page_numbers(section: Section) -> None:
    """Number ``section`` from 1 again, its first page unnumbered (headers follow the previous)."""
    section.different_first_page_header_footer = True
    place(section._sectPr, element("pgNumType", fmt="decimal", start="1"), _SECTPR_ORDER)
