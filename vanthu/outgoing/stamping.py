"""Write the number and the date into an uploaded DOCX at issue (its own "Số:" and date lines)."""

from __future__ import annotations

import io
import re
from typing import Any

import docx

from vanthu.outgoing.drafting_io import InvalidDocxError

_NUMBER_LINE = re.compile(r"^\s*Số\s*:", re.IGNORECASE)
_DATE_LINE = re.compile(r"ngày\s*[.…\d\s]*tháng\s*[.…\d\s]*năm", re.IGNORECASE)


def _replace_text(paragraph: Any, text: str) -> None:
    """Put ``text`` in the first run (keeping its formatting) and empty the other runs."""
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _paragraphs(document: Any) -> list[Any]:
    """Return the body paragraphs, those in table cells included (the header is a table)."""
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def stamp_docx(data: bytes, *, number_line: str, date_line: str) -> bytes:
    """Return ``data`` with its first "Số:" line and first date line replaced."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InvalidDocxError from exc
    numbered = dated = False
    for paragraph in _paragraphs(document):
        if not numbered and _NUMBER_LINE.match(paragraph.text):
            _replace_text(paragraph, number_line)
            numbered = True
        elif not dated and _DATE_LINE.search(paragraph.text):
            _replace_text(paragraph, date_line)
            dated = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
