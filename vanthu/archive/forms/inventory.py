"""Mục lục hồ sơ, tài liệu nộp lưu (the hand-over inventory, Annex V form).

Columns (domain.md §3.3): (1) Số TT · (2) Số, ký hiệu hồ sơ · (3) Tiêu đề hồ sơ · (4) Thời gian
tài liệu · (5) Thời hạn bảo quản · (6) Số tờ/Số trang · (7) Ghi chú; footer: the number of dossiers
(đơn vị bảo quản) in digits and words, the place and date, the compiler's signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency
from vanthu.archive.forms.common import (
    BODY_SIZE,
    Signature,
    add_centered,
    add_grid,
    add_header,
    add_line,
    add_signatures,
    docx_bytes,
    form_document,
)
from vanthu.archive.forms.words import number_words
from vanthu.archive.models import Handover, HandoverItem
from vanthu.core.dates import date_line, format_date, to_vietnam

WIDTHS = (12.0, 25.0, 55.0, 25.0, 18.0, 15.0, 15.0)


def inventory_columns() -> tuple[str, ...]:
    return (
        _("Số TT"),
        _("Số, ký hiệu hồ sơ"),
        _("Tiêu đề hồ sơ"),
        _("Thời gian tài liệu"),
        _("Thời hạn bảo quản"),
        _("Số tờ/ Số trang"),
        _("Ghi chú"),
    )


@dataclass(frozen=True, slots=True)
class InventorySheet:
    title: str
    year_line: str
    submitter_line: str
    rows: list[tuple[str, ...]]
    total: int
    page_total: int
    date_line: str
    compiler: str

    @property
    def footer(self) -> str:
        words = number_words(self.total)
        return _(
            "Mục lục này gồm: %(total)d hồ sơ (đơn vị bảo quản). Viết bằng chữ: %(words)s hồ sơ "
            "(đơn vị bảo quản)."
        ) % {"total": self.total, "words": words[:1].upper() + words[1:]}

    @property
    def pages_line(self) -> str:
        return _("Tổng số trang tài liệu: %d.") % self.page_total


def item_row(item: HandoverItem) -> tuple[str, ...]:
    span = f"{format_date(item.start_date)} - {format_date(item.end_date)}"
    return (
        str(item.ordinal),
        item.code,
        item.title,
        span,
        item.get_retention_display(),
        str(item.page_total),
        item.note,
    )


def submitter_label(handover: Handover) -> str:
    person = handover.submitted_by.full_name or handover.submitted_by.get_username()
    if handover.unit is not None:
        return f"{handover.unit.name} ({person})"
    return person


def inventory_sheet(handover: Handover) -> InventorySheet:
    """Return the inventory of ``handover`` as printed rows and totals."""
    items = list(handover.items.order_by("ordinal"))
    day = to_vietnam(handover.submitted_at).date()
    compiler = handover.submitted_by
    return InventorySheet(
        title=_("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU"),
        year_line=_("Năm %d") % day.year,
        submitter_line=_("Đơn vị, cá nhân nộp lưu: %s") % submitter_label(handover),
        rows=[item_row(item) for item in items],
        total=len(items),
        page_total=sum(item.page_total for item in items),
        date_line=date_line(handover.agency.place_name, day),
        compiler=compiler.full_name or compiler.get_username(),
    )


def sheet_docx(
    sheet: InventorySheet,
    agency: Agency,
    columns: Sequence[str],
    widths: tuple[float, ...],
    *,
    unit_name: str = "",
    left: Sequence[int] = (1, 2),
) -> bytes:
    """Return an inventory sheet (hand-over or holdings) as a DOCX in the Annex V form."""
    doc = form_document()
    add_header(doc, agency, unit_name)
    add_centered(doc, sheet.title, size=BODY_SIZE + 1, bold=True, before=12)
    if sheet.year_line:
        add_centered(doc, sheet.year_line, bold=True)
    add_centered(doc, sheet.submitter_line, italic=True)
    add_grid(doc, columns, sheet.rows, widths, left=left)
    add_line(doc, sheet.footer)
    add_line(doc, sheet.pages_line)
    add_signatures(
        doc,
        [
            None,
            Signature(
                title=_("NGƯỜI LẬP"),
                hint=_("(Ký, ghi rõ họ tên, chức vụ)"),
                name=sheet.compiler,
                dated=sheet.date_line,
            ),
        ],
    )
    return docx_bytes(doc)


def inventory_docx(handover: Handover) -> bytes:
    """Return the inventory of ``handover`` as a DOCX in the Annex V form."""
    unit_name = handover.unit.name if handover.unit is not None else ""
    return sheet_docx(
        inventory_sheet(handover),
        handover.agency,
        inventory_columns(),
        WIDTHS,
        unit_name=unit_name,
    )
