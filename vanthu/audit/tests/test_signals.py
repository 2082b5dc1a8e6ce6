"""Logins, failed logins and logouts are recorded, with the client address when known."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import Client

from vanthu.accounts.tests.factories import TEST_PASSWORD
from vanthu.audit.models import AuditEvent
from vanthu.audit.tests.factories import make_user
from vanthu.audit.verify import verify_chain

pytestmark = pytest.mark.django_db

WRONG_PASSWORD = "Sai-mat-khau-123"


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


class TestLogin:
    def test_client_login_records_the_user(self, client: Client) -> None:
        user = make_user()

        assert client.login(username=user.username, password=TEST_PASSWORD)

        [event] = events("accounts.login")
        assert event.actor_id == user.pk
        assert event.target_id == str(user.pk)
        assert event.agency_id == user.agency_id
        assert verify_chain().ok

    def test_login_through_a_view_records_the_client_address(self, client: Client) -> None:
        user = make_user(is_staff=True)

        response = client.post(
            "/admin/login/",
            {"username": user.username, "password": TEST_PASSWORD},
            REMOTE_ADDR="203.113.7.9",
        )

        assert response.status_code == 302
        [event] = events("accounts.login")
        assert event.actor_id == user.pk
        assert event.ip_address == "203.113.7.9"


class TestFailedLogin:
    def test_failed_authenticate_records_the_username_never_the_password(self) -> None:
        user = make_user()

        assert authenticate(username=user.username, password=WRONG_PASSWORD) is None

        [event] = events("accounts.login_failed")
        assert event.actor_id is None
        assert event.data == {"username": user.username}
        assert event.target_id == str(user.pk)
        assert event.agency_id == user.agency_id
        assert event.ip_address is None
        stored = AuditEvent.objects.filter(pk=event.pk).values()[0]
        assert WRONG_PASSWORD not in repr(stored)

    def test_unknown_username_is_recorded_without_a_target(self) -> None:
        assert authenticate(username="khong-ton-tai", password=WRONG_PASSWORD) is None

        [event] = events("accounts.login_failed")
        assert event.data == {"username": "khong-ton-tai"}
        assert event.target_id == ""

    def test_failed_login_through_a_view_records_the_client_address(self, client: Client) -> None:
        user = make_user(is_staff=True)

        response = client.post(
            "/admin/login/",
            {"username": user.username, "password": WRONG_PASSWORD},
            REMOTE_ADDR="2001:db8::7",
        )

        assert response.status_code == 200
        [event] = events("accounts.login_failed")
        assert event.ip_address == "2001:db8::7"
        assert not events("accounts.login")
        assert verify_chain().ok


class TestLogout:
    def test_logout_records_the_user_and_address(self, client: Client) -> None:
        user = make_user(is_staff=True)
        client.force_login(user)

        response = client.post("/admin/logout/", REMOTE_ADDR="10.20.30.40")

        assert response.status_code in {200, 302}
        assert "_auth_user_id" not in client.session
        [event] = events("accounts.logout")
        assert event.actor_id == user.pk
        assert event.ip_address == "10.20.30.40"

    def test_client_logout_records_the_user(self, client: Client) -> None:
        user = make_user()
        client.force_login(user)

        client.logout()

        [event] = events("accounts.logout")
        assert event.actor_id == user.pk

    def test_anonymous_logout_is_recorded_without_an_actor(self, client: Client) -> None:
        client.logout()

        [event] = events("accounts.logout")
        assert event.actor_id is None
        assert event.actor_label == ""
