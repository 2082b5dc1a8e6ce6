"""Build an outgoing register or report for the actor and record the download.

Used by the API and the UI alike through one call, ``report_file(builder, ask)``: the builder
reads through the scoped selectors for the asked period, the file is written in the asked
format (XLSX or PDF), then ``outgoing.report_downloaded`` is recorded (Annex VI asks for access
history). Files are named after the period: ``so-di-<book>-20250301-20250331.xlsx``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.documents.printing.downloads import (
    FileFormat,
    PeriodDownload,
    ReportFile,
    period_file,
)
from vanthu.documents.printing.pdf import register_pdf, sections_pdf
from vanthu.documents.printing.period import Period, period_text
from vanthu.documents.printing.register import Cover
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


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodAsk:
    """What every download asks for: who, in which format, and the period (or a whole year)."""

    actor: User
    file_format: FileFormat
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BuiltReport:
    """A report read for a period: what its download records and how each format is written."""

    download: PeriodDownload
    xlsx: Callable[[], bytes]
    pdf: Callable[[], bytes]


ReportBuilder = Callable[[PeriodAsk], BuiltReport]


def report_file(build: ReportBuilder, ask: PeriodAsk) -> ReportFile:
    """Build the report asked for, write it in the asked format and record the download."""
    built = build(ask)
    write = built.xlsx if ask.file_format == FileFormat.XLSX else built.pdf
    return period_file(
        actor=ask.actor, download=built.download, content=write(), file_format=ask.file_format
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Layout:
    """How a register-like book (a cover, then one table) is laid out in XLSX and PDF."""

    sheet_title: Any
    columns: Sequence[Any]
    widths: tuple[int, ...]
    pdf_widths: tuple[int, ...]
    centred: tuple[int, ...]


REGISTER_LAYOUT = _Layout(
    sheet_title=gettext_lazy("Sổ đăng ký văn bản đi"),
    columns=REGISTER_COLUMNS,
    widths=(14, 11, 42, 18, 28, 18, 8, 11, 11, 24),
    pdf_widths=(10, 8, 22, 10, 13, 10, 5, 7, 5, 10),
    centred=(1, 2, 7, 8),
)
POSTAL_LAYOUT = _Layout(
    sheet_title=gettext_lazy("Sổ gửi bưu điện"),
    columns=POSTAL_COLUMNS,
    widths=(12, 16, 48, 10, 24, 30),
    pdf_widths=(10, 14, 36, 8, 16, 16),
    centred=(1, 2, 4),
)


def _book(download: PeriodDownload, cover: Cover, layout: _Layout, rows: list[Any]) -> BuiltReport:
    return BuiltReport(
        download=download,
        xlsx=lambda: register_workbook(
            cover,
            sheet_title=str(layout.sheet_title),
            columns=layout.columns,
            widths=layout.widths,
            rows=rows,
        ),
        pdf=lambda: register_pdf(
            cover,
            columns=layout.columns,
            rows=rows,
            widths=layout.pdf_widths,
            centred=layout.centred,
            empty=_("Không có văn bản đi trong thời gian này."),
        ),
    )


def register_builder(*, book_id: int, volume: int = 1) -> ReportBuilder:
    """Return the builder of the outgoing register of a book (one year at most)."""

    def build(ask: PeriodAsk) -> BuiltReport:
        report = register_report(
            actor=ask.actor,
            book_id=book_id,
            date_from=ask.date_from,
            date_to=ask.date_to,
            volume=volume,
            year=ask.year,
        )
        rows = [row.cells for row in report.rows]
        download = PeriodDownload(
            action=ACTION,
            report="register",
            stem=f"so-di-{report.book.pk}",
            period=Period(report.cover.date_from, report.cover.date_to),
            rows=len(rows),
            target=report.book,
        )
        return _book(download, report.cover, REGISTER_LAYOUT, rows)

    return build


def postal_builder(ask: PeriodAsk) -> BuiltReport:
    """Build the postal dispatch book of a period (one year at most)."""
    book = postal_book(actor=ask.actor, date_from=ask.date_from, date_to=ask.date_to, year=ask.year)
    rows = [row.cells for row in book.rows]
    download = PeriodDownload(
        action=ACTION,
        report="postal_book",
        stem="so-gui-buu-dien",
        period=book.period,
        rows=len(rows),
        target=book.agency,
    )
    return _book(download, postal_cover(book), POSTAL_LAYOUT, rows)


def status_builder(ask: PeriodAsk) -> BuiltReport:
    """Build the status report of the outgoing documents issued in a period."""
    report = status_report(
        actor=ask.actor, date_from=ask.date_from, date_to=ask.date_to, year=ask.year
    )
    sections = status_sections(report)
    period = period_text(report.period, today=report.today)
    download = PeriodDownload(
        action=ACTION,
        report="status",
        stem="tinh-hinh-van-ban-di",
        period=report.period,
        rows=report.issued.issued,
        target=ask.actor.agency,
    )
    return BuiltReport(
        download=download,
        xlsx=lambda: sections_workbook(
            superior=report.superior,
            agency=report.agency,
            period=period,
            sections=sections,
            widths=STATUS_WIDTHS,
        ),
        pdf=lambda: sections_pdf(
            title=status_title(),
            superior=report.superior,
            agency=report.agency,
            period=period,
            sections=sections,
        ),
    )
