"""``check_docx``: read a DOCX, locate its components, run every rule."""

from __future__ import annotations

from vanthu.drafting.checker.findings import CheckContext, Finding
from vanthu.drafting.checker.locate import locate
from vanthu.drafting.checker.model import DocView
from vanthu.drafting.checker.reader import read_docx
from vanthu.drafting.checker.rules_dateline import check_date_line
from vanthu.drafting.checker.rules_header import check_header
from vanthu.drafting.checker.rules_number import check_number
from vanthu.drafting.checker.rules_page import check_page
from vanthu.drafting.checker.rules_pages import check_page_numbers
from vanthu.drafting.checker.rules_recipients import check_recipients
from vanthu.drafting.checker.rules_signature import check_signature
from vanthu.drafting.checker.rules_title import check_title


def check_view(view: DocView, context: CheckContext | None = None) -> list[Finding]:
    """Return every finding on an already-read document, in reading order of the components."""
    context = context or CheckContext()
    layout = locate(view)
    found = [
        *check_page(view),
        *check_header(layout),
        *check_number(layout, context),
        *check_date_line(layout, context),
        *check_title(layout, context),
        *check_signature(layout),
        *check_recipients(layout),
        *check_page_numbers(view),
    ]
    return list(dict.fromkeys(found))


def check_docx(data: bytes, *, context: CheckContext | None = None) -> list[Finding]:
    """Return the Annex I breaches of a DOCX (an empty list for a correct document).

    Raises ``InvalidDocxError`` when ``data`` is not a readable DOCX.
    """
    return check_view(read_docx(data), context)
