"""Stream a legacy register out of an .xlsx file with bounded memory (openpyxl read-only).

The header row is the first of the top rows whose cells name at least ``MIN_HEADINGS`` known
columns. Under it, blank rows and the row of column numbers ("(1)", "(2)", …) that printed
registers carry are skipped.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from vanthu.core.errors import InvalidInputError
from vanthu.incoming.importer.columns import ColumnMap, auto_mapping

HEADER_SEARCH_ROWS = 30
MIN_HEADINGS = 3
_COLUMN_NUMBER = re.compile(r"\(?\s*\d{1,2}\s*\)?")

Source = str | Path | IO[bytes]
Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """Where the data of a sheet is: its header row (1-based), headings and automatic mapping."""

    sheet: str
    header_row: int
    headings: tuple[str, ...]
    mapping: ColumnMap
    total_rows: int | None


def _file_error(message: str) -> InvalidInputError:
    return InvalidInputError(message, fields={"file": [message]})


@contextmanager
def open_sheet(source: Source, *, sheet: str | None) -> Iterator[Any]:
    """Open the workbook read-only and yield the sheet named ``sheet`` (default: the first)."""
    if not isinstance(source, str | Path):
        source.seek(0)
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise _file_error(_("Tệp không phải bảng tính Excel (.xlsx) đọc được.")) from error
    try:
        if sheet and sheet not in workbook.sheetnames:
            names = ", ".join(workbook.sheetnames)
            raise InvalidInputError(
                fields={
                    "sheet": [
                        _("Không có trang tính “%(sheet)s” (có: %(names)s).")
                        % {"sheet": sheet, "names": names}
                    ]
                }
            )
        yield workbook[sheet] if sheet else workbook.worksheets[0]
    finally:
        workbook.close()


def _headings(row: Row) -> tuple[str, ...]:
    return tuple(str(cell).strip() if cell is not None else "" for cell in row)


def find_layout(worksheet: Any, *, header_row: int | None = None) -> SheetLayout:
    """Find the header row (or take ``header_row``) and map its headings to columns."""
    rows = worksheet.iter_rows(
        min_row=header_row or 1, max_row=header_row or HEADER_SEARCH_ROWS, values_only=True
    )
    for offset, row in enumerate(rows):
        mapping = auto_mapping(row)
        if header_row is not None or len(mapping) >= MIN_HEADINGS:
            return SheetLayout(
                sheet=str(worksheet.title),
                header_row=(header_row or 1) + offset,
                headings=_headings(row),
                mapping=mapping,
                total_rows=worksheet.max_row,
            )
    raise InvalidInputError(
        fields={
            "header_row": [
                _(
                    "Không tìm thấy dòng tiêu đề (Ngày đến, Số đến, Tác giả, Số ký hiệu, …) "
                    "trong %(rows)d dòng đầu; hãy chỉ rõ dòng tiêu đề và các cột."
                )
                % {"rows": HEADER_SEARCH_ROWS}
            ]
        }
    )


def _skipped(row: Row) -> bool:
    """Tell a blank row, or the row of column numbers ("(1)", "(2)", … or 1, 2, …)."""
    values = [str(cell).strip() for cell in row if cell is not None and str(cell).strip()]
    if not values:
        return True
    if len(values) < MIN_HEADINGS or not all(_COLUMN_NUMBER.fullmatch(v) for v in values):
        return False
    numbers = [int(v.strip("() ")) for v in values]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def data_rows(worksheet: Any, *, layout: SheetLayout) -> Iterator[tuple[int, Row]]:
    """Yield (row number, cell values) of every data row under the header."""
    first = layout.header_row + 1
    rows = worksheet.iter_rows(min_row=first, values_only=True)
    for number, row in enumerate(rows, start=first):
        if not _skipped(row):
            yield number, row
