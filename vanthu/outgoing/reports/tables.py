"""The outgoing reports laid out as covers, columns and tables, for XLSX and PDF alike."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.core.dates import format_date
from vanthu.documents.numbering import format_number
from vanthu.documents.printing.register import Cover
from vanthu.documents.printing.tables import ReportSection, ReportTable
from vanthu.outgoing.reports.postal import PostalBook
from vanthu.outgoing.reports.status import (
    Delivery,
    DeliveryCount,
    IssuedCount,
    StatusReport,
    recalled_line,
)

ISSUED_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Số văn bản đã phát hành"),
    gettext_lazy("Trong đó: đã thu hồi"),
)
DELIVERY_COLUMNS: dict[Delivery, Any] = {
    Delivery.PENDING: gettext_lazy("Chờ gửi"),
    Delivery.SENT: gettext_lazy("Đã gửi, chưa tiếp nhận"),
    Delivery.RECEIVED: gettext_lazy("Đã tiếp nhận"),
    Delivery.HANDLED: gettext_lazy("Đã giải quyết"),
    Delivery.REFUSED: gettext_lazy("Bị từ chối"),
    Delivery.FAILED: gettext_lazy("Gửi không thành công"),
    Delivery.WITHDRAWN: gettext_lazy("Đã thu hồi"),
}
AWAITING_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Tên loại và trích yếu nội dung văn bản"),
    gettext_lazy("Đơn vị soạn thảo"),
    gettext_lazy("Người ký"),
    gettext_lazy("Ngày duyệt ký"),
)
RECALLED_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Số, ký hiệu văn bản"),
    gettext_lazy("Ngày tháng văn bản"),
    gettext_lazy("Tên loại và trích yếu nội dung văn bản"),
    gettext_lazy("Ngày thu hồi"),
    gettext_lazy("Lý do thu hồi"),
)
STATUS_WIDTHS = (40, 14, 14, 14, 14, 14, 14, 14, 14)


def postal_cover(book: PostalBook) -> Cover:
    """Return the cover of the postal dispatch book (its lines are not numbered)."""
    return Cover(
        superior=book.superior,
        agency=book.agency_name,
        title=_("SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN"),
        year=book.period.date_from.year,
        date_from=book.period.date_from,
        date_to=book.period.date_to,
        number_from="",
        number_to="",
        volume=format_number(1),
        book_name=_("Số lượng bì đã gửi: %d") % book.envelopes,
    )


def _issued_rows(lines: list[IssuedCount], total: IssuedCount) -> list[tuple[Any, ...]]:
    return [(line.name, line.issued, line.recalled) for line in (*lines, total)]


def _delivery_rows(lines: list[DeliveryCount], total: DeliveryCount) -> list[tuple[Any, ...]]:
    return [
        (line.name, line.total, *(line.counts[key] for key in Delivery)) for line in (*lines, total)
    ]


def _issued_table(caption: str, first: Any, rows: list[tuple[Any, ...]]) -> ReportTable:
    return ReportTable(
        caption=caption,
        columns=(first, *ISSUED_COLUMNS),
        rows=rows,
        empty="",
        numeric=True,
        total_rows=frozenset({len(rows) - 1}),
    )


def status_sections(report: StatusReport) -> list[ReportSection]:
    """Return the report as two sections: the figures, then the lists."""
    none = _("Không có văn bản.")
    deliveries = _delivery_rows(report.deliveries, report.delivered)
    figures = [
        _issued_table(
            _("I. Văn bản đã phát hành theo loại văn bản"),
            _("Loại văn bản"),
            _issued_rows(report.by_type, report.issued),
        ),
        _issued_table(
            _("II. Văn bản đã phát hành theo đơn vị soạn thảo"),
            _("Đơn vị soạn thảo"),
            _issued_rows(report.by_unit, report.issued),
        ),
        ReportTable(
            caption=_("III. Tình hình gửi, nhận và giải quyết theo nơi nhận"),
            columns=(_("Hình thức gửi"), _("Tổng số nơi nhận"), *DELIVERY_COLUMNS.values()),
            rows=deliveries,
            empty=none,
            numeric=True,
            total_rows=frozenset({len(deliveries) - 1}),
        ),
    ]
    awaiting = [
        (
            f"{draft.document_type.name}: {draft.subject}",
            draft.unit.name,
            draft.signer.full_name if draft.signer else "",
            format_date(draft.approved_at) if draft.approved_at else "",
        )
        for draft in report.awaiting
    ]
    lists = [
        ReportTable(
            caption=_("IV. Văn bản đã duyệt ký, chờ cấp số và phát hành (đến ngày %s)")
            % format_date(report.today),
            columns=AWAITING_COLUMNS,
            rows=awaiting,
            empty=none,
        ),
        ReportTable(
            caption=_("V. Văn bản đã thu hồi trong kỳ"),
            columns=RECALLED_COLUMNS,
            rows=[recalled_line(outgoing) for outgoing in report.recalled],
            empty=none,
        ),
    ]
    title = status_title()
    return [
        ReportSection(title=title, tables=figures, sheet=_("Số liệu")),
        ReportSection(title=title, tables=lists, sheet=_("Chờ phát hành, thu hồi")),
    ]


def status_title() -> str:
    return _("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI")
