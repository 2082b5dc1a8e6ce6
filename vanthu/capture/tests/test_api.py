"""``POST /api/v1/capture/extract`` and the capture jobs API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.capture.extract import FIELDS
from vanthu.capture.tests.conftest import CORRUPT_PDF, DATA, wrong_fields

pytestmark = [pytest.mark.django_db]
EXTRACT = "/api/v1/capture/extract"
JOBS = "/api/v1/capture/jobs"


def _file(name: str, data: bytes | None = None) -> dict[str, SimpleUploadedFile]:
    content = data if data is not None else (DATA / name).read_bytes()
    return {"file": SimpleUploadedFile(name, content)}


@pytest.fixture
def client(clerk: User) -> Client:
    client = Client()
    client.force_login(clerk)
    return client


def test_extract_answers_the_proposals(client: Client, truth: dict[str, Any]) -> None:
    response = client.post(EXTRACT, _file("cong-van.pdf"))
    assert response.status_code == 200
    body = response.json()
    assert list(body) == list(FIELDS)
    assert wrong_fields(body, truth["cong-van.pdf"]) == []


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("hong.pdf", CORRUPT_PDF, 400, "capture_corrupt"),
        ("ghi-chu.txt", "văn bản thuần".encode(), 415, "capture_unsupported_type"),
        ("rong.pdf", b"", 400, "upload_empty"),
    ],
)
def test_bad_files_answer_the_error_format(
    client: Client, name: str, data: bytes, status: int, code: str
) -> None:
    response = client.post(EXTRACT, _file(name, data))
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code
    assert body["message"] and set(body) == {"code", "message", "fields"}


@override_settings(VANTHU_MAX_UPLOAD_BYTES=1000)
def test_a_file_over_the_limit_is_413(client: Client) -> None:
    response = client.post(EXTRACT, _file("cong-van.pdf"))
    assert response.status_code == 413
    assert response.json()["code"] == "upload_too_large"


def test_anonymous_callers_are_refused(db: None) -> None:
    assert Client().post(EXTRACT, _file("cong-van.pdf")).status_code == 401


def test_a_clerk_uploads_a_file_and_follows_its_job(
    client: Client,
    agency: Agency,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOBS, _file("quyet-dinh.docx"))
    assert response.status_code == 201
    job_id = response.json()["id"]
    job = client.get(f"{JOBS}/{job_id}").json()
    assert job["state"] == "extracted"
    assert job["text_source"] == "docx" and job["has_text"] and not job["has_searchable_pdf"]
    assert job["proposals"]["code_notation"]["value"] == "QĐ-UBND"
    assert client.post(f"{JOBS}/{job_id}/retry").status_code == 409
    other = Client()
    other.force_login(make_user(agency=make_agency(), roles=[Role.CLERK]))
    assert other.get(f"{JOBS}/{job_id}").status_code == 404


def test_only_clerks_upload_jobs(agency: Agency) -> None:
    client = Client()
    client.force_login(make_user(agency=agency, roles=[Role.SPECIALIST]))
    response = client.post(JOBS, _file("quyet-dinh.docx"))
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
