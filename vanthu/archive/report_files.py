"""The filing compliance report as an XLSX workbook (one sheet per unit list and person list);
every download is audited."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.archive.reports import ComplianceReport, ComplianceRow, filing_compliance
from vanthu.audit.services import record
from vanthu.core.dates import format_date
from vanthu.core.errors import PermissionDeniedError
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


def compliance_xlsx(report: ComplianceReport, agency: Agency) -> bytes:
    """Return ``report`` as .xlsx bytes."""
    sections = [
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
    superior = agency.superior.name.upper() if agency.superior is not None else ""
    period = _("Năm %(year)d (số liệu quá hạn nộp lưu tính đến ngày %(day)s)") % {
        "year": report.year,
        "day": format_date(report.on),
    }
    return sections_workbook(
        superior=superior,
        agency=agency.name.upper(),
        period=period,
        sections=sections,
        widths=WIDTHS,
    )


def compliance_download(*, actor: User, year: int) -> tuple[bytes, str]:
    """Return the workbook of the actor's report and its file name (audited)."""
    report = filing_compliance(actor=actor, year=year)
    agency = actor.agency
    if agency is None:  # filing_compliance already refused such an actor
        raise PermissionDeniedError
    content = compliance_xlsx(report, agency)
    with transaction.atomic():
        record(
            action="archive.report_downloaded",
            actor=actor,
            data={"report": "filing_compliance", "year": year},
        )
    return content, f"lap-ho-so-nop-luu-{year}.xlsx"
