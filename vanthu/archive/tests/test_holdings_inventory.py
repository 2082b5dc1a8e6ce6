"""The archive's Mục lục hồ sơ of its holdings, as DOCX and PDF from the holdings page."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.test import Client
from pypdf import PdfReader

from vanthu.accounts.models import User
from vanthu.archive.forms.holdings import years_text
from vanthu.archive.services import handover_accept, handover_submit
from vanthu.archive.tests.builders import archivist_make, dossier_make
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db
DOCX_URL = "/nop-luu/kho/muc-luc-ho-so.docx"
PDF_URL = "/nop-luu/kho/muc-luc-ho-so.pdf"


def _login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _hand_over(office: Office, archivist: User, dossiers: list[Dossier]) -> None:
    batch = handover_submit(actor=office.specialist_a, dossier_ids=[d.pk for d in dossiers])
    handover_accept(actor=archivist, handover=batch)


def _holdings(office: Office, archivist: User) -> list[Dossier]:
    dossiers = [
        dossier_make(
            office.specialist_a,
            code="02.VP",
            title="Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2024",
            retention=Retention.Y20,
            dates=(dt.date(2024, 3, 1), dt.date(2024, 10, 2)),
            pages=4,
        ),
        dossier_make(
            office.specialist_a,
            code="01.TCCB",
            title="Hồ sơ tuyển dụng công chức năm 2023",
            retention=Retention.PERMANENT,
            dates=(dt.date(2023, 5, 10),),
            pages=7,
        ),
    ]
    _hand_over(office, archivist, dossiers)
    # Closed but not handed over: not in the archive's list.
    dossier_make(office.specialist_a, code="03.VP", title="Hồ sơ còn ở đơn vị")
    return dossiers


def _read(content: bytes) -> tuple[str, list[list[str]]]:
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    grid = document.tables[-2]  # the header table, the list, then the signature
    return text, [[cell.text for cell in row.cells] for row in grid.rows]


def test_docx_lists_the_holdings_in_the_annex_v_columns(office: Office, archivist: User) -> None:
    _holdings(office, archivist)
    response = _login(archivist).get(DOCX_URL)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('muc-luc-ho-so.docx"')
    text, rows = _read(response.content)
    assert "MỤC LỤC HỒ SƠ" in text
    assert "Năm 2023 - 2024" in text
    assert f"Phông lưu trữ: {office.agency.name}" in text
    assert "Mục lục này gồm: 2 hồ sơ (đơn vị bảo quản). Viết bằng chữ: Hai hồ sơ" in text
    assert rows[0] == [
        "Hộp số",
        "Hồ sơ số",
        "Số, ký hiệu hồ sơ",
        "Tiêu đề hồ sơ",
        "Thời gian bắt đầu - kết thúc",
        "Thời hạn bảo quản",
        "Số tờ/ Số trang",
        "Ghi chú",
    ]
    assert rows[1] == [f"({n})" for n in range(1, 9)]
    assert rows[2] == [
        "",
        "1",
        "01.TCCB",
        "Hồ sơ tuyển dụng công chức năm 2023",
        "10/05/2023 - 10/05/2023",
        "Vĩnh viễn",
        "7",
        "",
    ]
    assert rows[3][2:7] == [
        "02.VP",
        "Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2024",
        "01/03/2024 - 02/10/2024",
        "20 năm",
        "8",
    ]
    assert len(rows) == 4  # the dossier still with the unit is not listed
    assert archivist.full_name in _signature(response.content)
    event = AuditEvent.objects.get(action="archive.form_downloaded")
    assert event.actor == archivist
    assert event.data == {"form": "holdings", "format": "docx", "year": None, "dossiers": 2}


def _signature(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(cell.text for row in document.tables[-1].rows for cell in row.cells)


def test_year_filter_and_pdf(office: Office, archivist: User) -> None:
    _holdings(office, archivist)
    client = _login(office.leader)
    _text, rows = _read(client.get(DOCX_URL, {"year": "2024"}).content)
    assert [row[2] for row in rows[2:]] == ["02.VP"]
    response = client.get(PDF_URL)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "MỤC LỤC HỒ SƠ" in text
    assert "01.TCCB" in text and "02.VP" in text and "03.VP" not in text


def test_holdings_page_offers_both_files(office: Office, archivist: User) -> None:
    _holdings(office, archivist)
    html = _login(archivist).get("/nop-luu/kho/").content.decode()
    assert DOCX_URL in html and PDF_URL in html


def test_refused_to_specialists_and_never_another_agency(
    office: Office, archivist: User, other_office: Office
) -> None:
    _holdings(office, archivist)
    assert _login(office.specialist_a).get(DOCX_URL).status_code == 403
    other_archivist = archivist_make(other_office)
    _text, rows = _read(_login(other_archivist).get(DOCX_URL).content)
    assert len(rows) == 2  # the column titles and numbers only
    assert _login(office.leader).get(DOCX_URL, {"year": "20x4"}).status_code == 302


def test_years_text() -> None:
    assert years_text([]) == ""
    made = [Dossier(year=year) for year in (2021, 2023, 2022)]
    assert years_text(made) == "2021 - 2023"
    assert years_text([Dossier(year=2020), Dossier(year=2024)]) == "2020, 2024"
    assert years_text([Dossier(year=2020)]) == "2020"
