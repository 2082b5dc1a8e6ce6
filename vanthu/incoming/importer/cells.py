"""Cell values of a legacy register turned into text, numbers, dates and a split code.

Text is converted from TCVN3/VNI when it looks legacy, then cleaned (NFC, one space). Dates come
as Excel dates, as Excel serial numbers in a cell without a date format, or as ``dd/mm/yyyy``
text (also ``-`` or ``.`` as separators and two-digit years).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.utils.datetime import from_excel

from vanthu.core.text import clean_text, legacy_to_unicode, nfc

_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_INTEGER = re.compile(r"\d+")
# "26/KH-SNV", "Số 26/KH-SNV", "26 / KH - SNV", "26/2020/QĐ-UBND" (number and year of a legal act).
_CODE = re.compile(r"(?:s[oố]\s*:?\s*)?(\d+[a-zA-Z]?(?:/\d{4}(?=/))?)\s*/\s*(.*)", re.IGNORECASE)
_DASH = re.compile(r"\s*[-–—]\s*")
_SERIAL_MIN, _SERIAL_MAX = 1, 2958465  # Excel serials of 1900-01-01 and 9999-12-31
_TWO_DIGIT_PIVOT = 50


@dataclass(frozen=True, slots=True)
class Text:
    """A text cell: the value to keep, and whether it was converted from a legacy encoding."""

    value: str
    converted: bool = False


def text_of(value: object) -> Text:
    """Return a cell as clean Unicode text (numbers as written: 12.0 → "12")."""
    if value is None:
        return Text("")
    if isinstance(value, float) and value.is_integer():
        return Text(str(int(value)))
    if isinstance(value, dt.date):
        return Text(date_text(value))
    raw = str(value)
    if raw.isascii():
        return Text(clean_text(raw))
    converted = legacy_to_unicode(raw)
    return Text(clean_text(converted), converted=converted != nfc(raw))


def date_text(day: dt.date) -> str:
    """Return a date as Vietnamese clerks write it (dd/mm/yyyy)."""
    return day.strftime("%d/%m/%Y")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= _TWO_DIGIT_PIVOT else 2000
    return year


def _date_of_serial(value: float) -> dt.date | None:
    if not _SERIAL_MIN <= value <= _SERIAL_MAX:
        return None
    serial = from_excel(value)
    return serial.date() if isinstance(serial, dt.datetime) else None


def _date_of_text(text: str) -> dt.date | None:
    try:
        if match := _DATE.fullmatch(text):
            day, month, year = match.groups()
            return dt.date(_year(year), int(month), int(day))
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = match.groups()
            return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return None


def date_of(value: object) -> dt.date | None:
    """Return the date a cell holds, or None when it holds no valid date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _date_of_serial(value)
    return _date_of_text(text_of(value).value)


def integer_of(value: object) -> int | None:
    """Return the whole number a cell holds ("012", 12, 12.0), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = text_of(value).value
    return int(text) if _INTEGER.fullmatch(text) else None


def split_code(text: str) -> tuple[str, str]:
    """Split "Số, ký hiệu" into the number and the notation: "26/KH-SNV" → ("26", "KH-SNV").

    A code with no number is all notation; a bare number is all number. Spaces around the
    dashes of the notation are dropped ("KH - SNV" → "KH-SNV").
    """
    text = text.strip()
    if not text:
        return "", ""
    if match := _CODE.fullmatch(text):
        number, notation = match.groups()
        return number, _DASH.sub("-", notation.strip())
    if _INTEGER.fullmatch(text):
        return text, ""
    return "", _DASH.sub("-", text)
