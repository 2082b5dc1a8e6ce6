"""``POST /api/v1/users/{id}/deactivate|reactivate`` through the real HTTP stack."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.accounts.tokens import token_issue
from vanthu.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _as(user: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user, actor=None)}")


def _post(client: Client, url: str, body: dict[str, Any], status: int) -> Any:
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()


def _url(user: User, verb: str = "deactivate") -> str:
    return f"/api/v1/users/{user.pk}/{verb}"


def test_deactivate_then_reactivate(admin_user: User, clerk: User) -> None:
    admin = _as(admin_user)
    body = _post(admin, _url(clerk), {"reason": "Chuyển công tác"}, 200)
    assert body == {
        "id": clerk.pk,
        "username": clerk.username,
        "full_name": clerk.full_name,
        "is_active": False,
    }
    again = _post(admin, _url(clerk), {"reason": "Chuyển công tác"}, 409)
    assert again["code"] == "user_already_inactive"
    assert _post(admin, _url(clerk, "reactivate"), {"reason": "Trở lại"}, 200)["is_active"]
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert {"accounts.user_deactivated", "accounts.user_reactivated"} <= set(actions)


def test_refusals(admin_user: User, clerk: User) -> None:
    leader = make_user(agency=clerk.agency, roles=[Role.AGENCY_LEADER])
    assert _post(_as(leader), _url(clerk), {"reason": "Nghỉ"}, 403)["code"] == "permission_denied"
    stranger = make_user(agency=make_agency())
    missing = _post(_as(admin_user), _url(stranger), {"reason": "Nghỉ"}, 404)
    assert missing["code"] == "not_found"
    own = _post(_as(admin_user), _url(admin_user), {"reason": "Nghỉ"}, 400)
    assert own["code"] == "user_deactivate_self"
    blank = _post(_as(admin_user), _url(clerk), {"reason": "  "}, 400)
    assert "reason" in blank["fields"]
    assert _post(_as(admin_user), _url(clerk), {}, 422)["code"] == "invalid_input"
    assert User.objects.get(pk=clerk.pk).is_active
    assert (
        Client().post(_url(clerk), {"reason": "x"}, content_type="application/json").status_code
        == 401
    )


def test_refused_while_the_user_holds_dossiers(admin_user: User, clerk: User) -> None:
    opened = _post(
        _as(clerk),
        "/api/v1/dossiers",
        {"title": "Hồ sơ tiếp dân", "code": "05.VP", "retention": "10"},
        201,
    )
    refused = _post(_as(admin_user), _url(clerk), {"reason": "Nghỉ hưu"}, 409)
    assert refused["code"] == "user_holds_dossiers"
    assert (
        "1 hồ sơ đang mở, 0 hồ sơ đã kết thúc chưa nộp lưu, 0 hồ sơ đang chờ" in refused["message"]
    )
    assert refused["fields"] == {"open_dossiers": [f"05.VP - {opened['title']}"]}
    assert User.objects.get(pk=clerk.pk).is_active
    assert not AuditEvent.objects.filter(action="accounts.user_deactivated").exists()
