"""The file plan printed in the Annex V form: DOCX and PDF with the totals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from vanthu.dossiers.models import FilePlan
from vanthu.dossiers.plan_services import (
    file_plan_approve,
    file_plan_issue,
    heading_add,
    plan_item_add,
)
from vanthu.dossiers.printing import plan_docx, plan_pdf, plan_sheet
from vanthu.dossiers.tests.factories import plan_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def plan(office: Office) -> FilePlan:
    plan, heading, _item = plan_make(office.clerk)
    inner = heading_add(actor=office.clerk, plan=plan, title="Tuyển dụng", parent=heading)
    plan_item_add(
        actor=office.clerk,
        heading=inner,
        title="Hồ sơ tuyển dụng công chức",
        retention="permanent",
        responsible_user=office.specialist_a,
    )
    office_heading = heading_add(
        actor=office.clerk, plan=plan, title="Văn phòng", abbreviation="VP"
    )
    plan_item_add(actor=office.clerk, heading=office_heading, title="Sổ công văn", retention="5")
    file_plan_approve(actor=office.leader, plan=plan)
    return file_plan_issue(
        actor=office.clerk,
        plan=plan,
        decision_number="05/QĐ-SNV",
        decision_date=dt.date(2026, 1, 5),
    )


def test_rows_follow_the_headings_with_totals(plan: FilePlan, office: Office) -> None:
    sheet = plan_sheet(plan)
    assert [(row.kind, row.cells[0], row.cells[1]) for row in sheet.rows] == [
        ("large", "", "I. Tổ chức, cán bộ"),
        ("item", "01.TCCB", "Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2026"),
        ("inner", "", "1. Tuyển dụng"),
        ("item", "02.TCCB", "Hồ sơ tuyển dụng công chức"),
        ("large", "", "II. Văn phòng"),
        ("item", "03.VP", "Sổ công văn"),
    ]
    assert sheet.rows[3].cells[2:4] == ("Vĩnh viễn", office.specialist_a.full_name)
    assert (sheet.total, sheet.permanent, sheet.fixed_term) == (3, 1, 2)
    assert sheet.basis == "(Ban hành kèm theo Quyết định số 05/QĐ-SNV ngày 05/01/2026)"


def test_docx_and_pdf(plan: FilePlan) -> None:
    docx = DocxDocument(io.BytesIO(plan_docx(plan)))
    table = docx.tables[0]
    assert table.rows[0].cells[0].text == "Số và ký hiệu hồ sơ"
    first_item = [cell.text for cell in table.rows[2].cells]
    assert (first_item[0], first_item[2]) == ("01.TCCB", "20 năm")
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "có 3 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; 2 hồ sơ bảo quản có thời hạn" in text
    assert "DANH MỤC HỒ SƠ CỦA" in text
    pdf_text = PdfReader(io.BytesIO(plan_pdf(plan))).pages[0].extract_text()
    assert "DANH MỤC HỒ SƠ" in pdf_text
    assert "03.VP" in pdf_text
