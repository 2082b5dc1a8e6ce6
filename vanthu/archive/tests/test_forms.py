"""The Annex V forms read back: columns, rows, totals in digits and words, signatures."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.shared import Length
from pypdf import PdfReader

from vanthu.accounts.models import User
from vanthu.archive.forms.inventory import inventory_docx
from vanthu.archive.forms.minutes import minutes_docx
from vanthu.archive.forms.output import FormFormat, FormKind, form_file
from vanthu.archive.forms.words import number_words
from vanthu.archive.models import Handover
from vanthu.archive.services import handover_accept, handover_submit
from vanthu.archive.tests.builders import dossier_make
from vanthu.dossiers.enums import Retention
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> tuple[str, list[list[list[str]]]]:
    doc = docx.Document(io.BytesIO(content))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


def _batch(office: Office) -> Handover:
    dossiers = [
        dossier_make(
            office.specialist_a,
            code="01.TCCB",
            title="Hồ sơ tuyển dụng công chức năm 2025",
            retention=Retention.PERMANENT,
            dates=(dt.date(2025, 1, 5), dt.date(2025, 11, 20)),
            pages=4,
        ),
        dossier_make(
            office.specialist_a,
            code="02.TCCB",
            title="Hồ sơ kiểm tra công tác văn thư, lưu trữ",
            retention=Retention.Y10,
            dates=(dt.date(2025, 3, 10), dt.date(2025, 9, 21), dt.date(2025, 10, 2)),
            pages=2,
        ),
    ]
    return handover_submit(actor=office.specialist_a, dossier_ids=[d.pk for d in dossiers])


def test_forms_use_times_new_roman_on_a4(office: Office) -> None:
    document = docx.Document(io.BytesIO(inventory_docx(_batch(office))))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin)
    assert [round(Length(size or 0).mm) for size in sizes] == [210, 297, 30]
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text
    ]
    assert runs and all(run.font.name == "Times New Roman" for run in runs)


def test_number_words() -> None:
    assert number_words(21) == "hai mươi mốt"
    assert number_words(105) == "một trăm linh năm"
    assert number_words(1015) == "một nghìn không trăm mười lăm"


def test_inventory_columns_rows_totals_and_signature(office: Office) -> None:
    handover = _batch(office)
    paragraphs, tables = _text(inventory_docx(handover))
    header = tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in header[0][1]
    assert office.agency.name.upper() in header[0][0]
    assert office.unit_a.name.upper() in header[0][0]
    assert "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU" in paragraphs
    grid = tables[1]
    assert grid[0] == [
        "Số TT",
        "Số, ký hiệu hồ sơ",
        "Tiêu đề hồ sơ",
        "Thời gian tài liệu",
        "Thời hạn bảo quản",
        "Số tờ/ Số trang",
        "Ghi chú",
    ]
    assert grid[1] == [f"({n})" for n in range(1, 8)]
    assert grid[2] == [
        "1",
        "01.TCCB",
        "Hồ sơ tuyển dụng công chức năm 2025",
        "05/01/2025 - 20/11/2025",
        "Vĩnh viễn",
        "8",
        "",
    ]
    assert grid[3][1] == "02.TCCB" and grid[3][4] == "10 năm" and grid[3][5] == "6"
    assert len(grid) == 4
    assert (
        "Mục lục này gồm: 2 hồ sơ (đơn vị bảo quản). Viết bằng chữ: Hai hồ sơ (đơn vị bảo quản)."
        in paragraphs
    )
    assert "Tổng số trang tài liệu: 14." in paragraphs
    signature = tables[2][0][1]
    assert "NGƯỜI LẬP" in signature and "(Ký, ghi rõ họ tên, chức vụ)" in signature
    assert office.specialist_a.full_name in signature
    assert f"{office.agency.place_name}, ngày " in signature


def test_minutes_parties_quantities_and_both_signatures(office: Office, archivist: User) -> None:
    handover = handover_accept(actor=archivist, handover=_batch(office), note="")
    paragraphs, tables = _text(minutes_docx(handover, on=dt.date(2026, 3, 5)))
    assert "BIÊN BẢN" in paragraphs
    assert "Về việc giao nhận hồ sơ, tài liệu nộp lưu" in paragraphs
    assert "Căn cứ Nghị định số 30/2020/NĐ-CP" in paragraphs
    assert "Căn cứ Danh mục hồ sơ năm 2025" in paragraphs
    assert "Hôm nay, ngày 05 tháng 3 năm 2026" in paragraphs
    assert f"BÊN GIAO: {office.unit_a.name} ({office.specialist_a.full_name})" in paragraphs
    assert f"BÊN NHẬN: Lưu trữ cơ quan {office.agency.name}" in paragraphs
    assert "Ông (Bà): Trần Thị Lưu - Chức vụ công tác: Lưu trữ viên" in paragraphs
    assert "2. Thời gian của tài liệu: từ 05/01/2025 đến 20/11/2025." in paragraphs
    assert (
        "3. Số lượng tài liệu: tổng số hồ sơ (đơn vị bảo quản): 2 (hai); tổng số tệp tin "
        "(văn bản) trong hồ sơ: 5; tổng số trang: 14."
    ) in paragraphs
    assert "5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo." in paragraphs
    signatures = tables[-1][0]
    assert "ĐẠI DIỆN BÊN GIAO" in signatures[0] and office.specialist_a.full_name in signatures[0]
    assert "ĐẠI DIỆN BÊN NHẬN" in signatures[1] and "Trần Thị Lưu" in signatures[1]


def test_stored_forms_convert_to_pdf(office: Office, archivist: User) -> None:
    handover = handover_accept(actor=archivist, handover=_batch(office))
    inventory = form_file(handover, FormKind.INVENTORY, FormFormat.PDF)
    minutes = form_file(handover, FormKind.MINUTES, FormFormat.PDF)
    assert inventory.media_type == "application/pdf" and inventory.filename.endswith(".pdf")
    inventory_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(inventory.content)).pages
    )
    minutes_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(minutes.content)).pages
    )
    assert "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU" in inventory_text
    assert "01.TCCB" in inventory_text and "Hai hồ sơ" in inventory_text
    assert "ĐẠI DIỆN BÊN NHẬN" in minutes_text and "Trần Thị Lưu" in minutes_text
