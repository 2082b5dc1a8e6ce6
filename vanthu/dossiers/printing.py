"""The file plan printed in the Annex V form (DOCX with python-docx, PDF with WeasyPrint).

Columns (domain.md §3.1): (1) Số và ký hiệu hồ sơ · (2) Tên đề mục và tiêu đề hồ sơ ·
(3) Thời hạn bảo quản · (4) Người lập hồ sơ · (5) Ghi chú; footer: the number of dossiers, of
which permanent and fixed-term.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.core.dates import format_date
from vanthu.dossiers.enums import is_permanent
from vanthu.dossiers.models import FilePlan, FilePlanItem
from vanthu.dossiers.selectors import plan_items_of

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One printed row: a heading (``kind`` large/inner) or an item."""

    kind: str
    cells: tuple[str, str, str, str, str]


@dataclass(frozen=True, slots=True)
class PlanSheet:
    title: str
    agency: str
    basis: str
    rows: list[PlanRow]
    total: int
    permanent: int

    @property
    def fixed_term(self) -> int:
        return self.total - self.permanent

    @property
    def footer(self) -> str:
        return _(
            "Bản danh mục hồ sơ này có %(total)d hồ sơ, bao gồm: %(perm)d hồ sơ bảo quản "
            "vĩnh viễn; %(fixed)d hồ sơ bảo quản có thời hạn."
        ) % {"total": self.total, "perm": self.permanent, "fixed": self.fixed_term}


def _person(item: FilePlanItem) -> str:
    if item.responsible_user is not None:
        return item.responsible_user.full_name or item.responsible_user.get_username()
    return item.responsible_unit.name if item.responsible_unit is not None else ""


def plan_sheet(plan: FilePlan) -> PlanSheet:
    """Return the plan as printed rows: each heading followed by its items, in plan order."""
    items = list(plan_items_of(plan))
    headings = list(plan.headings.order_by("number"))
    rows: list[PlanRow] = []
    for top in (h for h in headings if h.parent_id is None):
        rows.append(PlanRow("large", ("", f"{top.label} {top.title}", "", "", "")))
        for inner in [top, *(h for h in headings if h.parent_id == top.pk)]:
            if inner is not top:
                rows.append(PlanRow("inner", ("", f"{inner.label} {inner.title}", "", "", "")))
            for item in (i for i in items if i.heading_id == inner.pk):
                cells = (item.code, item.title, item.get_retention_display(), _person(item))
                rows.append(PlanRow("item", (*cells, item.note)))
    basis = ""
    if plan.decision_number and plan.decision_date:
        basis = _("(Ban hành kèm theo Quyết định số %(number)s ngày %(date)s)") % {
            "number": plan.decision_number,
            "date": format_date(plan.decision_date),
        }
    return PlanSheet(
        title=_("DANH MỤC HỒ SƠ CỦA %(agency)s NĂM %(year)d")
        % {"agency": plan.agency.name.upper(), "year": plan.year},
        agency=plan.agency.name.upper(),
        basis=basis,
        rows=rows,
        total=len(items),
        permanent=sum(1 for item in items if is_permanent(item.retention)),
    )


COLUMNS = (
    _("Số và ký hiệu hồ sơ"),
    _("Tên đề mục và tiêu đề hồ sơ"),
    _("Thời hạn bảo quản"),
    _("Người lập hồ sơ"),
    _("Ghi chú"),
)


def plan_docx(plan: FilePlan) -> bytes:
    """Return the plan as a DOCX in the Annex V form."""
    sheet = plan_sheet(plan)
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for text, bold in ((sheet.agency, True), (sheet.title, True), (sheet.basis, False)):
        if text:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(text).bold = bold
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = str(title)
    for row in sheet.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row.cells, strict=True):
            run = cell.paragraphs[0].add_run(value)
            run.bold = row.kind == "large"
            run.italic = row.kind == "inner"
    doc.add_paragraph(sheet.footer)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def plan_pdf(plan: FilePlan) -> bytes:
    """Return the plan as a PDF in the Annex V form."""
    sheet = plan_sheet(plan)
    html = render_to_string("dossiers/file_plan.html", {"sheet": sheet, "columns": COLUMNS})
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
