"""Find the Annex I components of a document by content and position.

The header is the first table (two columns: issuing body, number and "V/v" on the left;
national name, motto and date line on the right) or, without a table, the paragraphs before the
type name. The signature block is the last table after the title; "Nơi nhận:" is found by its
text. Nothing here relies on markers of our own renderer, so a file made in Word is read alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanthu.core.text import fold
from vanthu.documents.reference import DocumentTypeRow
from vanthu.drafting.checker import patterns as pt
from vanthu.drafting.checker.model import DocView, ParaView, TableView

_HEADER_SCAN_BLOCKS = 4
_TITLE_SCAN_PARAGRAPHS = 6


@dataclass(slots=True)
class SignatureCell:
    """One signature column: the authority line (if any), position lines, the name."""

    authority: ParaView | None
    positions: list[ParaView]
    name: ParaView | None


@dataclass(slots=True)
class Layout:
    """Where each component is (None or empty: not found)."""

    header_table: TableView | None = None
    national_name: ParaView | None = None
    motto: ParaView | None = None
    superior: list[ParaView] = field(default_factory=list)
    issuer: list[ParaView] = field(default_factory=list)
    number: ParaView | None = None
    subject_vv: list[ParaView] = field(default_factory=list)
    date_line: ParaView | None = None
    type_name: ParaView | None = None
    type_row: DocumentTypeRow | None = None
    subject: list[ParaView] = field(default_factory=list)
    body: list[ParaView] = field(default_factory=list)
    recipients_label: ParaView | None = None
    recipients: list[ParaView] = field(default_factory=list)
    signatures: list[SignatureCell] = field(default_factory=list)


def _is_header_table(table: TableView) -> bool:
    return any(
        pt.is_national_name(p.text) or pt.is_motto(p.text) or pt.is_number_line(p.text)
        for p in table.paragraphs
    )


def _classify_one(layout: Layout, para: ParaView, text: str) -> bool:
    """Put ``para`` in its header slot; return False when it is none of them."""
    if layout.national_name is None and pt.is_national_name(text):
        layout.national_name = para
    elif layout.motto is None and pt.is_motto(text):
        layout.motto = para
    elif layout.number is None and pt.is_number_line(text):
        layout.number = para
    elif layout.date_line is None and pt.is_date_line(text):
        layout.date_line = para
    elif fold(text).startswith("v/v") or layout.subject_vv:
        layout.subject_vv.append(para)  # a "V/v" subject may run over two lines
    else:
        return False
    return True


def _classify_header(layout: Layout, paras: list[ParaView], *, left: bool) -> None:
    organisations: list[ParaView] = []
    for para in paras:
        text = para.stripped
        if pt.is_separator(text) or para.shown in pt.MARKS:
            continue
        if not _classify_one(layout, para, text) and left and layout.number is None:
            organisations.append(para)
    if organisations:
        _split_organisations(layout, organisations)


def _split_organisations(layout: Layout, lines: list[ParaView]) -> None:
    bold = [all(r.bold for r in p.text_runs) for p in lines]
    if (len(lines) >= 2 and not bold[0] and any(bold[1:])) or (len(lines) >= 2 and not any(bold)):
        layout.superior, layout.issuer = lines[:1], lines[1:]
    else:
        layout.issuer = lines


def _locate_header(layout: Layout, view: DocView) -> int:
    """Fill the header components; return the index of the first block after the header."""
    for index, block in enumerate(view.blocks[:_HEADER_SCAN_BLOCKS]):
        if isinstance(block, TableView) and _is_header_table(block):
            layout.header_table = block
            _classify_header(layout, block.column(0), left=True)
            right = [p for col in range(1, 4) for p in block.column(col)]
            _classify_header(layout, right, left=False)
            return index + 1
    # No header table: the header is the paragraphs up to the type name or the date line.
    paras: list[ParaView] = []
    end = 0
    for index, block in enumerate(view.blocks):
        if isinstance(block, TableView) or pt.type_of_title(block.text):
            break
        paras.append(block)
        end = index + 1
        if pt.is_date_line(block.text):
            break
    _classify_header(layout, paras, left=True)
    return end


def _locate_title(layout: Layout, view: DocView, start: int) -> int:
    """Fill the type name and subject; return the index of the first body block."""
    seen = 0
    for index in range(start, len(view.blocks)):
        block = view.blocks[index]
        if isinstance(block, TableView):
            return start
        text = block.stripped
        if pt.is_separator(text) or block.shown in pt.MARKS:
            continue
        row = pt.type_of_title(text)
        if row is not None:
            layout.type_name, layout.type_row = block, row
            return _locate_subject(layout, view, index + 1)
        if pt.is_date_line(text) or fold(text).startswith("v/v"):
            continue
        seen += 1
        if seen >= _TITLE_SCAN_PARAGRAPHS:
            break
    return start


def _opens_body(text: str) -> bool:
    return fold(text).startswith(("kinh gui", "can cu", "theo de nghi"))


def _locate_subject(layout: Layout, view: DocView, start: int) -> int:
    for index in range(start, min(start + 4, len(view.blocks))):
        block = view.blocks[index]
        if isinstance(block, TableView) or pt.is_separator(block.stripped):
            return index
        if block.align != "center" or pt.is_upper(block.shown) or _opens_body(block.stripped):
            return index
        layout.subject.append(block)
    return min(start + 4, len(view.blocks))


def _cell_signature(cell: list[ParaView]) -> SignatureCell | None:
    lines = [p for p in cell if not pt.is_separator(p.stripped)]
    if len(lines) < 2 or not pt.is_upper(lines[0].shown):
        return None
    authority = lines[0] if pt.AUTHORITY_ANY.match(lines[0].stripped) else None
    rest = lines[1:] if authority else lines
    name = rest[-1] if rest and not pt.is_upper(rest[-1].shown) else None
    positions = [p for p in rest if p is not name]
    return SignatureCell(authority=authority, positions=positions, name=name)


def _locate_recipients(layout: Layout, container: list[ParaView]) -> bool:
    for index, para in enumerate(container):
        if fold(para.stripped).startswith("noi nhan"):
            layout.recipients_label = para
            following = container[index + 1 :]
            for item in following:
                if pt.is_separator(item.stripped):
                    if layout.recipients:
                        break
                    continue
                layout.recipients.append(item)
                if pt.ARCHIVE_LINE.match(item.stripped):
                    break  # what follows is box 12 (drafter initials, copies), not a recipient
            return True
    return False


def _locate_end(layout: Layout, view: DocView, start: int) -> None:
    body_end = len(view.blocks)
    for index in range(len(view.blocks) - 1, start - 1, -1):
        block = view.blocks[index]
        if not isinstance(block, TableView):
            continue
        cells = [cell for row in block.cells for cell in row]
        signatures = [s for s in map(_cell_signature, cells) if s is not None]
        has_label = any(_locate_recipients(layout, cell) for cell in cells)
        if signatures or has_label:
            layout.signatures = signatures
            body_end = index
            break
    tail = [b for b in view.blocks[body_end:] if isinstance(b, ParaView)]
    if layout.recipients_label is None:
        _locate_recipients(layout, tail)
    layout.body = [
        b
        for b in view.blocks[start:body_end]
        if isinstance(b, ParaView) and not pt.is_separator(b.stripped)
    ]


def locate(view: DocView) -> Layout:
    """Return where each component of ``view`` is."""
    layout = Layout()
    after_header = _locate_header(layout, view)
    body_start = _locate_title(layout, view, after_header)
    _locate_end(layout, view, body_start)
    return layout
