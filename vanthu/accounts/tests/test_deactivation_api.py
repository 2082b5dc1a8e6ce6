"""``POST /api/v1/users/{id}/deactivate|reactivate`` through the real HTTP stack."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api import api_client, post_json
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _url(user: User, verb: str = "deactivate") -> str:
    return f"/api/v1/users/{user.pk}/{verb}"


def test_deactivate_then_reactivate(admin_user: User, clerk: User) -> None:
    admin = api_client(admin_user)
    body = post_json(admin, _url(clerk), {"reason": "Chuyển công tác"}, 200)
    assert body == {
        "id": clerk.pk,
        "username": clerk.username,
        "full_name": clerk.full_name,
        "is_active": False,
    }
    again = post_json(admin, _url(clerk), {"reason": "Chuyển công tác"}, 409)
    assert again["code"] == "user_already_inactive"
    assert post_json(admin, _url(clerk, "reactivate"), {"reason": "Trở lại"}, 200)["is_active"]
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert {"accounts.user_deactivated", "accounts.user_reactivated"} <= set(actions)


def test_refusals(admin_user: User, clerk: User) -> None:
    leader = make_user(agency=clerk.agency, roles=[Role.AGENCY_LEADER])
    assert (
        post_json(api_client(leader), _url(clerk), {"reason": "Nghỉ"}, 403)["code"]
        == "permission_denied"
    )
    stranger = make_user(agency=make_agency())
    missing = post_json(api_client(admin_user), _url(stranger), {"reason": "Nghỉ"}, 404)
    assert missing["code"] == "not_found"
    own = post_json(api_client(admin_user), _url(admin_user), {"reason": "Nghỉ"}, 400)
    assert own["code"] == "user_deactivate_self"
    blank = post_json(api_client(admin_user), _url(clerk), {"reason": "  "}, 400)
    assert "reason" in blank["fields"]
    assert post_json(api_client(admin_user), _url(clerk), {}, 422)["code"] == "invalid_input"
    assert User.objects.get(pk=clerk.pk).is_active
    assert (
        Client().post(_url(clerk), {"reason": "x"}, content_type="application/json").status_code
        == 401
    )


def test_refused_while_the_user_holds_dossiers(admin_user: User, clerk: User) -> None:
    opened = post_json(
        api_client(clerk),
        "/api/v1/dossiers",
        {"title": "Hồ sơ tiếp dân", "code": "05.VP", "retention": "10"},
        201,
    )
    refused = post_json(api_client(admin_user), _url(clerk), {"reason": "Nghỉ hưu"}, 409)
    assert refused["code"] == "user_holds_dossiers"
    assert (
        "1 hồ sơ đang mở, 0 hồ sơ đã kết thúc chưa nộp lưu, 0 hồ sơ đang chờ" in refused["message"]
    )
    assert refused["fields"] == {"open_dossiers": [f"05.VP - {opened['title']}"]}
    assert User.objects.get(pk=clerk.pk).is_active
    assert not AuditEvent.objects.filter(action="accounts.user_deactivated").exists()
