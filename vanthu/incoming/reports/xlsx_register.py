"""The "Sổ đăng ký văn bản đến" as an XLSX workbook: a cover sheet and the register sheet."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vanthu.documents.printing.xlsx import register_workbook
from vanthu.incoming.reports.register import REGISTER_COLUMNS, RegisterReport

REGISTER_WIDTHS = (11, 8, 24, 16, 11, 42, 26, 11, 11, 24)


def register_xlsx(report: RegisterReport) -> bytes:
    """Return the register as .xlsx bytes."""
    return register_workbook(
        report.cover,
        sheet_title=_("Sổ đăng ký văn bản đến"),
        columns=REGISTER_COLUMNS,
        widths=REGISTER_WIDTHS,
        rows=[(row.cells[0], row.number, *row.cells[2:]) for row in report.rows],
        number_column=2,
    )
