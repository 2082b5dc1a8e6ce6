"""The columns of a legacy incoming register (Annex IV) and how headings map onto them.

A heading is compared folded (``core.text.fold``: no marks, lower case, đ→d) with its punctuation
and column numbers removed, so "Số, ký hiệu văn bản (4)", "SỐ KÝ HIỆU" and "so ky hieu" are the
same heading. A heading matches an alias exactly or starts with it; the longest alias wins, so
"Tên loại và trích yếu nội dung" is the subject and "Tên loại" alone is the type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from vanthu.core.errors import InvalidInputError
from vanthu.core.text import fold, legacy_to_unicode


class Column(StrEnum):
    """A column the importer reads; the value is the key of ``--map``."""

    ARRIVAL_DATE = "ngay_den"
    ARRIVAL_NUMBER = "so_den"
    ORGAN = "tac_gia"
    CODE = "so_ky_hieu"
    ISSUED_DATE = "ngay_van_ban"
    SUBJECT = "trich_yeu"
    RECIPIENT = "don_vi_nhan"
    NOTE = "ghi_chu"
    TYPE = "loai_van_ban"
    STATUS = "trang_thai"
    PAGES = "so_trang"
    SIGNER = "nguoi_ky"
    DUE_DATE = "han_giai_quyet"


LABELS: Mapping[Column, object] = {
    Column.ARRIVAL_DATE: gettext_lazy("Ngày đến"),
    Column.ARRIVAL_NUMBER: gettext_lazy("Số đến"),
    Column.ORGAN: gettext_lazy("Tác giả (cơ quan ban hành)"),
    Column.CODE: gettext_lazy("Số, ký hiệu văn bản"),
    Column.ISSUED_DATE: gettext_lazy("Ngày tháng văn bản"),
    Column.SUBJECT: gettext_lazy("Tên loại và trích yếu nội dung"),
    Column.RECIPIENT: gettext_lazy("Đơn vị hoặc người nhận"),
    Column.NOTE: gettext_lazy("Ghi chú"),
    Column.TYPE: gettext_lazy("Tên loại văn bản"),
    Column.STATUS: gettext_lazy("Tình trạng giải quyết"),
    Column.PAGES: gettext_lazy("Số trang"),
    Column.SIGNER: gettext_lazy("Người ký"),
    Column.DUE_DATE: gettext_lazy("Hạn giải quyết"),
}

REQUIRED: tuple[Column, ...] = (
    Column.ARRIVAL_DATE,
    Column.ARRIVAL_NUMBER,
    Column.ORGAN,
    Column.ISSUED_DATE,
    Column.SUBJECT,
)

# Headings seen in registers kept under Decree 30 and the earlier Circular 07/2012 forms.
_ALIASES: Mapping[Column, tuple[str, ...]] = {
    Column.ARRIVAL_DATE: ("Ngày đến", "Ngày nhận"),
    Column.ARRIVAL_NUMBER: ("Số đến", "Số TT đến"),
    Column.ORGAN: (
        "Tác giả",
        "Cơ quan ban hành",
        "Cơ quan, tổ chức ban hành",
        "Nơi gửi",
        "Cơ quan gửi",
        "Nơi ban hành",
    ),
    Column.CODE: ("Số, ký hiệu", "Số ký hiệu", "Số và ký hiệu", "Số/ký hiệu"),
    Column.ISSUED_DATE: ("Ngày tháng văn bản", "Ngày văn bản", "Ngày ban hành", "Ngày ký"),
    Column.SUBJECT: (
        "Tên loại và trích yếu",
        "Trích yếu",
        "Tên loại, trích yếu",
        "Nội dung",
    ),
    Column.RECIPIENT: ("Đơn vị hoặc người nhận", "Đơn vị, người nhận", "Người nhận", "Đơn vị nhận"),
    Column.NOTE: ("Ghi chú",),
    Column.TYPE: ("Tên loại", "Loại văn bản", "Tên loại văn bản", "Hình thức văn bản"),
    Column.STATUS: ("Tình trạng giải quyết", "Trạng thái", "Tình trạng", "Kết quả giải quyết"),
    Column.PAGES: ("Số trang", "Số tờ"),
    Column.SIGNER: ("Người ký",),
    Column.DUE_DATE: ("Hạn giải quyết", "Thời hạn giải quyết"),
}

_NOISE = re.compile(r"\(\s*\d+\s*\)|[^\w\s]|_")


def normalize_heading(text: str) -> str:
    """Return a heading folded, without punctuation or column numbers like "(4)"."""
    return " ".join(_NOISE.sub(" ", fold(legacy_to_unicode(text))).split())


_BY_ALIAS: list[tuple[str, Column]] = sorted(
    ((normalize_heading(alias), column) for column, names in _ALIASES.items() for alias in names),
    key=lambda pair: -len(pair[0]),
)


def column_of_heading(text: str) -> Column | None:
    """Return the column a heading names, or None when it names none we know."""
    heading = normalize_heading(text)
    if not heading:
        return None
    for alias, column in _BY_ALIAS:
        if heading == alias or heading.startswith(f"{alias} "):
            return column
    return None


ColumnMap = dict[Column, int]
"""Column → 0-based index of the sheet column holding it."""


def auto_mapping(headings: Iterable[object]) -> ColumnMap:
    """Map each known column to the first sheet column whose heading names it."""
    mapping: ColumnMap = {}
    for index, cell in enumerate(headings):
        if not isinstance(cell, str):
            continue
        column = column_of_heading(cell)
        if column is not None and column not in mapping:
            mapping[column] = index
    return mapping


def column_letter(index: int) -> str:
    """Return the sheet letter of a 0-based column index (0 → "A")."""
    return get_column_letter(index + 1)


def _letter_index(letter: str) -> int | None:
    letter = letter.strip().upper()
    if not letter.isalpha() or not letter.isascii():
        return None
    try:
        return column_index_from_string(letter) - 1
    except ValueError:
        return None


def parse_mapping(text: str) -> ColumnMap:
    """Parse an explicit mapping such as ``"so_den=B,ngay_den=A"`` (``key=`` drops a column)."""
    mapping: ColumnMap = {}
    problems: list[str] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        key, _sep, letter = item.partition("=")
        try:
            column = Column(key.strip().lower())
        except ValueError:
            problems.append(_("Không có cột “%(key)s”.") % {"key": key.strip()})
            continue
        if not letter.strip():
            mapping[column] = -1
            continue
        index = _letter_index(letter)
        if index is None:
            problems.append(_("“%(letter)s” không phải tên cột Excel.") % {"letter": letter})
        else:
            mapping[column] = index
    if problems:
        raise InvalidInputError(fields={"mapping": problems})
    return mapping


def merged_mapping(auto: ColumnMap, override: ColumnMap) -> ColumnMap:
    """Return the automatic mapping with the explicit choices applied (-1 removes a column)."""
    merged = {**auto, **override}
    return {column: index for column, index in merged.items() if index >= 0}


def missing_required(mapping: ColumnMap) -> list[Column]:
    """Return the required columns the mapping lacks."""
    return [column for column in REQUIRED if column not in mapping]


def mapping_text(mapping: ColumnMap) -> str:
    """Return ``mapping`` in the ``--map`` syntax (the inverse of ``parse_mapping``)."""
    return ",".join(f"{column.value}={column_letter(index)}" for column, index in mapping.items())
