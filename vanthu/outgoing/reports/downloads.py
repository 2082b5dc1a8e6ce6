"""Build an outgoing register or report for the actor and record the download.

Used by the API and the UI alike: each function reads through the scoped selectors, builds
the file (XLSX or PDF), then records ``outgoing.report_downloaded`` (Annex VI asks for access
history). Files are named after the period: ``so-di-<book>-20250301-20250331.xlsx``.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.documents.printing.downloads import (
    FileFormat,
    PeriodDownload,
    ReportFile,
    period_file,
)
from vanthu.documents.printing.pdf import register_pdf, sections_pdf
from vanthu.documents.printing.period import Period, period_text
from vanthu.documents.printing.xlsx import register_workbook, sections_workbook
from vanthu.outgoing.reports.postal import POSTAL_COLUMNS, postal_book
from vanthu.outgoing.reports.register import REGISTER_COLUMNS, register_report
from vanthu.outgoing.reports.status import status_report
from vanthu.outgoing.reports.tables import (
    STATUS_WIDTHS,
    postal_cover,
    status_sections,
    status_title,
)

ACTION = "outgoing.report_downloaded"
REGISTER_WIDTHS = (14, 11, 42, 18, 28, 18, 8, 11, 11, 24)
REGISTER_PDF_WIDTHS = (10, 8, 22, 10, 13, 10, 5, 7, 5, 10)
REGISTER_CENTRED = (1, 2, 7, 8)
POSTAL_WIDTHS = (12, 16, 48, 10, 24, 30)
POSTAL_PDF_WIDTHS = (10, 14, 36, 8, 16, 16)
POSTAL_CENTRED = (1, 2, 4)


def _empty() -> str:
    return _("Không có văn bản đi trong thời gian này.")


def register_file(
    *,
    actor: User,
    book_id: int,
    file_format: FileFormat,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    volume: int = 1,
    year: int | None = None,
) -> ReportFile:
    """Return the outgoing register of a book for a period (one year), as XLSX or PDF."""
    report = register_report(
        actor=actor,
        book_id=book_id,
        date_from=date_from,
        date_to=date_to,
        volume=volume,
        year=year,
    )
    rows = [row.cells for row in report.rows]
    if file_format == FileFormat.XLSX:
        content = register_workbook(
            report.cover,
            sheet_title=_("Sổ đăng ký văn bản đi"),
            columns=REGISTER_COLUMNS,
            widths=REGISTER_WIDTHS,
            rows=rows,
        )
    else:
        content = register_pdf(
            report.cover,
            columns=REGISTER_COLUMNS,
            rows=rows,
            widths=REGISTER_PDF_WIDTHS,
            centred=REGISTER_CENTRED,
            empty=_empty(),
        )
    download = PeriodDownload(
        action=ACTION,
        report="register",
        stem=f"so-di-{report.book.pk}",
        period=Period(report.cover.date_from, report.cover.date_to),
        rows=len(rows),
        target=report.book,
    )
    return period_file(actor=actor, download=download, content=content, file_format=file_format)


def postal_file(
    *,
    actor: User,
    file_format: FileFormat,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    year: int | None = None,
) -> ReportFile:
    """Return the postal dispatch book of a period (one year), as XLSX or PDF."""
    book = postal_book(actor=actor, date_from=date_from, date_to=date_to, year=year)
    cover = postal_cover(book)
    rows = [row.cells for row in book.rows]
    if file_format == FileFormat.XLSX:
        content = register_workbook(
            cover,
            sheet_title=_("Sổ gửi bưu điện"),
            columns=POSTAL_COLUMNS,
            widths=POSTAL_WIDTHS,
            rows=rows,
        )
    else:
        content = register_pdf(
            cover,
            columns=POSTAL_COLUMNS,
            rows=rows,
            widths=POSTAL_PDF_WIDTHS,
            centred=POSTAL_CENTRED,
            empty=_empty(),
        )
    download = PeriodDownload(
        action=ACTION,
        report="postal_book",
        stem="so-gui-buu-dien",
        period=book.period,
        rows=len(rows),
        target=book.agency,
    )
    return period_file(actor=actor, download=download, content=content, file_format=file_format)


def status_file(
    *,
    actor: User,
    file_format: FileFormat,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    year: int | None = None,
) -> ReportFile:
    """Return the status report of the outgoing documents of a period, as XLSX or PDF."""
    report = status_report(actor=actor, date_from=date_from, date_to=date_to, year=year)
    sections = status_sections(report)
    period = period_text(report.period, today=report.today)
    if file_format == FileFormat.XLSX:
        content = sections_workbook(
            superior=report.superior,
            agency=report.agency,
            period=period,
            sections=sections,
            widths=STATUS_WIDTHS,
        )
    else:
        content = sections_pdf(
            title=status_title(),
            superior=report.superior,
            agency=report.agency,
            period=period,
            sections=sections,
        )
    download = PeriodDownload(
        action=ACTION,
        report="status",
        stem="tinh-hinh-van-ban-di",
        period=report.period,
        rows=report.issued.issued,
        target=actor.agency,
    )
    return period_file(actor=actor, download=download, content=content, file_format=file_format)
