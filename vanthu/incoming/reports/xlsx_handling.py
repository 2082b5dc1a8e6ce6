"""The handling report and the follow-up book as an XLSX workbook (two sheets)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from vanthu.documents.printing.period import period_text as period_line
from vanthu.documents.printing.xlsx import (
    new_sheet,
    set_widths,
    without_repeated_titles,
    workbook_bytes,
    write_header,
    write_heading,
    write_rows,
    write_table,
)
from vanthu.incoming.reports.handling import (
    COUNT_COLUMNS,
    FOLLOW_UP_COLUMNS,
    Counts,
    HandlingReport,
)

FOLLOW_UP_WIDTHS = (8, 46, 30, 12, 34, 18, 20)
COUNTS_WIDTHS = (40, 14, 14, 14, 14, 14)


def period_text(report: HandlingReport) -> str:
    """Return "Từ ngày … đến ngày … (số liệu tính đến ngày …)"."""
    return period_line(report.period, today=report.today)


def _heading(sheet: Worksheet, report: HandlingReport, title: str, *, columns: int) -> int:
    return write_heading(
        sheet,
        superior=report.superior,
        agency=report.agency,
        title=title,
        period=period_text(report),
        columns=columns,
    )


def _counts_table(sheet: Worksheet, row: int, title: str, lines: list[Counts]) -> int:
    return write_table(
        sheet,
        row,
        caption=title,
        columns=(_("Đơn vị, cá nhân"), *COUNT_COLUMNS),
        rows=[(line.name, *line.figures) for line in lines],
    )


def _report_sheet(workbook: Workbook, report: HandlingReport) -> None:
    sheet = new_sheet(workbook, _("Báo cáo"), first=True)
    set_widths(sheet, COUNTS_WIDTHS)
    columns = len(COUNTS_WIDTHS)
    title = _("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN")
    row = _heading(sheet, report, title, columns=columns) + 1
    row = _counts_table(sheet, row, _("I. Theo đơn vị chủ trì"), [*report.by_unit, report.total])
    _counts_table(sheet, row, _("II. Theo người chủ trì"), report.by_person)
    without_repeated_titles(sheet)


def _follow_up_sheet(workbook: Workbook, report: HandlingReport) -> None:
    sheet = new_sheet(workbook, _("Sổ theo dõi"))
    set_widths(sheet, FOLLOW_UP_WIDTHS)
    title = _("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN")
    row = _heading(sheet, report, title, columns=len(FOLLOW_UP_WIDTHS)) + 1
    first = write_header(sheet, row, FOLLOW_UP_COLUMNS)
    write_rows(sheet, first, [line.cells for line in report.rows])


def handling_xlsx(report: HandlingReport) -> bytes:
    """Return the handling report (sheet 1) and the follow-up book (sheet 2) as .xlsx bytes."""
    workbook = Workbook()
    _report_sheet(workbook, report)
    _follow_up_sheet(workbook, report)
    return workbook_bytes(workbook)
