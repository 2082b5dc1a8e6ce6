"""The data of the "Sổ đăng ký văn bản đi" (Annex IV): its cover and its 10 columns.

Rows are the numbers of the book allocated in the period, in order and without gaps: a
cancelled number stays as a row marked cancelled. A record above the reader's clearance keeps
its number and date, its content is withheld.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.dates import format_date
from vanthu.documents.enums import AllocationStatus, Confidentiality, RegisterKind, Urgency
from vanthu.documents.models import Document, NumberAllocation, RegisterBook
from vanthu.documents.numbering import format_number
from vanthu.documents.printing.period import Period, period_of
from vanthu.documents.printing.register import Cover, agency_header, document_reference
from vanthu.outgoing.enums import RecordStatus
from vanthu.outgoing.models import Distribution, OutgoingRecord
from vanthu.outgoing.reports.access import register_book_for

REGISTER_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Số, ký hiệu văn bản"),
    gettext_lazy("Ngày tháng văn bản"),
    gettext_lazy("Tên loại và trích yếu nội dung văn bản"),
    gettext_lazy("Người ký"),
    gettext_lazy("Nơi nhận văn bản"),
    gettext_lazy("Đơn vị, người nhận bản lưu"),
    gettext_lazy("Số lượng bản"),
    gettext_lazy("Ngày chuyển"),
    gettext_lazy("Ký nhận"),
    gettext_lazy("Ghi chú"),
)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register: the 10 columns, as printed."""

    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegisterReport:
    """A register ready to print."""

    book: RegisterBook
    cover: Cover
    rows: list[RegisterRow]


def document_marks(document: Document) -> list[str]:
    """Return the urgency and confidentiality marks of a document ("Khẩn", "Mật")."""
    marks: list[str] = []
    if document.urgency != Urgency.NORMAL:
        marks.append(str(Urgency(document.urgency).label))
    if document.confidentiality:
        marks.append(str(Confidentiality(document.confidentiality).label))
    return marks


def recipient_label(row: Distribution) -> str:
    """Return how a recipient is printed: its name, else its unit, person, agency or address."""
    target = row.unit or row.user or row.agency
    return row.name or (str(target) if target is not None else row.email or row.postal_address)


def _notes(outgoing: OutgoingRecord, allocation: NumberAllocation) -> str:
    notes: list[str] = []
    if allocation.status == AllocationStatus.CANCELLED:
        notes.append(_("Số đã hủy: %s") % allocation.cancel_reason)
    notes.extend(document_marks(outgoing.document))
    if outgoing.status == RecordStatus.RECALLED and outgoing.recalled_at is not None:
        notes.append(
            _("Đã thu hồi ngày %(day)s: %(reason)s")
            % {"day": format_date(outgoing.recalled_at), "reason": outgoing.recall_reason}
        )
    corrected = outgoing.corrects
    if corrected is not None:
        reference = document_reference(
            corrected.document.code_number, corrected.document.code_notation
        )
        notes.append(_("Đính chính văn bản số %s") % reference)
    return "; ".join(notes)


def _transfer_day(rows: list[Distribution]) -> str:
    sent = [row.sent_at for row in rows if row.sent_at is not None]
    return format_date(min(sent)) if sent else ""


def _record_row(outgoing: OutgoingRecord, allocation: NumberAllocation, actor: User) -> RegisterRow:
    document = outgoing.document
    reference = document_reference(document.code_number, document.code_notation)
    if not can_see_confidentiality(actor, document.confidentiality):
        hidden = _("Văn bản %s: không đủ thẩm quyền xem nội dung") % (
            Confidentiality(document.confidentiality).label
        )
        return RegisterRow((reference, format_date(document.issued_date), hidden, *[""] * 7))
    recipients: list[Distribution] = list(outgoing.distributions.all())
    return RegisterRow(
        (
            reference,
            format_date(document.issued_date),
            f"{document.document_type.name}: {document.subject}",
            document.signer_name,
            "; ".join(recipient_label(row) for row in recipients) or document.to_places,
            _("Văn thư; %s") % outgoing.draft.unit.name,
            str(outgoing.copies) if outgoing.copies is not None else "",
            _transfer_day(recipients),
            "",
            _notes(outgoing, allocation),
        )
    )


def _row(allocation: NumberAllocation, outgoing: OutgoingRecord | None, actor: User) -> RegisterRow:
    if outgoing is not None:
        return _record_row(outgoing, allocation, actor)
    note = _("Số đã cấp, chưa có văn bản")
    if allocation.status == AllocationStatus.CANCELLED:
        note = _("Số đã hủy: %s") % allocation.cancel_reason
    number, day = format_number(allocation.number), format_date(allocation.allocated_on)
    return RegisterRow((number, day, *[""] * 7, note))


def _allocations(book: RegisterBook, period: Period) -> list[NumberAllocation]:
    return list(
        NumberAllocation.objects.filter(
            book=book,
            year=period.date_from.year,
            allocated_on__gte=period.date_from,
            allocated_on__lte=period.date_to,
        ).order_by("number")
    )


def _records(allocations: list[NumberAllocation]) -> dict[int, OutgoingRecord]:
    records = (
        OutgoingRecord.objects.filter(allocation_id__in=[a.pk for a in allocations])
        .select_related("document", "document__document_type", "draft__unit", "corrects__document")
        .prefetch_related(
            Prefetch(
                "distributions",
                queryset=Distribution.objects.select_related("unit", "user", "agency").order_by(
                    "pk"
                ),
            )
        )
    )
    return {record.allocation_id: record for record in records}


def register_title(book: RegisterBook) -> str:
    if book.kind == RegisterKind.SECRET_OUTGOING:
        return _("SỔ ĐĂNG KÝ VĂN BẢN ĐI MẬT")
    return _("SỔ ĐĂNG KÝ VĂN BẢN ĐI")


def register_report(
    *,
    actor: User,
    book_id: int,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    volume: int = 1,
    year: int | None = None,
) -> RegisterReport:
    """Return the register of one outgoing book for a period (or a ``year``)."""
    book = register_book_for(actor=actor, book_id=book_id)
    period = period_of(date_from, date_to, same_year=True, year=year)
    allocations = _allocations(book, period)
    records = _records(allocations)
    rows = [_row(allocation, records.get(allocation.pk), actor) for allocation in allocations]
    superior, agency = agency_header(book.agency)
    numbers = [format_number(allocation.number) for allocation in allocations]
    cover = Cover(
        superior=superior,
        agency=agency,
        title=register_title(book),
        year=period.date_from.year,
        date_from=period.date_from,
        date_to=period.date_to,
        number_from=numbers[0] if numbers else "",
        number_to=numbers[-1] if numbers else "",
        volume=format_number(volume),
        book_name=book.name,
    )
    return RegisterReport(book=book, cover=cover, rows=rows)
