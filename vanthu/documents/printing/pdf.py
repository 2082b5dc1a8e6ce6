"""Registers and reports as PDF, rendered by WeasyPrint from HTML templates.

Fonts: "Times New Roman" as the official forms ask, Liberation Serif 2 (metric-compatible,
with every Vietnamese letter) where it is not installed. ``register_pdf`` prints a register
(``documents/printing/register.html``: cover page, then one table); ``sections_pdf`` a report
(``documents/printing/sections.html``: titled sections of tables); both share
``documents/printing/_style.html``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.core.dates import format_date
from vanthu.documents.printing.register import Cover
from vanthu.documents.printing.tables import ReportSection

PDF_MEDIA_TYPE = "application/pdf"
REGISTER_TEMPLATE = "documents/printing/register.html"
SECTIONS_TEMPLATE = "documents/printing/sections.html"


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    """Render ``template`` with ``context`` and return the PDF bytes."""
    html = render_to_string(template, context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def register_pdf(
    cover: Cover,
    *,
    columns: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[int],
    centred: Sequence[int],
    empty: str,
) -> bytes:
    """Return a register (cover page, then its table) as PDF; ``widths`` in % per column."""
    context = {
        "cover": cover,
        "date_from": format_date(cover.date_from),
        "date_to": format_date(cover.date_to),
        "columns": columns,
        "rows": rows,
        "widths": widths,
        "centred": centred,
        "empty": empty,
    }
    return render_pdf(REGISTER_TEMPLATE, context)


def sections_pdf(
    *, title: str, superior: str, agency: str, period: str, sections: Sequence[ReportSection]
) -> bytes:
    """Return a report made of sections (each a title and tables) as PDF."""
    context = {
        "title": title,
        "superior": superior,
        "agency": agency,
        "period": period,
        "sections": [
            {"title": s.title, "tables": [t.as_context() for t in s.tables]} for s in sections
        ],
    }
    return render_pdf(SECTIONS_TEMPLATE, context)
