"""Mục lục hồ sơ of the agency archive: the inventory of the dossiers it holds (Annex V form).

Columns: (1) Hộp số · (2) Hồ sơ số · (3) Số, ký hiệu hồ sơ · (4) Tiêu đề hồ sơ · (5) Thời gian
bắt đầu - kết thúc · (6) Thời hạn bảo quản · (7) Số tờ · (8) Ghi chú. The archive has no boxes
in the system yet, so "Hộp số" is left for the archivist to write; dossiers are numbered in
order of year and code. The page, header, grid and signature come from ``forms.common`` and the
footer from ``forms.inventory`` (the hand-over inventory), as on the hand-over forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency
from vanthu.archive.forms.inventory import InventorySheet, sheet_docx
from vanthu.core.dates import date_line, format_date
from vanthu.dossiers.models import Dossier

WIDTHS = (10.0, 10.0, 25.0, 46.0, 24.0, 18.0, 12.0, 20.0)
TITLE_COLUMN = 3


def holdings_columns() -> tuple[str, ...]:
    return (
        _("Hộp số"),
        _("Hồ sơ số"),
        _("Số, ký hiệu hồ sơ"),
        _("Tiêu đề hồ sơ"),
        _("Thời gian bắt đầu - kết thúc"),
        _("Thời hạn bảo quản"),
        _("Số tờ/ Số trang"),
        _("Ghi chú"),
    )


def _span(dossier: Dossier) -> str:
    start = dossier.start_date or dossier.opened_on
    end = dossier.end_date or start
    return f"{format_date(start)} - {format_date(end)}"


def _note(dossier: Dossier) -> str:
    if dossier.confidentiality:
        return str(dossier.get_confidentiality_display())
    return ""


def holdings_row(ordinal: int, dossier: Dossier) -> tuple[str, ...]:
    return (
        "",
        str(ordinal),
        dossier.code,
        dossier.title,
        _span(dossier),
        str(dossier.get_retention_display()),
        str(dossier.page_total),
        _note(dossier),
    )


def years_text(dossiers: Sequence[Dossier]) -> str:
    years = sorted({dossier.year for dossier in dossiers})
    if not years:
        return ""
    if len(years) == 1 or years[-1] - years[0] == len(years) - 1:
        return str(years[0]) if len(years) == 1 else f"{years[0]} - {years[-1]}"
    return ", ".join(map(str, years))


def holdings_sheet(
    agency: Agency, dossiers: Sequence[Dossier], *, compiler: str, day: dt.date
) -> InventorySheet:
    """Return the archive's inventory of ``dossiers`` as printed rows and totals."""
    years = years_text(dossiers)
    return InventorySheet(
        title=_("MỤC LỤC HỒ SƠ"),
        year_line=_("Năm %s") % years if years else "",
        submitter_line=_("Phông lưu trữ: %s") % agency.name,
        rows=[holdings_row(ordinal, d) for ordinal, d in enumerate(dossiers, start=1)],
        total=len(dossiers),
        page_total=sum(dossier.page_total for dossier in dossiers),
        date_line=date_line(agency.place_name, day),
        compiler=compiler,
    )


def holdings_docx(sheet: InventorySheet, agency: Agency) -> bytes:
    """Return the archive's inventory as a DOCX in the Annex V form."""
    return sheet_docx(
        sheet, agency, holdings_columns(), WIDTHS, left=(TITLE_COLUMN, TITLE_COLUMN - 1)
    )
