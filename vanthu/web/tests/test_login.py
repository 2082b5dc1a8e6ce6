"""Login and logout pages: Vietnamese, one generic refusal message, typed username kept."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import TEST_PASSWORD
from vanthu.web.tests.builders import MakeUser

GENERIC = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa."
LOGIN_URL = reverse("web:login")


def _value_of(html: str, name: str) -> str | None:
    """Return the value attribute of the input called ``name``, or None when it has none."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert tag is not None, f"no input {name}"
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


class TestLoginPage:
    def test_page_is_vietnamese(self, client: Client, db: None) -> None:
        response = client.get(LOGIN_URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="vi">' in html
        assert '<h1 id="login-title">Đăng nhập</h1>' in html
        assert "Tên đăng nhập" in html
        assert "Mật khẩu" in html
        assert 'autocomplete="current-password"' in html

    def test_page_uses_vendored_assets_only(self, client: Client, db: None) -> None:
        html = client.get(LOGIN_URL).content.decode()
        assert "/static/web/vendor/htmx.min.js" in html
        assert "/static/web/app.css" in html
        assert not re.search(r'(src|href)="(https?:)?//', html)

    def test_wrong_password_shows_generic_message_and_keeps_username(
        self, client: Client, make_user: MakeUser
    ) -> None:
        make_user(Role.CLERK, username="snv.vanthu")
        response = client.post(LOGIN_URL, {"username": "snv.vanthu", "password": "sai-mat-khau"})
        html = response.content.decode()
        assert response.status_code == 200
        assert GENERIC in html
        assert _value_of(html, "username") == "snv.vanthu"
        assert _value_of(html, "password") is None
        assert re.search(r'<input type="password"[^>]*autofocus', html)
        assert not re.search(r'<input type="text"[^>]*autofocus', html)
        assert "_auth_user_id" not in client.session

    def test_unknown_user_gets_the_same_message(self, client: Client, db: None) -> None:
        response = client.post(LOGIN_URL, {"username": "khong.co", "password": TEST_PASSWORD})
        assert GENERIC in response.content.decode()

    def test_inactive_user_gets_the_same_message(self, client: Client, make_user: MakeUser) -> None:
        make_user(Role.CLERK, username="da.nghi", is_active=False)
        response = client.post(LOGIN_URL, {"username": "da.nghi", "password": TEST_PASSWORD})
        assert GENERIC in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_lock_out_after_repeated_failures_looks_the_same(
        self, client: Client, make_user: MakeUser, settings: Settings
    ) -> None:
        settings.VANTHU_LOGIN_MAX_FAILURES = 3
        user = make_user(Role.CLERK, username="snv.vanthu")
        for _ in range(3):
            client.post(LOGIN_URL, {"username": "snv.vanthu", "password": "sai-mat-khau"})
        response = client.post(LOGIN_URL, {"username": "snv.vanthu", "password": TEST_PASSWORD})
        html = response.content.decode()
        assert response.status_code == 200
        assert GENERIC in html
        assert _value_of(html, "username") == "snv.vanthu"
        assert "_auth_user_id" not in client.session
        user.refresh_from_db()
        assert user.locked_until is not None

    def test_empty_form_shows_field_errors_in_vietnamese(self, client: Client, db: None) -> None:
        response = client.post(LOGIN_URL, {"username": "", "password": ""})
        html = response.content.decode()
        assert response.status_code == 200
        assert "field-invalid" in html
        assert "This field is required" not in html

    def test_good_credentials_land_on_the_start_page(
        self, client: Client, make_user: MakeUser
    ) -> None:
        user = make_user(Role.CLERK, username="snv.vanthu")
        response = client.post(
            LOGIN_URL, {"username": "snv.vanthu", "password": TEST_PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == "/van-thu/"
        assert int(client.session["_auth_user_id"]) == user.pk

    def test_next_parameter_is_honoured(self, client: Client, make_user: MakeUser) -> None:
        make_user(Role.CLERK, username="snv.vanthu")
        response = client.post(
            LOGIN_URL + "?next=/doi-mat-khau/",
            {"username": "snv.vanthu", "password": TEST_PASSWORD, "next": "/doi-mat-khau/"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/doi-mat-khau/"

    def test_logged_in_user_is_sent_on(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.SPECIALIST))
        response = client.get(LOGIN_URL)
        assert response.status_code == 302
        assert response["Location"] == reverse("web:home")


class TestAnonymous:
    @pytest.mark.parametrize(
        "url",
        ["/", "/van-thu/", "/van-thu/van-ban-den/", "/quan-tri/", "/doi-mat-khau/"],
    )
    def test_redirects_to_login(self, client: Client, db: None, url: str) -> None:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{LOGIN_URL}?next={url}"


class TestLogout:
    def test_get_is_refused(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        response = client.get(reverse("web:logout"))
        assert response.status_code == 405
        assert "_auth_user_id" in client.session

    def test_post_logs_out_and_returns_to_login(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        response = client.post(reverse("web:logout"))
        assert response.status_code == 302
        assert response["Location"] == LOGIN_URL
        assert "_auth_user_id" not in client.session
        assert client.get("/van-thu/").status_code == 302

    def test_every_page_has_a_logout_form(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        html = client.get("/van-thu/").content.decode()
        assert re.search(r'<form class="logout" method="post" action="/dang-xuat/">', html)
        assert "csrfmiddlewaretoken" in html
