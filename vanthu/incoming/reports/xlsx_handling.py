"""The handling report and the follow-up book as an XLSX workbook (two sheets)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from vanthu.core.dates import format_date
from vanthu.incoming.reports.handling import (
    COUNT_COLUMNS,
    FOLLOW_UP_COLUMNS,
    Counts,
    HandlingReport,
)
from vanthu.incoming.reports.xlsx_base import (
    font,
    new_sheet,
    set_widths,
    workbook_bytes,
    write_header,
    write_rows,
    write_title,
)

FOLLOW_UP_WIDTHS = (8, 46, 30, 12, 34, 18, 20)
COUNTS_WIDTHS = (40, 14, 14, 14, 14, 14)


def period_text(report: HandlingReport) -> str:
    """Return "Từ ngày … đến ngày … (số liệu tính đến ngày …)"."""
    return _("Từ ngày %(start)s đến ngày %(end)s (số liệu tính đến ngày %(today)s)") % {
        "start": format_date(report.period.date_from),
        "end": format_date(report.period.date_to),
        "today": format_date(report.today),
    }


def _heading(sheet: Worksheet, report: HandlingReport, title: str, *, columns: int) -> int:
    row = write_title(sheet, 1, report.superior, columns=columns, size=12, bold=False)
    row = write_title(sheet, row, report.agency, columns=columns, size=12)
    row = write_title(sheet, row + 1, title, columns=columns, size=15)
    return write_title(sheet, row, period_text(report), columns=columns, size=12, bold=False)


def _counts_table(sheet: Worksheet, row: int, title: str, lines: list[Counts]) -> int:
    cell = sheet.cell(row=row, column=1, value=title)
    cell.font = font(bold=True)
    row = write_header(sheet, row + 1, (_("Đơn vị, cá nhân"), *COUNT_COLUMNS))
    return write_rows(sheet, row, [(line.name, *line.figures) for line in lines]) + 1


def _report_sheet(workbook: Workbook, report: HandlingReport) -> None:
    sheet = new_sheet(workbook, _("Báo cáo"), first=True)
    set_widths(sheet, COUNTS_WIDTHS)
    columns = len(COUNTS_WIDTHS)
    title = _("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN")
    row = _heading(sheet, report, title, columns=columns) + 1
    row = _counts_table(sheet, row, _("I. Theo đơn vị chủ trì"), [*report.by_unit, report.total])
    _counts_table(sheet, row, _("II. Theo người chủ trì"), report.by_person)
    # The two tables have their own headers: no rows repeat on every page.
    sheet.print_title_rows = None
    sheet.freeze_panes = None


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
