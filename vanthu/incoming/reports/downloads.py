"""Build a printable file for the actor and record the download in the audit trail.

Used by the API and the UI alike: each function reads through the scoped selectors, builds
the file, then records ``incoming.report_downloaded`` (Annex VI asks for access history).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.incoming.reports.access import record_for
from vanthu.incoming.reports.handling import handling_report
from vanthu.incoming.reports.pdf import (
    PDF_MEDIA_TYPE,
    handling_pdf,
    register_pdf,
    slip_pdf,
    stamp_pdf,
)
from vanthu.incoming.reports.register import register_report
from vanthu.incoming.reports.slip import slip_of
from vanthu.incoming.reports.stamp import stamp_of
from vanthu.incoming.reports.xlsx_base import XLSX_MEDIA_TYPE
from vanthu.incoming.reports.xlsx_handling import handling_xlsx
from vanthu.incoming.reports.xlsx_register import register_xlsx


class FileFormat(enum.StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"


MEDIA_TYPES = {FileFormat.XLSX: XLSX_MEDIA_TYPE, FileFormat.PDF: PDF_MEDIA_TYPE}


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A generated file to send: its bytes, its file name and its media type."""

    content: bytes
    filename: str
    media_type: str


def report_downloaded(
    *, actor: User, report: str, target: models.Model | None, data: dict[str, Any]
) -> None:
    """Record that ``actor`` downloaded ``report`` (about ``target``)."""
    with transaction.atomic():
        record(
            action="incoming.report_downloaded",
            actor=actor,
            target=target,
            data={"report": report, **data},
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
    cover = report.cover
    return _period_file(
        actor=actor,
        report="register",
        target=report.book,
        content=build(report),
        file_format=file_format,
        stem=f"so-den-{report.book.pk}",
        period=(cover.date_from, cover.date_to),
        rows=len(report.rows),
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
    period = report.period
    return _period_file(
        actor=actor,
        report="handling",
        target=actor.agency,
        content=build(report),
        file_format=file_format,
        stem="giai-quyet-den",
        period=(period.date_from, period.date_to),
        rows=len(report.rows),
    )


def _period_file(
    *,
    actor: User,
    report: str,
    target: models.Model | None,
    content: bytes,
    file_format: FileFormat,
    stem: str,
    period: tuple[dt.date, dt.date],
    rows: int,
) -> ReportFile:
    """Record the download of a report over a period and name its file after the period."""
    date_from, date_to = period
    report_downloaded(
        actor=actor,
        report=report,
        target=target,
        data={
            "format": file_format.value,
            "date_from": date_from,
            "date_to": date_to,
            "rows": rows,
        },
    )
    name = f"{stem}-{date_from:%Y%m%d}-{date_to:%Y%m%d}"
    return ReportFile(content, f"{name}.{file_format.value}", MEDIA_TYPES[file_format])


def slip_file(*, actor: User, incoming_id: int) -> ReportFile:
    """Return the handling slip of one record as PDF."""
    incoming = record_for(actor=actor, pk=incoming_id)
    content = slip_pdf(slip_of(incoming))
    report_downloaded(actor=actor, report="slip", target=incoming, data={"format": "pdf"})
    name = f"phieu-giai-quyet-{incoming.arrival_year}-{incoming.arrival_number:02d}.pdf"
    return ReportFile(content, name, PDF_MEDIA_TYPE)


def stamp_file(*, actor: User, incoming_id: int) -> ReportFile:
    """Return the "ĐẾN" stamp label of one record as PDF."""
    incoming = record_for(actor=actor, pk=incoming_id)
    content = stamp_pdf(stamp_of(incoming))
    report_downloaded(actor=actor, report="stamp", target=incoming, data={"format": "pdf"})
    name = f"dau-den-{incoming.arrival_year}-{incoming.arrival_number:02d}.pdf"
    return ReportFile(content, name, PDF_MEDIA_TYPE)
