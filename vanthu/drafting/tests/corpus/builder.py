"""Build a DOCX from a ``DocSpec`` with python-docx, laid out as Annex I says."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from vanthu.drafting.tests.corpus.spec import DocSpec, RunFormat

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _run(paragraph: Any, text: str, fmt: RunFormat) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(float(fmt["size"]))  # type: ignore[arg-type]
    run.font.bold = bool(fmt.get("bold", False))
    run.font.italic = bool(fmt.get("italic", False))
    _fonts(run._element.get_or_add_rPr(), str(fmt["font"]))
    return run


def _para(
    container: Any, text: str, fmt: RunFormat, align: Any = CENTER, *, indent: bool = False
) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0) if align == CENTER else Pt(6)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    if text:
        _run(paragraph, text, fmt)
    return paragraph


def _setup(document: Any, spec: DocSpec) -> None:
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _fonts(rpr, spec.font)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr(), spec.font)
    section = document.sections[0]
    width, height = spec.page
    section.page_width, section.page_height = Mm(width), Mm(height)
    if width > height:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.top_margin = Mm(spec.margins["top"])
    section.bottom_margin = Mm(spec.margins["bottom"])
    section.left_margin = Mm(spec.margins["left"])
    section.right_margin = Mm(spec.margins["right"])


def _field_run(paragraph: Any, fmt: RunFormat, *, kind: str = "", text: str = "") -> None:
    run = _run(paragraph, "", fmt)
    if kind == "instr":
        node = OxmlElement("w:instrText")
        node.set(qn("xml:space"), "preserve")
        node.text = " PAGE "
    elif kind:
        node = OxmlElement("w:fldChar")
        node.set(qn("w:fldCharType"), kind)
    else:
        node = OxmlElement("w:t")
        node.text = text
    run._element.append(node)


def _page_numbers(document: Any, spec: DocSpec) -> None:
    if spec.page_numbers == "none":
        return
    section = document.sections[0]
    if spec.page_numbers == "header":
        section.different_first_page_header_footer = True
    part = section.footer if spec.page_numbers == "footer" else section.header
    paragraph = part.paragraphs[0]
    paragraph.alignment = CENTER
    fmt = spec.fmt("page_number")
    for kind, text in (("begin", ""), ("instr", ""), ("separate", ""), ("", "2"), ("end", "")):
        _field_run(paragraph, fmt, kind=kind, text=text)


def _table(document: Any, rows: int, widths_mm: tuple[float, float]) -> Any:
    table = document.add_table(rows=rows, cols=2)
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return table


def _header(document: Any, spec: DocSpec) -> None:
    table = _table(document, 2 if spec.two_row_header else 1, (62, 103))
    left, right = table.rows[0].cells
    bottom_left, bottom_right = table.rows[-1].cells
    if spec.superior:
        _para(left, spec.superior, spec.fmt("superior"))
    _para(left, spec.issuer, spec.fmt("issuer"))
    _para(right, spec.national_name, spec.fmt("national_name"))
    _para(right, spec.motto, spec.fmt("motto"))
    _para(bottom_left, spec.number, spec.fmt("number"))
    if spec.subject_vv:
        _para(bottom_left, spec.subject_vv, spec.fmt("subject_vv"))
    if spec.date:
        _para(bottom_right, spec.date, spec.fmt("date_line"))
    for cell in (left, right, bottom_left, bottom_right):
        if not cell.paragraphs:
            _para(cell, "", spec.fmt("body"))


def _title(document: Any, spec: DocSpec) -> None:
    _para(document, "", spec.fmt("body"))
    if spec.type_name:
        name = spec.type_name if spec.upper_type_name else spec.type_name.capitalize()
        _para(document, name, spec.fmt("type_name"))
    for line in spec.subject:
        _para(document, line, spec.fmt("subject"))
    for line in spec.preamble:
        _para(document, line, {**spec.fmt("body"), "bold": True})
    for line in spec.bases:
        _para(document, line, spec.fmt("basis"), JUSTIFY, indent=True)
    for line in spec.addressees:
        _para(document, line, spec.fmt("body"))


def _body(document: Any, spec: DocSpec) -> None:
    for text in spec.body:
        _para(document, text, spec.fmt("body"), JUSTIFY, indent=True)
    if spec.table:
        table = document.add_table(rows=len(spec.table), cols=len(spec.table[0]))
        table.style = "Table Grid"
        for row, values in zip(table.rows, spec.table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.paragraphs[0].text = ""
                _run(cell.paragraphs[0], value, spec.fmt("table"))
        _para(document, "", spec.fmt("body"))


def _recipients(container: Any, spec: DocSpec) -> None:
    _para(container, "Nơi nhận:", spec.fmt("recipients_label"), LEFT)
    for line in spec.recipients:
        _para(container, line, spec.fmt("recipients"), LEFT)


def _signature(document: Any, spec: DocSpec) -> None:
    table = _table(document, 1, (80, 85))
    left, right = table.rows[0].cells
    cells = [right] if len(spec.signatures) == 1 else [left, right]
    for cell, (authority, positions, name) in zip(cells, spec.signatures, strict=False):
        if authority:
            _para(cell, authority, spec.fmt("authority"))
        for position in positions:
            _para(cell, position, spec.fmt("position"))
        for _blank in range(3):
            _para(cell, "", spec.fmt("body"))
        _para(cell, name, spec.fmt("signer_name"))
    if spec.recipients and not spec.recipients_below:
        _recipients(left, spec)
    for cell in (left, right):
        if not cell.paragraphs:
            _para(cell, "", spec.fmt("body"))
    if spec.recipients and spec.recipients_below:
        _para(document, "", spec.fmt("body"))
        _recipients(document, spec)


def build_docx(spec: DocSpec) -> bytes:
    """Return the DOCX bytes of ``spec``."""
    document = docx.Document()
    body = document.element.body
    for paragraph in list(document.paragraphs):
        body.remove(paragraph._element)
    _setup(document, spec)
    _page_numbers(document, spec)
    _header(document, spec)
    _title(document, spec)
    _body(document, spec)
    _signature(document, spec)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
