"""The "Sổ đăng ký văn bản đến" as an XLSX workbook: a cover sheet and the register sheet."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from vanthu.core.dates import format_date
from vanthu.incoming.reports.register import REGISTER_COLUMNS, Cover, RegisterReport
from vanthu.incoming.reports.xlsx_base import (
    new_sheet,
    set_widths,
    workbook_bytes,
    write_header,
    write_rows,
    write_title,
)

REGISTER_WIDTHS = (11, 8, 24, 16, 11, 42, 26, 11, 11, 24)
HEADER_ROW = 4


def cover_lines(cover: Cover) -> list[tuple[str, int, bool]]:
    """Return the lines of a register cover: (text, font size, bold)."""
    return [
        (cover.superior, 13, False),
        (cover.agency, 13, True),
        ("", 12, False),
        ("", 12, False),
        (cover.title, 22, True),
        (_("Năm: %s") % cover.year, 14, True),
        (
            _("Từ ngày %(start)s đến ngày %(end)s")
            % {"start": format_date(cover.date_from), "end": format_date(cover.date_to)},
            14,
            False,
        ),
        (
            _("Từ số %(first)s đến số %(last)s")
            % {"first": cover.number_from or "…", "last": cover.number_to or "…"},
            14,
            False,
        ),
        (_("Quyển số: %s") % cover.volume, 14, False),
    ]


def write_cover(sheet: Worksheet, lines: list[tuple[str, int, bool]], *, columns: int) -> None:
    """Write the cover lines centred on the sheet, with room to breathe."""
    row = 2
    for text, size, bold in lines:
        row = write_title(sheet, row, text, columns=columns, size=size, bold=bold)
        sheet.row_dimensions[row - 1].height = size * 2.2


def register_xlsx(report: RegisterReport) -> bytes:
    """Return the register as .xlsx bytes."""
    workbook = Workbook()
    columns = len(REGISTER_COLUMNS)
    cover = new_sheet(workbook, _("Bìa sổ"), first=True)
    set_widths(cover, REGISTER_WIDTHS)
    write_cover(cover, cover_lines(report.cover), columns=columns)
    sheet = new_sheet(workbook, _("Sổ đăng ký văn bản đến"))
    set_widths(sheet, REGISTER_WIDTHS)
    title = f"{report.cover.title} — " + _("NĂM %s") % report.cover.year
    write_title(sheet, 1, title, columns=columns)
    write_title(sheet, 2, report.cover.book_name, columns=columns, size=12, bold=False)
    first = write_header(sheet, HEADER_ROW, REGISTER_COLUMNS)
    values = [(row.cells[0], row.number, *row.cells[2:]) for row in report.rows]
    write_rows(sheet, first, values)
    for (cell,) in sheet.iter_rows(min_row=first, min_col=2, max_col=2):
        cell.number_format = "00"
    return workbook_bytes(workbook)
