"""The filing compliance report as an XLSX workbook (one sheet per unit list and person list)
or a PDF (one page for each); every download is audited."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.archive.reports import ComplianceReport, ComplianceRow, filing_compliance
from vanthu.core.dates import format_date
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.printing.downloads import (
    FileFormat,
    PeriodDownload,
    ReportFile,
    period_file,
)
from vanthu.documents.printing.pdf import sections_pdf
from vanthu.documents.printing.period import period_text
from vanthu.documents.printing.register import agency_header
from vanthu.documents.printing.tables import ReportSection, ReportTable
from vanthu.documents.printing.xlsx import sections_workbook

WIDTHS = (34.0, 26.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 14.0)


def _columns(first: str) -> list[str]:
    return [
        first,
        _("Đơn vị"),
        _("Văn bản đã giải quyết"),
        _("Đã lập hồ sơ"),
        _("Chưa lập hồ sơ"),
        _("Tỷ lệ lập hồ sơ (%)"),
        _("Hồ sơ mở trong năm"),
        _("Hồ sơ kết thúc trong năm"),
        _("Hồ sơ quá hạn nộp lưu"),
    ]


def _cells(row: ComplianceRow) -> list[object]:
    return [
        row.name,
        row.unit,
        row.handled,
        row.filed,
        row.unfiled,
        row.filed_percent,
        row.opened,
        row.closed,
        row.overdue,
    ]


def compliance_sections(report: ComplianceReport) -> list[ReportSection]:
    """Return the report as two sections: per unit, then per person."""
    return [
        ReportSection(
            title=_("TÌNH HÌNH LẬP HỒ SƠ VÀ NỘP LƯU THEO ĐƠN VỊ"),
            sheet=_("Theo đơn vị"),
            tables=[
                ReportTable(
                    columns=_columns(_("Đơn vị")),
                    rows=[_cells(row) for row in report.units],
                    empty=_("Không có số liệu."),
                    numeric=True,
                )
            ],
        ),
        ReportSection(
            title=_("TÌNH HÌNH LẬP HỒ SƠ VÀ NỘP LƯU THEO CÁ NHÂN"),
            sheet=_("Theo cá nhân"),
            tables=[
                ReportTable(
                    columns=_columns(_("Họ và tên")),
                    rows=[_cells(row) for row in report.people],
                    empty=_("Không có số liệu."),
                    numeric=True,
                )
            ],
        ),
    ]


def compliance_period(report: ComplianceReport) -> str:
    """Return "Năm 2026 (…)" for a whole year, else "Từ ngày … đến ngày … (…)"."""
    if report.whole_year:
        return _("Năm %(year)d (số liệu quá hạn nộp lưu tính đến ngày %(day)s)") % {
            "year": report.year,
            "day": format_date(report.on),
        }
    return period_text(report.period, today=report.on)


def compliance_xlsx(report: ComplianceReport, agency: Agency) -> bytes:
    """Return ``report`` as .xlsx bytes."""
    superior, name = agency_header(agency)
    return sections_workbook(
        superior=superior,
        agency=name,
        period=compliance_period(report),
        sections=compliance_sections(report),
        widths=WIDTHS,
    )


def compliance_pdf(report: ComplianceReport, agency: Agency) -> bytes:
    """Return ``report`` as PDF bytes (one page per section)."""
    superior, name = agency_header(agency)
    return sections_pdf(
        title=_("BÁO CÁO TÌNH HÌNH LẬP HỒ SƠ VÀ NỘP LƯU HỒ SƠ VÀO LƯU TRỮ CƠ QUAN"),
        superior=superior,
        agency=name,
        period=compliance_period(report),
        sections=compliance_sections(report),
    )


def compliance_file(
    *,
    actor: User,
    file_format: FileFormat,
    year: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> ReportFile:
    """Return the actor's report of a year or a period as XLSX or PDF (audited)."""
    report = filing_compliance(actor=actor, year=year, date_from=date_from, date_to=date_to)
    agency = actor.agency
    if agency is None:  # filing_compliance already refused such an actor
        raise PermissionDeniedError
    build = compliance_xlsx if file_format == FileFormat.XLSX else compliance_pdf
    download = PeriodDownload(
        action="archive.report_downloaded",
        report="filing_compliance",
        stem="lap-ho-so-nop-luu",
        period=report.period,
        rows=len(report.people),
        target=agency,
    )
    return period_file(
        actor=actor, download=download, content=build(report, agency), file_format=file_format
    )
