"""Password change: Vietnamese page, passwords never echoed back, audited change via the service."""

from __future__ import annotations

import re

from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import TEST_PASSWORD
from vanthu.audit.models import AuditEvent
from vanthu.web.tests.builders import MakeUser

URL = "/doi-mat-khau/"
NEW_PASSWORD = "Ngay-moi-2026-an-toan"


def _value_of(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert tag is not None, f"no input {name}"
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


class TestPasswordChange:
    def test_page_is_vietnamese_and_not_cached(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.SPECIALIST))
        response = client.get(URL)
        html = response.content.decode()
        assert response.status_code == 200
        for label in ("Mật khẩu hiện tại", "Mật khẩu mới", "Nhập lại mật khẩu mới"):
            assert label in html
        assert "no-store" in response["Cache-Control"]

    def test_mismatch_never_echoes_passwords(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.SPECIALIST))
        data = {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD + "x",
        }
        response = client.post(URL, data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Hai trường mật khẩu không giống nhau." in html
        for name, value in data.items():
            assert _value_of(html, name) is None
            assert value not in html
        assert 'aria-invalid="true"' in html

    def test_wrong_current_password_is_refused(self, client: Client, make_user: MakeUser) -> None:
        user = make_user(Role.SPECIALIST)
        client.force_login(user)
        response = client.post(
            URL,
            {
                "old_password": "khong-dung",
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="id_old_password_error"' in html
        assert _value_of(html, "new_password1") is None
        user.refresh_from_db()
        assert user.check_password(TEST_PASSWORD)

    def test_weak_password_shows_the_rules_in_vietnamese(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.SPECIALIST))
        response = client.post(
            URL, {"old_password": TEST_PASSWORD, "new_password1": "123", "new_password2": "123"}
        )
        html = response.content.decode()
        assert "ít nhất 8 ký tự" in html
        assert _value_of(html, "new_password2") is None

    def test_change_works_keeps_the_session_and_is_audited(
        self, client: Client, make_user: MakeUser
    ) -> None:
        user = make_user(Role.SPECIALIST)
        client.force_login(user)
        response = client.post(
            URL,
            {
                "old_password": TEST_PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
            follow=True,
        )
        assert response.redirect_chain[0] == ("/", 302)
        assert "Đã đổi mật khẩu." in response.content.decode()
        user.refresh_from_db()
        assert user.check_password(NEW_PASSWORD)
        assert client.get("/chuyen-vien/").status_code == 200
        assert AuditEvent.objects.filter(
            action="accounts.password_changed", target_id=str(user.pk)
        ).exists()
