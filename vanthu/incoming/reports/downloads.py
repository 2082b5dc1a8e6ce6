"""Build a printable file for the actor and record the download in the audit trail.

Used by the API and the UI alike: each function reads through the scoped selectors, builds
the file, then records ``incoming.report_downloaded`` (Annex VI asks for access history).
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from vanthu.accounts.models import User
from vanthu.documents.printing.downloads import (
    MEDIA_TYPES,
    FileFormat,
    PeriodDownload,
    ReportFile,
    period_file,
)
from vanthu.documents.printing.downloads import report_downloaded as shared_report_downloaded
from vanthu.documents.printing.pdf import PDF_MEDIA_TYPE
from vanthu.documents.printing.period import Period
from vanthu.incoming.reports.access import record_for
from vanthu.incoming.reports.handling import handling_report
from vanthu.incoming.reports.pdf import handling_pdf, register_pdf, slip_pdf, stamp_pdf
from vanthu.incoming.reports.register import register_report
from vanthu.incoming.reports.slip import slip_of
from vanthu.incoming.reports.stamp import stamp_of
from vanthu.incoming.reports.xlsx_handling import handling_xlsx
from vanthu.incoming.reports.xlsx_register import register_xlsx

__all__ = [
    "MEDIA_TYPES",
    "FileFormat",
    "ReportFile",
    "handling_file",
    "register_file",
    "slip_file",
    "stamp_file",
]
ACTION = "incoming.report_downloaded"


def report_downloaded(*, actor: User, report: str, target: models.Model | None) -> None:
    """Record that ``actor`` downloaded the PDF ``report`` about ``target``."""
    shared_report_downloaded(
        action=ACTION, actor=actor, report=report, target=target, data={"format": "pdf"}
    )


def register_file(
    *,
    actor: User,
    book_id: int,
    file_format: FileFormat,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    volume: int = 1,
) -> ReportFile:
    """Return the incoming register of a book for a period, as XLSX or PDF."""
    report = register_report(
        actor=actor, book_id=book_id, date_from=date_from, date_to=date_to, volume=volume
    )
    build = register_xlsx if file_format == FileFormat.XLSX else register_pdf
    download = PeriodDownload(
        action=ACTION,
        report="register",
        stem=f"so-den-{report.book.pk}",
        period=Period(report.cover.date_from, report.cover.date_to),
        rows=len(report.rows),
        target=report.book,
    )
    return period_file(
        actor=actor, download=download, content=build(report), file_format=file_format
    )


def handling_file(
    *,
    actor: User,
    file_format: FileFormat,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> ReportFile:
    """Return the handling report and follow-up book for a period, as XLSX or PDF."""
    report = handling_report(actor=actor, date_from=date_from, date_to=date_to)
    build = handling_xlsx if file_format == FileFormat.XLSX else handling_pdf
    download = PeriodDownload(
        action=ACTION,
        report="handling",
        stem="giai-quyet-den",
        period=report.period,
        rows=len(report.rows),
        target=actor.agency,
    )
    return period_file(
        actor=actor, download=download, content=build(report), file_format=file_format
    )


def slip_file(*, actor: User, incoming_id: int) -> ReportFile:
    """Return the handling slip of one record as PDF."""
    incoming = record_for(actor=actor, pk=incoming_id)
    content = slip_pdf(slip_of(incoming))
    report_downloaded(actor=actor, report="slip", target=incoming)
    name = f"phieu-giai-quyet-{incoming.arrival_year}-{incoming.arrival_number:02d}.pdf"
    return ReportFile(content, name, PDF_MEDIA_TYPE)


def stamp_file(*, actor: User, incoming_id: int) -> ReportFile:
    """Return the "ĐẾN" stamp label of one record as PDF."""
    incoming = record_for(actor=actor, pk=incoming_id)
    content = stamp_pdf(stamp_of(incoming))
    report_downloaded(actor=actor, report="stamp", target=incoming)
    name = f"dau-den-{incoming.arrival_year}-{incoming.arrival_number:02d}.pdf"
    return ReportFile(content, name, PDF_MEDIA_TYPE)
