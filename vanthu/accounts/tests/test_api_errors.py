"""The shared API error handling and authentication on write operations (a probe API)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.urls("vanthu.accounts.tests.api_probe_urls")]

BODY = json.dumps({"subject": "Kế hoạch kiểm tra", "page_amount": 2})


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body: dict[str, Any] = response.json()
    assert set(body) == {"code", "message", "fields"}
    return body


def test_session_write_needs_csrf(clerk: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    response = client.post("/probe/echo", BODY, content_type="application/json")
    assert _error(response, 403)["code"] == "csrf_failed"


def test_session_write_with_csrf_token(clerk: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    client.get("/probe/docs")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/probe/echo", BODY, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert response.json() == {"user": clerk.username, "subject": "Kế hoạch kiểm tra"}


def test_bearer_write_needs_no_csrf(clerk: User, clerk_token: str) -> None:
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {clerk_token}")
    response = client.post("/probe/echo", BODY, content_type="application/json")
    assert response.status_code == 200


def test_body_validation_is_422_per_field(bearer_client: Client) -> None:
    response = bearer_client.post(
        "/probe/echo", json.dumps({"page_amount": "hai"}), content_type="application/json"
    )
    body = _error(response, 422)
    assert body["code"] == "invalid_input"
    assert body["fields"] == {
        "subject": ["Trường này là bắt buộc."],
        "page_amount": ["Phải là số nguyên."],
    }


def test_malformed_json_is_400(bearer_client: Client) -> None:
    response = bearer_client.post("/probe/echo", "{not json", content_type="application/json")
    assert _error(response, 400)["code"] == "invalid_input"


def test_domain_error_keeps_its_status_and_code(bearer_client: Client) -> None:
    body = _error(bearer_client.get("/probe/conflict"), 409)
    assert body["code"] == "conflict"
    assert body["message"] == "Dữ liệu đã bị thay đổi hoặc trùng lặp."


def test_permission_denied_is_403(bearer_client: Client) -> None:
    assert _error(bearer_client.get("/probe/forbidden"), 403)["code"] == "permission_denied"


def test_unexpected_error_is_500_in_the_same_format(
    bearer_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    body = _error(bearer_client.get("/probe/boom"), 500)
    assert body["code"] == "server_error"
    assert "Lỗi hệ thống" in body["message"]
    assert any("Unhandled API error" in r.getMessage() for r in caplog.records)
