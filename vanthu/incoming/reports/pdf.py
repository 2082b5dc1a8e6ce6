"""The registers and forms as PDF, rendered by WeasyPrint from the HTML templates.

Fonts: "Times New Roman" as the official forms ask, Liberation Serif 2 (metric-compatible,
with every Vietnamese letter) where it is not installed.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.core.dates import format_date
from vanthu.incoming.reports.handling import COUNT_COLUMNS, FOLLOW_UP_COLUMNS, HandlingReport
from vanthu.incoming.reports.register import REGISTER_COLUMNS, RegisterReport
from vanthu.incoming.reports.slip import Slip
from vanthu.incoming.reports.stamp import Stamp
from vanthu.incoming.reports.xlsx_handling import period_text

PDF_MEDIA_TYPE = "application/pdf"
# Columns of the register printed centred: dates and numbers.
_CENTRED_REGISTER_COLUMNS = (1, 2, 4, 5, 8)


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    """Render ``template`` with ``context`` and return the PDF bytes."""
    html = render_to_string(template, context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def register_pdf(report: RegisterReport) -> bytes:
    """Return the register (cover page, then the table) as PDF."""
    cover = report.cover
    return render_pdf(
        "incoming/reports/register.html",
        {
            "cover": cover,
            "date_from": format_date(cover.date_from),
            "date_to": format_date(cover.date_to),
            "columns": REGISTER_COLUMNS,
            "rows": report.rows,
            "centred": _CENTRED_REGISTER_COLUMNS,
        },
    )


def _counts_rows(report: HandlingReport, lines: list[Any], *, total: bool) -> list[Any]:
    rows = [{"cells": (line.name, *line.figures), "total": False} for line in lines]
    if total:
        rows.append({"cells": (report.total.name, *report.total.figures), "total": True})
    return rows


def handling_pdf(report: HandlingReport) -> bytes:
    """Return the handling report, then the follow-up book, as PDF."""
    count_columns = (_("Đơn vị, cá nhân"), *COUNT_COLUMNS)
    sections = [
        {
            "title": _("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN"),
            "tables": [
                {
                    "caption": _("I. Theo đơn vị chủ trì"),
                    "columns": count_columns,
                    "rows": _counts_rows(report, report.by_unit, total=True),
                    "numeric": True,
                },
                {
                    "caption": _("II. Theo người chủ trì"),
                    "columns": count_columns,
                    "rows": _counts_rows(report, report.by_person, total=False),
                    "numeric": True,
                },
            ],
        },
        {
            "title": _("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"),
            "tables": [
                {
                    "caption": "",
                    "columns": FOLLOW_UP_COLUMNS,
                    "rows": [{"cells": row.cells, "total": False} for row in report.rows],
                    "numeric": False,
                }
            ],
        },
    ]
    context = {"report": report, "period": period_text(report), "sections": sections}
    return render_pdf("incoming/reports/handling.html", context)


def slip_pdf(slip: Slip) -> bytes:
    """Return the handling slip (A4 portrait) as PDF."""
    return render_pdf("incoming/reports/slip.html", {"slip": slip})


def stamp_pdf(stamp: Stamp) -> bytes:
    """Return the "ĐẾN" stamp label (50 × 35 mm) as PDF."""
    return render_pdf("incoming/reports/stamp.html", {"stamp": stamp})
