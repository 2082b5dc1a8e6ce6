"""``POST /api/v1/format-check``: any DOCX in, ``{"findings": [...]}`` out; bad files are 400."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.accounts.tests.factories import make_user
from vanthu.drafting.tests.corpus.builder import build_docx
from vanthu.drafting.tests.corpus.documents import cong_van

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def url() -> str:
    return "/api/v1/format-check"


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(make_user())
    return client


def _upload(data: bytes, name: str = "van_ban.docx") -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, data)}


def test_a_correct_document_answers_an_empty_list(client: Client, url: str) -> None:
    response = client.post(url, _upload(build_docx(cong_van())))
    assert response.status_code == 200
    assert response.json() == {"findings": []}


def test_findings_carry_component_rule_severity_message_and_fix(client: Client, url: str) -> None:
    spec = cong_van()
    spec.date = "Kiên Giang, ngày 21 tháng 09 năm 2026"
    response = client.post(url, _upload(build_docx(spec)))
    assert response.status_code == 200
    assert response.json()["findings"] == [
        {
            "component": "date_line",
            "rule": "month_padding",
            "severity": "error",
            "message": "Địa danh và thời gian ban hành: tháng “09” phải ghi “9” (chỉ tháng 1, 2 "
            "có số 0 phía trước).",
            "fix": "Sửa thành “tháng 9”.",
            "autofixable": True,
        }
    ]


@pytest.mark.parametrize("data", [b"not a docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64])
def test_a_file_that_is_not_a_docx_answers_400_invalid_docx(
    client: Client, url: str, data: bytes
) -> None:
    response = client.post(url, _upload(data))
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_docx"
    assert "DOCX" in body["message"] or "mật khẩu" in body["message"]


def test_an_empty_file_and_a_missing_field_are_refused(client: Client, url: str) -> None:
    assert client.post(url, _upload(b"")).status_code == 400
    response = client.post(url, {})
    assert response.status_code in {400, 422}


def test_anonymous_requests_answer_401(url: str) -> None:
    response = Client().post(url, _upload(build_docx(cong_van())))
    assert response.status_code == 401
