"""The outgoing API: drafts through issue, the register with keyset pages, recall, errors."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.models import User
from vanthu.outgoing.tests.factories import Office, cong_van, draft_approved

pytestmark = pytest.mark.django_db


def _as(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, body or {}, content_type="application/json")


def test_structured_draft_through_issue(office: Office) -> None:
    body = {"content": cong_van(office).model_dump(mode="json")}
    created = _post(_as(office.specialist), "/api/v1/drafts", body)
    assert created.status_code == 201, created.json()
    draft_id = created.json()["id"]
    assert created.json()["versions"][0]["kind"] == "structured"
    assert _post(_as(office.specialist), f"/api/v1/drafts/{draft_id}/submit").status_code == 200
    reviewed = _post(_as(office.head), f"/api/v1/drafts/{draft_id}/review", {"decision": "approve"})
    assert reviewed.json()["status"] == "reviewed"
    checked = _post(_as(office.clerk), f"/api/v1/drafts/{draft_id}/format-check")
    assert checked.status_code == 200, checked.json()
    approved = _post(_as(office.leader), f"/api/v1/drafts/{draft_id}/approve", {})
    assert approved.json()["signature_state"] == "paper_signed"
    issued = _post(_as(office.clerk), f"/api/v1/drafts/{draft_id}/issue", {"copies": 3})
    assert issued.status_code == 201, issued.json()
    assert issued.json()["code"] == "01/SNV-VP"
    twice = _post(_as(office.clerk), f"/api/v1/drafts/{draft_id}/issue", {})
    assert (twice.status_code, twice.json()["code"]) == (409, "draft_already_issued")


def test_render_and_format_check(office: Office) -> None:
    body = {"content": cong_van(office).model_dump(mode="json")}
    draft_id = _post(_as(office.specialist), "/api/v1/drafts", body).json()["id"]
    client = _as(office.specialist)
    docx = client.get(f"/api/v1/drafts/{draft_id}/render?format=docx")
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
    assert client.get(f"/api/v1/drafts/{draft_id}/format-check").json() == {"findings": []}


def test_docx_upload_and_broken_docx(office: Office) -> None:
    from vanthu.drafting.render import render_docx

    client = _as(office.specialist)
    good = io.BytesIO(render_docx(cong_van(office)))
    good.name = "cong-van.docx"
    created = client.post(
        "/api/v1/drafts", {"file": good, "type_code": "22", "subject": "Kiểm tra văn thư"}
    )
    assert created.status_code == 201, created.json()
    assert created.json()["versions"][0]["kind"] == "docx"

    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    broken.seek(0)
    broken.name = "hong.docx"
    answer = client.post("/api/v1/drafts", {"file": broken, "type_code": "22", "subject": "Hỏng"})
    assert (answer.status_code, answer.json()["code"]) == (400, "invalid_docx")
    text = io.BytesIO(b"not a word file at all")
    text.name = "x.docx"
    answer = client.post("/api/v1/drafts", {"file": text, "type_code": "22", "subject": "Hỏng"})
    assert (answer.status_code, answer.json()["code"]) == (400, "invalid_docx")


def test_wrong_role_403_other_agency_404(office: Office, other_office: Office) -> None:
    body = {"content": cong_van(office).model_dump(mode="json")}
    assert _post(_as(office.clerk), "/api/v1/drafts", body).status_code == 403
    draft_id = _post(_as(office.specialist), "/api/v1/drafts", body).json()["id"]
    answer = _as(other_office.clerk).get(f"/api/v1/drafts/{draft_id}")
    assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
    bad = _post(_as(office.specialist), "/api/v1/drafts", {"content": {"type_code": "22"}})
    assert bad.status_code == 400
    assert "content.issuer_name" in bad.json()["fields"]


def test_register_keyset_and_recall(office: Office, other_office: Office) -> None:
    from vanthu.outgoing.services import draft_issue

    for _ in range(3):
        draft_issue(actor=office.clerk, draft_id=draft_approved(office).pk)
    client = _as(office.clerk)
    first = client.get("/api/v1/outgoing?limit=2").json()
    assert [item["number"] for item in first["items"]] == [3, 2]
    second = client.get(f"/api/v1/outgoing?limit=2&cursor={first['next_cursor']}").json()
    assert ([item["number"] for item in second["items"]], second["next_cursor"]) == ([1], None)
    assert _as(other_office.clerk).get("/api/v1/outgoing").json()["items"] == []
    record_id = first["items"][0]["id"]
    recalled = _post(client, f"/api/v1/outgoing/{record_id}/recall", {"reason": "Sai nội dung"})
    assert recalled.json()["status"] == "recalled"
    again = _post(client, f"/api/v1/outgoing/{record_id}/recall", {"reason": "Lần nữa"})
    assert (again.status_code, again.json()["code"]) == (409, "record_recalled")
    assert _as(other_office.clerk).get(f"/api/v1/outgoing/{record_id}").status_code == 404


def test_control_characters_in_a_multipart_draft_are_dropped(office: Office) -> None:
    """Found by fuzzing on PostgreSQL: a NUL in the type code reached the query (a 500)."""
    from vanthu.drafting.render import render_docx

    client = _as(office.specialist)
    upload = io.BytesIO(render_docx(cong_van(office)))
    upload.name = "cong-van.docx"
    answer = client.post(
        "/api/v1/drafts", {"file": upload, "type_code": "2\x002", "subject": "Kiểm\x00 tra"}
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["subject"] == "Kiểm tra"
