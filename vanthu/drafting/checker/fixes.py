"""The edits ``autocorrect`` makes: page setup, fonts, page-number setup, padded text."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run

from vanthu.drafting.checker.model import DocView, ParaView
from vanthu.drafting.checker.rules_dateline import DATE, padded_day, padded_month
from vanthu.drafting.checker.rules_number import NUMBER
from vanthu.drafting.checker.specs import (
    A4_TWIPS,
    FONT_FAMILY,
    MARGINS_MM,
    SPECS,
    mm_to_twips,
    twips_to_mm,
)

_FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def fix_page_size(view: DocView) -> None:
    """Make every section A4, keeping its orientation."""
    for section in view.sections:
        size = section.element.find(qn("w:pgSz"))
        if size is None:
            size = section.element.makeelement(qn("w:pgSz"), {})
            section.element.insert(0, size)
        short, long_ = A4_TWIPS
        landscape = section.width > section.height
        size.set(qn("w:w"), str(long_ if landscape else short))
        size.set(qn("w:h"), str(short if landscape else long_))


def fix_margins(view: DocView) -> None:
    """Bring every margin of every section into its allowed range."""
    for section in view.sections:
        margins = section.element.find(qn("w:pgMar"))
        if margins is None:
            continue
        for side, (low, high) in MARGINS_MM.items():
            value = twips_to_mm(getattr(section, side))
            if not low <= value <= high:
                margins.set(qn(f"w:{side}"), str(mm_to_twips(min(max(value, low), high))))


def _set_font(rpr: Any) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(attr), FONT_FAMILY)


def fix_fonts(view: DocView) -> None:
    """Name Times New Roman on every run, every style and the document defaults."""
    document = view.document
    parts = [document.element]
    parts += [
        rel.target_part.element
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external
    ]
    for part in parts:
        for run in part.iter(qn("w:r")):
            _set_font(run.get_or_add_rPr())
    styles = document.styles.element
    for rpr in styles.iter(qn("w:rPr")):
        _set_font(rpr)


def fix_first_page(view: DocView) -> None:
    """Give the first section a different (empty) first-page header."""
    sect_pr = view.sections[0].element
    for ref in sect_pr.findall(qn("w:headerReference")):
        if ref.get(qn("w:type")) == "first":
            sect_pr.remove(ref)
    if sect_pr.find(qn("w:titlePg")) is None:
        title_pg = sect_pr.makeelement(qn("w:titlePg"), {})
        anchor = sect_pr.find(qn("w:pgNumType"))
        if anchor is None:
            anchor = sect_pr.find(qn("w:cols"))
        if anchor is not None:
            anchor.addnext(title_pg)
        else:
            sect_pr.append(title_pg)


def fix_page_number_alignment(view: DocView) -> None:
    """Centre the page-number paragraph."""
    para = view.sections[0].page_paragraph
    if para is not None:
        ppr = para.element.get_or_add_pPr()
        ppr.jc_val = WD_ALIGN_PARAGRAPH.CENTER


def fix_page_number_size(view: DocView) -> None:
    """Bring the page number's size into 13–14 pt."""
    para = view.sections[0].page_paragraph
    spec = SPECS["page_number"]
    if para is not None:
        for run in para.runs:
            size = run.size if run.size is not None else 0.0
            font = Run(run.element, None).font  # type: ignore[arg-type]
            font.size = Pt(min(max(size, spec.low), spec.high))


def rewrite_paragraph(para: ParaView, text: str) -> None:
    """Put ``text`` in the first text run (keeping its formatting) and empty the others."""
    runs = para.text_runs
    if not runs or text == para.stripped:
        return
    first = runs[0].element
    for run in runs[1:]:
        for node in run.element.findall(qn("w:t")):
            run.element.remove(node)
    for node in first.findall(qn("w:t"))[1:]:
        first.remove(node)
    node = first.find(qn("w:t"))
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def fixed_number_text(text: str) -> str:
    """Return the "Số:" line spelt right with its number padded."""
    match = NUMBER.match(text)
    if match is None:
        return text
    number = match["number"].strip()
    number = f"{int(number):02d}" if number.isdigit() else match["number"]
    return f"Số: {number}/{match['code'].strip()}"


def fixed_date_text(text: str) -> str:
    """Return the date line with its day and month padded as Decree 30 wants."""
    match = DATE.match(text)
    if match is None:
        return text
    out = text
    if match["day"]:
        out = re.sub(r"(ngày\s*)\d+", lambda m: m[1] + padded_day(int(match["day"])), out, count=1)
    if match["month"]:
        month = padded_month(int(match["month"]))
        out = re.sub(r"(tháng\s*)\d+", lambda m: m[1] + month, out, count=1)
    return out
