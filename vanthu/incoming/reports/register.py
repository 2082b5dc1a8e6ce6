"""The data of the "Sổ đăng ký văn bản đến" (Annex IV): its cover and its 10 columns.

Rows are the numbers of the book allocated in the period, in order and without gaps: a
cancelled number stays as a row marked cancelled. A record above the reader's clearance keeps
its number and date, its content is withheld.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.dates import format_date
from vanthu.documents.enums import AllocationStatus, Confidentiality, RegisterKind, Urgency
from vanthu.documents.models import NumberAllocation, RegisterBook
from vanthu.documents.numbering import format_number
from vanthu.documents.printing.period import Period, period_of
from vanthu.documents.printing.register import Cover, agency_header, document_reference
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.access import register_book_for
from vanthu.incoming.reports.routing import Routing, routings_of

# agency_header and document_reference are re-exported for the slip and the handling report.
__all__ = [
    "REGISTER_COLUMNS",
    "Cover",
    "RegisterReport",
    "RegisterRow",
    "agency_header",
    "document_reference",
    "register_report",
]

REGISTER_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Ngày đến"),
    gettext_lazy("Số đến"),
    gettext_lazy("Tác giả"),
    gettext_lazy("Số, ký hiệu văn bản"),
    gettext_lazy("Ngày tháng văn bản"),
    gettext_lazy("Tên loại và trích yếu nội dung văn bản"),
    gettext_lazy("Đơn vị hoặc người nhận"),
    gettext_lazy("Ngày chuyển"),
    gettext_lazy("Ký nhận"),
    gettext_lazy("Ghi chú"),
)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register: the 10 columns, as printed."""

    cells: tuple[str, ...]

    @property
    def number(self) -> int:
        """Return the arrival number of the row (column 2)."""
        return int(self.cells[1])


@dataclass(frozen=True, slots=True)
class RegisterReport:
    """A register ready to print."""

    book: RegisterBook
    cover: Cover
    rows: list[RegisterRow]


def _notes(incoming: IncomingRecord, allocation: NumberAllocation) -> str:
    document = incoming.document
    notes: list[str] = []
    if allocation.status == AllocationStatus.CANCELLED:
        notes.append(_("Số đã hủy: %s") % allocation.cancel_reason)
    if document.urgency != Urgency.NORMAL:
        notes.append(str(Urgency(document.urgency).label))
    if document.confidentiality:
        notes.append(str(Confidentiality(document.confidentiality).label))
    duplicate = incoming.duplicate_of
    if duplicate is not None:
        notes.append(
            _("Trùng văn bản số đến %(number)s ngày %(day)s; lý do vào sổ lại: %(reason)s")
            % {
                "number": format_number(duplicate.arrival_number),
                "day": format_date(duplicate.arrival_date),
                "reason": incoming.duplicate_reason,
            }
        )
    if document.description:
        notes.append(document.description)
    return "; ".join(notes)


def _row(
    allocation: NumberAllocation,
    incoming: IncomingRecord | None,
    routing: Routing | None,
    *,
    actor: User,
) -> RegisterRow:
    day, number = format_date(allocation.allocated_on), format_number(allocation.number)
    if incoming is None:
        note = _("Số đã hủy: %s") % allocation.cancel_reason
        if allocation.status != AllocationStatus.CANCELLED:
            note = _("Số đã cấp, chưa có văn bản")
        return RegisterRow((day, number, "", "", "", "", "", "", "", note))
    document = incoming.document
    if not can_see_confidentiality(actor, document.confidentiality):
        hidden = _("Văn bản %s: không đủ thẩm quyền xem nội dung") % (
            Confidentiality(document.confidentiality).label
        )
        return RegisterRow((day, number, "", "", "", hidden, "", "", "", ""))
    routing = routing or Routing()
    transfer = routing.transfer_date()
    return RegisterRow(
        (
            format_date(incoming.arrival_date),
            number,
            document.organ_name,
            document_reference(document.code_number, document.code_notation),
            format_date(document.issued_date),
            f"{document.document_type.name}: {document.subject}",
            routing.recipients() or document.to_places,
            format_date(transfer) if transfer else "",
            "",
            _notes(incoming, allocation),
        )
    )


def _allocations(book: RegisterBook, period: Period) -> list[NumberAllocation]:
    return list(
        NumberAllocation.objects.filter(
            book=book,
            year=period.date_from.year,
            allocated_on__gte=period.date_from,
            allocated_on__lte=period.date_to,
        ).order_by("number")
    )


def _records(allocations: list[NumberAllocation]) -> dict[int, IncomingRecord]:
    records = IncomingRecord.objects.filter(
        allocation_id__in=[a.pk for a in allocations]
    ).select_related("document", "document__document_type", "duplicate_of")
    return {record.allocation_id: record for record in records}


def register_report(
    *,
    actor: User,
    book_id: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    volume: int = 1,
) -> RegisterReport:
    """Return the register of one incoming book for a period of one year (4 queries)."""
    book = register_book_for(actor=actor, book_id=book_id)
    period = period_of(date_from, date_to, same_year=True)
    allocations = _allocations(book, period)
    records = _records(allocations)
    routings = routings_of(
        agency_id=book.agency_id, document_ids=[r.document_id for r in records.values()]
    )
    rows = []
    for allocation in allocations:
        incoming = records.get(allocation.pk)
        routing = routings.get(incoming.document_id) if incoming is not None else None
        rows.append(_row(allocation, incoming, routing, actor=actor))
    superior, agency = agency_header(book.agency)
    title = _("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")
    if book.kind == RegisterKind.SECRET_INCOMING:
        title = _("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN MẬT")
    cover = Cover(
        superior=superior,
        agency=agency,
        title=title,
        year=period.date_from.year,
        date_from=period.date_from,
        date_to=period.date_to,
        number_from=rows[0].cells[1] if rows else "",
        number_to=rows[-1].cells[1] if rows else "",
        volume=format_number(volume),
        book_name=book.name,
    )
    return RegisterReport(book=book, cover=cover, rows=rows)
