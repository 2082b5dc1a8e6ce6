"""Turn one sheet row into the fields of an incoming record, or into row errors.

The rules are those of live registration (``incoming.validation``: required texts, Annex VI
lengths, dates, notation shape); on top of them a historical row must carry its arrival number
and an arrival date in the register's year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.core.text import fold
from vanthu.documents.models import DocumentType
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.importer.cells import date_of, integer_of, split_code, text_of
from vanthu.incoming.importer.columns import Column, ColumnMap, column_letter
from vanthu.incoming.importer.doctypes import TypeGuesser
from vanthu.incoming.importer.report import RowError
from vanthu.incoming.importer.rules import field_errors

_STATUS_WORDS: Mapping[str, IncomingStatus] = {
    **{fold(str(status.label)): status for status in IncomingStatus},
    "da xong": IncomingStatus.DONE,
    "xong": IncomingStatus.DONE,
    "hoan thanh": IncomingStatus.DONE,
    "da xu ly": IncomingStatus.DONE,
    "dang xu ly": IncomingStatus.IN_PROGRESS,
    "chua xong": IncomingStatus.IN_PROGRESS,
    "chua giai quyet": IncomingStatus.REGISTERED,
    "chua xu ly": IncomingStatus.REGISTERED,
}


@dataclass(frozen=True, slots=True)
class ImportRow:
    """The values of one valid row, ready to be written."""

    row: int
    arrival_number: int
    arrival_date: dt.date
    document_type: DocumentType
    code_number: str
    code_notation: str
    issued_date: dt.date
    organ_name: str
    subject: str
    signer_full_name: str
    page_amount: int
    description: str
    status: IncomingStatus
    due_date: dt.date | None


@dataclass(slots=True)
class ParsedRow:
    """A row after parsing: its values when valid, else its errors."""

    row: int
    value: ImportRow | None
    errors: list[RowError]
    converted_cells: int


class RowParser:
    """Parse the rows of one sheet with one mapping, for one register year."""

    def __init__(
        self,
        *,
        mapping: ColumnMap,
        headings: tuple[str, ...],
        year: int,
        today: dt.date,
        guesser: TypeGuesser,
    ) -> None:
        self.mapping = mapping
        self.headings = headings
        self.year = year
        self.today = today
        self.guesser = guesser

    def _raw(self, row: tuple[object, ...], column: Column) -> object:
        index = self.mapping.get(column)
        return row[index] if index is not None and index < len(row) else None

    def _error(
        self, number: int, row: tuple[object, ...], column: Column, message: str
    ) -> RowError:
        index = self.mapping.get(column)
        heading = self.headings[index] if index is not None and index < len(self.headings) else ""
        return RowError(
            row=number,
            column=column_letter(index) if index is not None else "",
            heading=heading or column.value,
            value=text_of(self._raw(row, column)).value[:200],
            message=message,
        )

    def number_error(self, row: ImportRow, message: str) -> RowError:
        """Return an error about the arrival number of a parsed row."""
        index = self.mapping.get(Column.ARRIVAL_NUMBER)
        heading = self.headings[index] if index is not None and index < len(self.headings) else ""
        return RowError(
            row=row.row,
            column=column_letter(index) if index is not None else "",
            heading=heading or Column.ARRIVAL_NUMBER.value,
            value=str(row.arrival_number),
            message=message,
        )

    def parse(self, number: int, row: tuple[object, ...]) -> ParsedRow:
        """Return the row's values, or every error found in it."""
        texts = {column: text_of(self._raw(row, column)) for column in Column}
        converted = sum(1 for text in texts.values() if text.converted)
        values = {column: text.value for column, text in texts.items()}
        problems: list[tuple[Column, str]] = []
        arrival_number = self._arrival_number(row, problems)
        arrival_date = self._date(row, Column.ARRIVAL_DATE, problems, required=True)
        issued_date = self._date(row, Column.ISSUED_DATE, problems, required=True)
        due_date = self._date(row, Column.DUE_DATE, problems, required=False)
        if arrival_date is not None and arrival_date.year != self.year:
            problems.append(
                (Column.ARRIVAL_DATE, _("Ngày đến không thuộc năm %d của sổ.") % self.year)
            )
        status = self._status(values[Column.STATUS], problems)
        page_amount = self._page_amount(row, problems)
        named = self._named_type(values[Column.TYPE], problems)
        code_number, code_notation = split_code(values[Column.CODE])
        guess = self.guesser.guess(
            notation=code_notation, subject=values[Column.SUBJECT], named=named
        )
        fields = {
            "code_number": code_number,
            "code_notation": code_notation,
            "organ_name": values[Column.ORGAN],
            "subject": guess.subject,
            "signer_full_name": values[Column.SIGNER],
            "description": _description(values),
        }
        problems.extend(
            field_errors(
                fields,
                document_type=guess.document_type,
                issued_date=issued_date,
                arrival_date=arrival_date,
                due_date=due_date,
                page_amount=page_amount,
                today=self.today,
                type_abbreviations=self.guesser.abbreviations,
            )
        )
        errors = [self._error(number, row, column, message) for column, message in problems]
        if errors or arrival_number is None or arrival_date is None or issued_date is None:
            return ParsedRow(row=number, value=None, errors=errors, converted_cells=converted)
        value = ImportRow(
            row=number,
            arrival_number=arrival_number,
            arrival_date=arrival_date,
            document_type=guess.document_type,
            issued_date=issued_date,
            status=status,
            page_amount=page_amount,
            due_date=due_date,
            **fields,
        )
        return ParsedRow(row=number, value=value, errors=[], converted_cells=converted)

    def _arrival_number(
        self, row: tuple[object, ...], problems: list[tuple[Column, str]]
    ) -> int | None:
        raw = self._raw(row, Column.ARRIVAL_NUMBER)
        number = integer_of(raw)
        if number is None or number < 1:
            message = (
                _("Thiếu số đến.")
                if not text_of(raw).value
                else _("Số đến phải là một số nguyên dương.")
            )
            problems.append((Column.ARRIVAL_NUMBER, message))
            return None
        return number

    def _date(
        self,
        row: tuple[object, ...],
        column: Column,
        problems: list[tuple[Column, str]],
        *,
        required: bool,
    ) -> dt.date | None:
        raw = self._raw(row, column)
        if not text_of(raw).value:
            if required:
                problems.append((column, _("Thiếu ngày.")))
            return None
        day = date_of(raw)
        if day is None:
            problems.append((column, _("Không đọc được ngày; cần dạng ngày/tháng/năm.")))
        return day

    def _status(self, text: str, problems: list[tuple[Column, str]]) -> IncomingStatus:
        if not text:
            return IncomingStatus.DONE
        status = _STATUS_WORDS.get(fold(text))
        if status is None:
            problems.append((Column.STATUS, _("Không hiểu tình trạng giải quyết này.")))
            return IncomingStatus.DONE
        return status

    def _page_amount(self, row: tuple[object, ...], problems: list[tuple[Column, str]]) -> int:
        raw = self._raw(row, Column.PAGES)
        if not text_of(raw).value:
            return 1
        pages = integer_of(raw)
        if pages is None:
            problems.append((Column.PAGES, _("Số trang phải là một số nguyên.")))
            return 1
        return pages

    def _named_type(self, text: str, problems: list[tuple[Column, str]]) -> DocumentType | None:
        if not text:
            return None
        document_type = self.guesser.named(text)
        if document_type is None:
            problems.append((Column.TYPE, _("Không có loại văn bản này.")))
        return document_type


def _description(values: Mapping[Column, str]) -> str:
    parts = [values[Column.NOTE]]
    if values[Column.RECIPIENT]:
        parts.append(_("Đơn vị hoặc người nhận: %s") % values[Column.RECIPIENT])
    return "; ".join(part for part in parts if part)
