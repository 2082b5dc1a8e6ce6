"""Deactivating a leaver (and reactivating): who may, what ends, the blockers, the audit,
and the Django admin's "active" checkbox obeying the same blockers."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext_lazy

from vanthu.accounts import deactivation
from vanthu.accounts.deactivation import (
    DeactivateSelfError,
    UserAlreadyActiveError,
    UserAlreadyInactiveError,
    user_deactivate,
    user_reactivate,
)
from vanthu.accounts.enums import Role
from vanthu.accounts.models import ApiToken, User
from vanthu.accounts.tests.factories import TEST_PASSWORD, make_agency, make_user
from vanthu.accounts.tokens import token_issue, user_for_token
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import ConflictError, InvalidInputError, PermissionDeniedError

pytestmark = pytest.mark.django_db


class _StillBusyError(ConflictError):
    code = "test_still_busy"
    default_message = gettext_lazy("Còn việc dở dang.")


def _busy_blocker(*, actor: User, user: User) -> None:
    if user.username.startswith("busy"):
        raise _StillBusyError


@pytest.fixture
def leaver(clerk: User) -> User:
    return clerk


class TestDeactivate:
    def test_ends_access_and_is_audited(self, admin_user: User, leaver: User) -> None:
        raw = token_issue(user=leaver, actor=None)
        browser = Client()
        assert browser.login(username=leaver.username, password=TEST_PASSWORD)
        assert browser.get("/api/v1/me").status_code == 200

        done = user_deactivate(actor=admin_user, user=leaver, reason=" Nghỉ hưu từ 01/12 ")

        assert done.is_active is False
        assert User.objects.get(pk=leaver.pk).is_active is False
        assert user_for_token(raw) is None
        assert ApiToken.objects.get(user=leaver).revoked_at is not None
        assert browser.get("/api/v1/me").status_code == 401
        event = AuditEvent.objects.get(action="accounts.user_deactivated")
        assert (event.actor_id, event.target_id) == (admin_user.pk, str(leaver.pk))
        assert event.data == {
            "reason": "Nghỉ hưu từ 01/12",
            "tokens_revoked": 1,
            "sessions_ended": 1,
        }

    def test_deactivated_user_cannot_log_in(self, admin_user: User, leaver: User) -> None:
        user_deactivate(actor=admin_user, user=leaver, reason="Chuyển công tác")
        client = Client()
        assert not client.login(username=leaver.username, password=TEST_PASSWORD)
        response = client.post(
            reverse("web:login"), {"username": leaver.username, "password": TEST_PASSWORD}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    def test_only_the_agency_administrator(self, agency: object, leaver: User) -> None:
        same_agency = [
            make_user(agency=leaver.agency, roles=[role])
            for role in (Role.AGENCY_LEADER, Role.CLERK, Role.UNIT_HEAD)
        ]
        other_admin = make_user(agency=make_agency(), roles=[Role.AGENCY_ADMIN])
        for outsider in [*same_agency, other_admin]:
            with pytest.raises(PermissionDeniedError):
                user_deactivate(actor=outsider, user=leaver, reason="Nghỉ")
        assert User.objects.get(pk=leaver.pk).is_active
        assert not AuditEvent.objects.filter(action="accounts.user_deactivated").exists()

    def test_not_oneself_and_a_reason_is_required(self, admin_user: User, leaver: User) -> None:
        with pytest.raises(DeactivateSelfError):
            user_deactivate(actor=admin_user, user=admin_user, reason="Nghỉ")
        with pytest.raises(InvalidInputError) as caught:
            user_deactivate(actor=admin_user, user=leaver, reason=" \x00 ")
        assert "reason" in caught.value.fields
        user_deactivate(actor=admin_user, user=leaver, reason="Nghỉ")
        with pytest.raises(UserAlreadyInactiveError):
            user_deactivate(actor=admin_user, user=leaver, reason="Nghỉ")

    def test_a_superuser_may(self, superuser: User, leaver: User) -> None:
        assert not user_deactivate(actor=superuser, user=leaver, reason="Nghỉ").is_active

    def test_a_registered_blocker_refuses(self, admin_user: User) -> None:
        busy = make_user(agency=admin_user.agency, username="busy.one")
        free = make_user(agency=admin_user.agency, username="free.one")
        deactivation.register_blocker(_busy_blocker)
        try:
            with pytest.raises(_StillBusyError):
                user_deactivate(actor=admin_user, user=busy, reason="Nghỉ")
            user_deactivate(actor=admin_user, user=free, reason="Nghỉ")
        finally:
            deactivation.unregister_blocker(_busy_blocker)
        assert User.objects.get(pk=busy.pk).is_active
        assert not User.objects.get(pk=free.pk).is_active


class TestReactivate:
    def test_reactivate_lets_them_log_in_again(self, admin_user: User, leaver: User) -> None:
        user_deactivate(actor=admin_user, user=leaver, reason="Nghỉ phép dài")
        with pytest.raises(PermissionDeniedError):
            user_reactivate(actor=make_user(agency=leaver.agency), user=leaver, reason="Trở lại")
        with pytest.raises(InvalidInputError):
            user_reactivate(actor=admin_user, user=leaver, reason="")
        user_reactivate(actor=admin_user, user=leaver, reason="Trở lại làm việc")
        assert Client().login(username=leaver.username, password=TEST_PASSWORD)
        event = AuditEvent.objects.get(action="accounts.user_reactivated")
        assert event.data == {"reason": "Trở lại làm việc"}
        with pytest.raises(UserAlreadyActiveError):
            user_reactivate(actor=admin_user, user=leaver, reason="Trở lại")


def _admin_post(client: Client, user: User, *, active: bool) -> tuple[int, str]:
    """Post the admin's change form of ``user``; return the status and the page."""
    grant = user.role_grants.get()
    data = {
        "username": user.username,
        "full_name": user.full_name,
        "email": "",
        "position_title": "",
        "agency": user.agency_id,
        "unit": user.unit_id,
        "clearance": 0,
        "role_grants-TOTAL_FORMS": "1",
        "role_grants-INITIAL_FORMS": "1",
        "role_grants-MIN_NUM_FORMS": "0",
        "role_grants-MAX_NUM_FORMS": "1000",
        "role_grants-0-id": grant.pk,
        "role_grants-0-user": user.pk,
        "role_grants-0-role": grant.role,
    }
    if active:
        data["is_active"] = "on"
    response = client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)
    return response.status_code, response.content.decode()


class TestDjangoAdmin:
    def test_unticking_active_obeys_the_blockers(self, superuser: User) -> None:
        busy = make_user(username="busy.two", roles=[Role.SPECIALIST])
        client = Client()
        client.force_login(superuser)
        deactivation.register_blocker(_busy_blocker)
        try:
            status, html = _admin_post(client, busy, active=False)
            assert status == 200  # the form again, with the error
            assert "Còn việc dở dang." in html
        finally:
            deactivation.unregister_blocker(_busy_blocker)
        assert User.objects.get(pk=busy.pk).is_active

    def test_unticking_active_ends_tokens(self, superuser: User) -> None:
        user = make_user(roles=[Role.SPECIALIST])
        raw = token_issue(user=user, actor=None)
        client = Client()
        client.force_login(superuser)
        assert _admin_post(client, user, active=False)[0] == 302
        assert not User.objects.get(pk=user.pk).is_active
        assert user_for_token(raw) is None
