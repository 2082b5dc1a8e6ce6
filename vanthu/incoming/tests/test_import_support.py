"""Sample legacy registers for the import tests, written with openpyxl (no binary fixtures)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from vanthu.accounts.models import User
from vanthu.incoming.importer import ImportOptions, ImportReport, register_import

HEADINGS = (
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)

Row = Sequence[object]


def excel_day(year: int, month: int, day: int) -> dt.datetime:
    """Return a date cell as openpyxl reads it: a naive datetime (Excel has no time zone)."""
    return dt.datetime.combine(dt.date(year, month, day), dt.time())


ROWS: tuple[Row, ...] = (
    (
        excel_day(2020, 4, 24),
        1,
        "Sở Nội vụ tỉnh Kiên Giang",
        "26/KH-SNV",
        excel_day(2020, 4, 23),
        "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2020",
        "Phòng Tổ chức",
        None,
        None,
        None,
    ),
    (
        "27/04/2020",
        2,
        "UBND tỉnh Kiên Giang",
        "120/QĐ-UBND",
        "20/4/2020",
        "Quyết định về việc ban hành quy chế công tác văn thư",
        "Lãnh đạo cơ quan",
        None,
        None,
        "Bản gốc",
    ),
    (
        excel_day(2020, 5, 4),
        3,
        "Sở Tài chính tỉnh Kiên Giang",
        "45/STC-NS",
        excel_day(2020, 4, 28),
        "V/v hướng dẫn quyết toán ngân sách năm 2019",
        "Phòng Văn thư - Lưu trữ",
        None,
        None,
        None,
    ),
)


def workbook(
    rows: Sequence[Row] = ROWS,
    *,
    headings: Sequence[str] = HEADINGS,
    title: bool = True,
    numbers_row: bool = True,
    sheet: str = "Sổ đến 2020",
) -> Workbook:
    """Return a register laid out like a printed one: title lines, headings, (1)…(n), rows."""
    book = Workbook()
    worksheet = book.active
    assert worksheet is not None
    worksheet.title = sheet
    if title:
        worksheet.append(["UBND HUYỆN CHÂU THÀNH"])
        worksheet.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"])
        worksheet.append(["Năm 2020"])
        worksheet.append([])
    worksheet.append(list(headings))
    if numbers_row:
        worksheet.append([f"({i})" for i in range(1, len(headings) + 1)])
    for row in rows:
        worksheet.append(list(row))
    return book


def xlsx(
    tmp_path: Path, rows: Sequence[Row] = ROWS, name: str = "so-den.xlsx", **kwargs: Any
) -> Path:
    """Write a sample register to ``tmp_path`` and return its path."""
    path = tmp_path / name
    workbook(rows, **kwargs).save(path)
    return path


def xlsx_bytes(rows: Sequence[Row] = ROWS, **kwargs: Any) -> bytes:
    """Return a sample register as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook(rows, **kwargs).save(buffer)
    return buffer.getvalue()


def run(
    actor: User, path: Path, *, dry_run: bool = False, year: int = 2020, **options: Any
) -> ImportReport:
    """Import ``path`` as ``actor`` into the ``year`` register (2020 by default)."""
    return register_import(
        actor=actor,
        source=path,
        options=ImportOptions(year=year, dry_run=dry_run, filename=path.name, **options),
    )
