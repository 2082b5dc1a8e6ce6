"""The import screens: upload → columns and preview → dry run → import; who may use them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_import_service import row
from vanthu.incoming.tests.test_import_support import xlsx_bytes

pytestmark = [pytest.mark.django_db]

BASE = "/van-ban-den/nhap-so/"


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path


def upload(client: Client, office: Office, content: bytes | None = None) -> Any:
    file = SimpleUploadedFile("so-den-2020.xlsx", content or xlsx_bytes())
    return client.post(BASE, {"file": file, "year": 2020, "book": office.book.pk, "sheet": ""})


def test_the_whole_path_as_a_clerk(client: Client, office: Office, tmp_path: Path) -> None:
    client.force_login(office.clerk)
    assert client.get(BASE).status_code == 200
    response = upload(client, office)
    assert response.status_code == 302
    mapping_url = response["Location"]
    token = mapping_url.split("/")[-3]
    page = client.get(mapping_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2020" in html
    assert 'value="B" selected' in html  # Số đến found in column B
    choices = {
        "ngay_den": "A",
        "so_den": "B",
        "tac_gia": "C",
        "so_ky_hieu": "D",
        "ngay_van_ban": "E",
        "trich_yeu": "F",
        "don_vi_nhan": "G",
        "ghi_chu": "J",
    }
    response = client.post(mapping_url, choices)
    assert response.status_code == 302
    report = client.get(response["Location"])
    assert report.status_code == 200
    assert "Kết quả kiểm tra thử" in report.content.decode()
    assert report.context["report"].to_create == 3
    assert not IncomingRecord.objects.exists()
    done = client.post(f"{BASE}{token}/nhap/")
    assert done.status_code == 200
    assert "Đã ghi 3 văn bản vào sổ." in done.content.decode()
    assert IncomingRecord.objects.filter(agency=office.agency).count() == 3
    assert not (tmp_path / "imports" / f"{token}.xlsx").exists()
    assert client.get(mapping_url).status_code == 404


def test_row_errors_are_listed_and_nothing_is_written(client: Client, office: Office) -> None:
    client.force_login(office.clerk)
    mapping_url = upload(client, office, xlsx_bytes([row(1), row(2, c1="hai")]))["Location"]
    token = mapping_url.split("/")[-3]
    report = client.get(f"{BASE}{token}/kiem-tra/")
    html = report.content.decode()
    assert "Số đến phải là một số nguyên dương." in html
    assert "hai" in html
    refused = client.post(f"{BASE}{token}/nhap/")
    assert "Chưa ghi dòng nào" in refused.content.decode()
    assert not IncomingRecord.objects.exists()
    skipped = client.post(f"{BASE}{token}/nhap/", {"skip_invalid": "on"})
    assert "Đã ghi 1 văn bản vào sổ." in skipped.content.decode()


def test_a_file_without_headings_is_refused_on_the_form(client: Client, office: Office) -> None:
    client.force_login(office.clerk)
    response = upload(client, office, xlsx_bytes(headings=("a", "b"), title=False))
    assert response.status_code == 200
    assert "Không tìm thấy dòng tiêu đề" in response.content.decode()


def test_a_specialist_is_refused(client: Client, office: Office) -> None:
    client.force_login(office.specialist_a)
    assert client.get(BASE).status_code == 403
    assert upload(client, office).status_code == 403


def test_another_agency_cannot_use_a_clerks_upload(
    client: Client, office: Office, other_office: Office
) -> None:
    client.force_login(office.clerk)
    mapping_url = upload(client, office)["Location"]
    token = mapping_url.split("/")[-3]
    other = Client()
    other.force_login(other_office.clerk)
    assert other.get(mapping_url).status_code == 404
    assert other.post(f"{BASE}{token}/nhap/").status_code == 404
    # Nor can they pick the first agency's book.
    response = upload(other, office)
    assert response.status_code == 200
    assert response.context["form"].errors["book"]
    assert not IncomingRecord.objects.exists()


def test_anonymous_users_are_sent_to_login(client: Client) -> None:
    response = client.get(BASE)
    assert response.status_code == 302
    assert "dang-nhap" in response["Location"]
