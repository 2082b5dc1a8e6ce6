"""XLSX registers and reports: print setup, fonts, borders, cover, header and rows.

Every sheet prints on A4 landscape, fitted to the page width, with the column header rows
repeated on each page and "Trang x / y" in the footer, in Times New Roman (Liberation Serif 2
replaces it where it is missing).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from vanthu.documents.printing.register import Cover, cover_lines
from vanthu.documents.printing.tables import ReportSection

FONT_NAME = "Times New Roman"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
REGISTER_HEADER_ROW = 4


def font(*, size: int = 12, bold: bool = False, italic: bool = False) -> Font:
    """Return the report font."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def new_sheet(workbook: Workbook, title: str, *, first: bool = False) -> Worksheet:
    """Return a new (or the first) sheet set up for A4 landscape printing."""
    sheet = workbook.active if first else workbook.create_sheet()
    if not isinstance(sheet, Worksheet):
        sheet = workbook.create_sheet()
    sheet.title = title[:31]
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.print_options.horizontalCentered = True
    footer = HeaderFooterItem()
    footer.center.text = _("Trang &P / &N")
    footer.center.font = FONT_NAME
    footer.center.size = 10
    sheet.oddFooter = footer
    return sheet


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    """Set the width of each column, from A."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def write_title(
    sheet: Worksheet, row: int, text: str, *, columns: int, size: int = 14, bold: bool = True
) -> int:
    """Write a centred line merged across ``columns``; return the next row."""
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = font(size=size, bold=bold)
    cell.alignment = WRAP_CENTER
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    return row + 1


def write_header(sheet: Worksheet, row: int, columns: Sequence[Any]) -> int:
    """Write the column titles and their numbers "(1) (2) …" on the next row; repeat both
    on every printed page; return the first data row."""
    for index, title in enumerate(columns, start=1):
        for offset, value in ((0, str(title)), (1, f"({index})")):
            cell = sheet.cell(row=row + offset, column=index, value=value)
            cell.font = font(size=11, bold=offset == 0, italic=offset == 1)
            cell.alignment = WRAP_CENTER
            cell.border = BORDER
    sheet.print_title_rows = f"{row}:{row + 1}"
    sheet.freeze_panes = f"A{row + 2}"
    return row + 2


def write_rows(sheet: Worksheet, row: int, rows: Iterable[Sequence[Any]]) -> int:
    """Write data rows with borders and wrapped text; return the row after the last."""
    for values in rows:
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=index, value=value)
            cell.font = font(size=11)
            cell.alignment = WRAP_TOP
            cell.border = BORDER
        row += 1
    return row


def workbook_bytes(workbook: Workbook) -> bytes:
    """Return the workbook as .xlsx bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_cover(sheet: Worksheet, lines: list[tuple[str, int, bool]], *, columns: int) -> None:
    """Write the cover lines centred on the sheet, with room to breathe."""
    row = 2
    for text, size, bold in lines:
        row = write_title(sheet, row, text, columns=columns, size=size, bold=bold)
        sheet.row_dimensions[row - 1].height = size * 2.2


def register_workbook(
    cover: Cover,
    *,
    sheet_title: str,
    columns: Sequence[Any],
    widths: Sequence[float],
    rows: Iterable[Sequence[Any]],
    number_column: int | None = None,
) -> bytes:
    """Return a register as .xlsx bytes: a cover sheet, then the register sheet.

    The register sheet has the title and book name, then the numbered column header
    (repeated on every printed page) from row ``REGISTER_HEADER_ROW``. Column
    ``number_column`` (1-based) holds numbers printed zero-padded ("05").
    """
    workbook = Workbook()
    count = len(columns)
    cover_sheet = new_sheet(workbook, _("Bìa sổ"), first=True)
    set_widths(cover_sheet, widths)
    write_cover(cover_sheet, cover_lines(cover), columns=count)
    sheet = new_sheet(workbook, sheet_title)
    set_widths(sheet, widths)
    write_title(sheet, 1, f"{cover.title} — " + _("NĂM %s") % cover.year, columns=count)
    write_title(sheet, 2, cover.book_name, columns=count, size=12, bold=False)
    first = write_header(sheet, REGISTER_HEADER_ROW, columns)
    write_rows(sheet, first, rows)
    if number_column is not None:
        cells = sheet.iter_rows(min_row=first, min_col=number_column, max_col=number_column)
        for (cell,) in cells:
            cell.number_format = "00"
    return workbook_bytes(workbook)


def write_heading(
    sheet: Worksheet, *, superior: str, agency: str, title: str, period: str, columns: int
) -> int:
    """Write the superior body, the agency, the title and the period; return the next row."""
    row = write_title(sheet, 1, superior, columns=columns, size=12, bold=False)
    row = write_title(sheet, row, agency, columns=columns, size=12)
    row = write_title(sheet, row + 1, title, columns=columns, size=15)
    return write_title(sheet, row, period, columns=columns, size=12, bold=False)


def write_table(
    sheet: Worksheet,
    row: int,
    *,
    caption: str,
    columns: Sequence[Any],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Write a captioned table (numbered header, rows); return the row after a blank line."""
    cell = sheet.cell(row=row, column=1, value=caption)
    cell.font = font(bold=True)
    row = write_header(sheet, row + 1, columns)
    return write_rows(sheet, row, rows) + 1


def without_repeated_titles(sheet: Worksheet) -> None:
    """Print a sheet of several tables (each with its own header): no rows repeat, no freeze."""
    sheet.print_title_rows = None
    sheet.freeze_panes = None


def sections_workbook(
    *,
    superior: str,
    agency: str,
    period: str,
    sections: Sequence[ReportSection],
    widths: Sequence[float],
) -> bytes:
    """Return a report as .xlsx bytes: one sheet per section, its tables one after another."""
    workbook = Workbook()
    for index, section in enumerate(sections):
        sheet = new_sheet(workbook, section.sheet or section.title, first=index == 0)
        set_widths(sheet, widths)
        row = write_heading(
            sheet,
            superior=superior,
            agency=agency,
            title=section.title,
            period=period,
            columns=len(widths),
        )
        for table in section.tables:
            row = write_table(
                sheet, row + 1, caption=table.caption, columns=table.columns, rows=table.rows
            )
        without_repeated_titles(sheet)
    return workbook_bytes(workbook)
