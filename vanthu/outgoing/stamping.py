"""Write the number and the date into an uploaded DOCX at issue (its own "Số:" and date lines).

An uploaded file may open and still be odd inside (tables with broken spans or merges, nested
tables, unexpected elements): the paragraphs are found through the XML, never through
python-docx's table grid, and anything python-docx cannot write back is a clear
``InvalidDocxError``, never a server error.
"""

from __future__ import annotations

import io
import re
from typing import Any

from django.utils.translation import gettext as _
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from vanthu.outgoing.drafting_io import InvalidDocxError, docx_open

_NUMBER_LINE = re.compile(r"^\s*Số\s*:", re.IGNORECASE)
_DATE_LINE = re.compile(r"ngày\s*[.…\d\s]*tháng\s*[.…\d\s]*năm", re.IGNORECASE)


def _replace_text(paragraph: Paragraph, text: str) -> None:
    """Put ``text`` in the first run (keeping its formatting) and empty the other runs."""
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _paragraphs(document: Any) -> list[Paragraph]:
    """Return every paragraph of the body in document order, those in (nested) tables included
    (the header is a table)."""
    body = document.element.body
    return [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]


def stamp_docx(data: bytes, *, number_line: str, date_line: str) -> bytes:
    """Return ``data`` with its first "Số:" line and first date line replaced."""
    document = docx_open(data)
    numbered = dated = False
    try:
        for paragraph in _paragraphs(document):
            if not numbered and _NUMBER_LINE.match(paragraph.text):
                _replace_text(paragraph, number_line)
                numbered = True
            elif not dated and _DATE_LINE.search(paragraph.text):
                _replace_text(paragraph, date_line)
                dated = True
        out = io.BytesIO()
        document.save(out)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise InvalidDocxError(
            _(
                "Không ghi được số và ngày ban hành vào tệp Word vì cấu trúc bên trong tệp bị "
                "lỗi. Hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi tải lên lại."
            )
        ) from exc
    return out.getvalue()
