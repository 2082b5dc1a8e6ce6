"""The incoming registers and forms as PDF (WeasyPrint, ``vanthu.documents.printing.pdf``).

The register and the handling report use the shared templates; the slip and the stamp have
their own (``incoming/reports/``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from vanthu.documents.printing.pdf import PDF_MEDIA_TYPE, render_pdf, sections_pdf
from vanthu.documents.printing.pdf import register_pdf as shared_register_pdf
from vanthu.documents.printing.tables import ReportSection, ReportTable
from vanthu.incoming.reports.handling import COUNT_COLUMNS, FOLLOW_UP_COLUMNS, HandlingReport
from vanthu.incoming.reports.register import REGISTER_COLUMNS, RegisterReport
from vanthu.incoming.reports.slip import Slip
from vanthu.incoming.reports.stamp import Stamp
from vanthu.incoming.reports.xlsx_handling import period_text

__all__ = ["PDF_MEDIA_TYPE", "handling_pdf", "register_pdf", "slip_pdf", "stamp_pdf"]
# Columns of the register printed centred: dates and numbers.
_CENTRED_REGISTER_COLUMNS = (1, 2, 4, 5, 8)
_REGISTER_WIDTHS = (8, 5, 13, 9, 8, 21, 13, 7, 6, 10)


def _empty() -> str:
    return _("Không có văn bản đến trong thời gian này.")


def register_pdf(report: RegisterReport) -> bytes:
    """Return the register (cover page, then the table) as PDF."""
    return shared_register_pdf(
        report.cover,
        columns=REGISTER_COLUMNS,
        rows=[row.cells for row in report.rows],
        widths=_REGISTER_WIDTHS,
        centred=_CENTRED_REGISTER_COLUMNS,
        empty=_empty(),
    )


def _counts_table(
    report: HandlingReport, lines: list[Any], *, caption: str, total: bool
) -> ReportTable:
    rows = [(line.name, *line.figures) for line in lines]
    if total:
        rows.append((report.total.name, *report.total.figures))
    return ReportTable(
        caption=caption,
        columns=(_("Đơn vị, cá nhân"), *COUNT_COLUMNS),
        rows=rows,
        empty=_empty(),
        numeric=True,
        total_rows=frozenset({len(rows) - 1}) if total else frozenset(),
    )


def handling_pdf(report: HandlingReport) -> bytes:
    """Return the handling report, then the follow-up book, as PDF."""
    title = _("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN")
    by_unit = _counts_table(report, report.by_unit, caption=_("I. Theo đơn vị chủ trì"), total=True)
    by_person = _counts_table(
        report, report.by_person, caption=_("II. Theo người chủ trì"), total=False
    )
    follow_up = ReportTable(
        columns=FOLLOW_UP_COLUMNS, rows=[row.cells for row in report.rows], empty=_empty()
    )
    sections = [
        ReportSection(title=title, tables=[by_unit, by_person]),
        ReportSection(title=_("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"), tables=[follow_up]),
    ]
    return sections_pdf(
        title=title,
        superior=report.superior,
        agency=report.agency,
        period=period_text(report),
        sections=sections,
    )


def slip_pdf(slip: Slip) -> bytes:
    """Return the handling slip (A4 portrait) as PDF."""
    return render_pdf("incoming/reports/slip.html", {"slip": slip})


def stamp_pdf(stamp: Stamp) -> bytes:
    """Return the "ĐẾN" stamp label (50 × 35 mm) as PDF."""
    return render_pdf("incoming/reports/stamp.html", {"stamp": stamp})
