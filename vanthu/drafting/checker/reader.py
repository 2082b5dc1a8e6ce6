"""Open and validate a DOCX, and extract what the rules look at (see ``model.py``).

Anything that is not a readable Word 2007+ document — an encrypted file (an OLE container), an
old .doc, a broken zip, another Office format, a zip bomb — raises ``InvalidDocxError``.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from vanthu.drafting.checker.findings import InvalidDocxError
from vanthu.drafting.checker.model import DocView, ParaView, RunView, SectionView, TableView
from vanthu.drafting.checker.styles import StyleSheet, load_stylesheet, rpr_props

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_PAGE_FIELD = re.compile(r"\bPAGE\b")
_RUN_PATH = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
_CELL_PARAS = "./w:p | ./w:sdt/w:sdtContent/w:p | ./w:tbl//w:p"


def open_docx(data: bytes) -> Any:
    """Return the python-docx ``Document`` of ``data`` or raise ``InvalidDocxError``."""
    if data.startswith(_OLE_MAGIC):
        raise InvalidDocxError(
            "Tệp được đặt mật khẩu hoặc là tệp Word cũ (.doc). Hãy gỡ mật khẩu và lưu lại "
            "dưới dạng .docx rồi thử lại."
        )
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise InvalidDocxError
    try:
        with zipfile.ZipFile(buffer) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
        if "word/document.xml" not in names or unpacked > MAX_UNPACKED_BYTES:
            raise InvalidDocxError
        buffer.seek(0)
        document = docx.Document(buffer)
        root = document.element
        if root.tag != qn("w:document") or root.find(qn("w:body")) is None:
            raise InvalidDocxError
        return document
    except (
        KeyError,
        ValueError,
        OSError,
        zipfile.BadZipFile,
        SyntaxError,  # lxml's XMLSyntaxError
        PackageNotFoundError,
        NotImplementedError,
    ) as exc:
        raise InvalidDocxError from exc


def _run_view(element: Any, base: dict[str, Any], sheet: StyleSheet) -> RunView:
    rpr = element.find(qn("w:rPr"))
    char_style = None
    if rpr is not None:
        rstyle = rpr.find(qn("w:rStyle"))
        char_style = rstyle.get(qn("w:val")) if rstyle is not None else None
    props = {**base, **sheet.style_props(char_style), **rpr_props(rpr, sheet.theme)}
    parts: list[str] = []
    for child in element:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:tab"):
            parts.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            parts.append(" ")
    return RunView(
        text="".join(parts),
        font=props.get("font"),
        size=props.get("size"),
        bold=bool(props.get("bold", False)),
        italic=bool(props.get("italic", False)),
        caps=bool(props.get("caps", False)),
        element=element,
    )


def paragraph_view(
    element: Any, sheet: StyleSheet, *, in_table: bool = False, run_path: str = _RUN_PATH
) -> ParaView:
    """Build the view of one ``w:p`` element."""
    ppr = element.find(qn("w:pPr"))
    style_id = None
    align = None
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else None
        jc = ppr.find(qn("w:jc"))
        align = jc.get(qn("w:val")) if jc is not None else None
    style_id = sheet.paragraph_style(style_id)
    base = {**sheet.defaults, **sheet.style_props(style_id)}
    runs = [_run_view(r, base, sheet) for r in element.xpath(run_path)]
    return ParaView(
        text="".join(r.text for r in runs),
        runs=runs,
        align=align or sheet.style_align(style_id),
        element=element,
        in_table=in_table,
    )


def _table_view(element: Any, sheet: StyleSheet) -> TableView:
    cells = [
        [
            [paragraph_view(p, sheet, in_table=True) for p in tc.xpath(_CELL_PARAS)]
            for tc in tr.findall(qn("w:tc"))
        ]
        for tr in element.findall(qn("w:tr"))
    ]
    return TableView(cells=cells, element=element)


def _has_page_field(element: Any) -> bool:
    if element is None:
        return False
    instructions = element.xpath(".//w:fldSimple/@w:instr | .//w:instrText/text()")
    return any(_PAGE_FIELD.search(str(i)) for i in instructions)


def _page_paragraph(header: Any, sheet: StyleSheet) -> ParaView | None:
    if header is None:
        return None
    for element in header.xpath(".//w:p"):
        if _has_page_field(element):
            # The field's own runs (fldChar/instrText) carry the size the number is shown in.
            return paragraph_view(element, sheet, run_path=".//w:r")
    return None


def _parts_by_kind(document: Any, sect_pr: Any, tag: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for ref in sect_pr.findall(qn(tag)):
        rid = ref.get(qn("r:id"))
        kind = ref.get(qn("w:type")) or "default"
        if rid in document.part.related_parts:
            found[kind] = document.part.related_parts[rid].element
    return found


def _int_attr(element: Any, name: str) -> int:
    value = element.get(qn(name)) if element is not None else None
    try:
        return abs(int(value)) if value is not None else 0
    except ValueError:
        return 0


def _sections(document: Any, sheet: StyleSheet) -> list[SectionView]:
    views: list[SectionView] = []
    headers: dict[str, Any] = {}
    footers: dict[str, Any] = {}
    for section in document.sections:
        sect_pr = section._sectPr
        # A section without its own header/footer inherits the previous section's.
        headers = {**headers, **_parts_by_kind(document, sect_pr, "w:headerReference")}
        footers = {**footers, **_parts_by_kind(document, sect_pr, "w:footerReference")}
        size = sect_pr.find(qn("w:pgSz"))
        margins = sect_pr.find(qn("w:pgMar"))
        default_header = headers.get("default")
        header_paras = (
            [paragraph_view(p, sheet) for p in default_header.xpath(".//w:p")]
            if default_header is not None
            else []
        )
        title_page = sect_pr.find(qn("w:titlePg"))
        views.append(
            SectionView(
                width=_int_attr(size, "w:w"),
                height=_int_attr(size, "w:h"),
                top=_int_attr(margins, "w:top"),
                bottom=_int_attr(margins, "w:bottom"),
                left=_int_attr(margins, "w:left"),
                right=_int_attr(margins, "w:right"),
                title_page=title_page is not None
                and title_page.get(qn("w:val"), "1").lower() not in {"0", "false", "off"},
                header_paragraphs=header_paras,
                header_has_page=_has_page_field(default_header),
                page_paragraph=_page_paragraph(default_header, sheet),
                first_header_has_page=_has_page_field(headers.get("first")),
                footer_has_page=any(_has_page_field(f) for f in footers.values()),
                element=sect_pr,
            )
        )
    return views


def read_docx(data: bytes) -> DocView:
    """Open ``data`` and return its ``DocView`` (raises ``InvalidDocxError``)."""
    document = open_docx(data)
    try:
        sheet = load_stylesheet(document)
        return build_view(document, sheet)
    except (KeyError, ValueError, SyntaxError) as exc:
        raise InvalidDocxError from exc


def build_view(document: Any, sheet: StyleSheet | None = None) -> DocView:
    """Return the ``DocView`` of an opened python-docx ``Document``."""
    sheet = sheet or load_stylesheet(document)
    blocks: list[ParaView | TableView] = []
    for child in document.element.body.xpath("./w:p | ./w:tbl | ./w:sdt/w:sdtContent/*"):
        if child.tag == qn("w:p"):
            blocks.append(paragraph_view(child, sheet))
        elif child.tag == qn("w:tbl"):
            blocks.append(_table_view(child, sheet))
    return DocView(blocks=blocks, sections=_sections(document, sheet), document=document)
