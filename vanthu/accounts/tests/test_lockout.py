"""Tests of the lock-out after repeated failed logins (LockoutModelBackend + lockout.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone

from vanthu.accounts.forms import LoginForm
from vanthu.accounts.lockout import LOGIN_FAILED_MESSAGE, is_locked, unlock
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import (
    TEST_PASSWORD,
    make_user,
)
from vanthu.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

MAX_FAILURES = 3


def _fail(user: User, times: int) -> None:
    for _ in range(times):
        assert authenticate(username=user.username, password="sai-mat-khau") is None


@pytest.fixture(autouse=True)
def _lockout_settings(settings: Any) -> None:
    settings.VANTHU_LOGIN_MAX_FAILURES = MAX_FAILURES
    settings.VANTHU_LOGIN_LOCKOUT_MINUTES = 15


class TestLockout:
    def test_right_password_logs_in(self) -> None:
        user = make_user()
        assert authenticate(username=user.username, password=TEST_PASSWORD) == user

    def test_locks_after_max_failures_and_audits_once(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES - 1)
        user.refresh_from_db()
        assert user.failed_login_count == MAX_FAILURES - 1
        assert not is_locked(user)
        _fail(user, 1)
        user.refresh_from_db()
        assert is_locked(user)
        assert user.locked_until is not None
        remaining = user.locked_until - timezone.now()
        assert dt.timedelta(minutes=14) < remaining <= dt.timedelta(minutes=15)
        (event,) = AuditEvent.objects.filter(action="accounts.locked")
        assert event.target_id == str(user.pk)
        assert event.data["failures"] == MAX_FAILURES
        # Failed logins themselves are audited by the audit app's signal handlers.
        assert AuditEvent.objects.filter(action="accounts.login_failed").count() == MAX_FAILURES

    def test_locked_account_refused_with_right_password(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES)
        assert authenticate(username=user.username, password=TEST_PASSWORD) is None
        # Failures during the lock do not extend it or record a second lock.
        until = User.objects.get(pk=user.pk).locked_until
        _fail(user, 2)
        assert User.objects.get(pk=user.pk).locked_until == until
        assert AuditEvent.objects.filter(action="accounts.locked").count() == 1

    def test_unlocks_after_the_period(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES)
        User.objects.filter(pk=user.pk).update(
            locked_until=timezone.now() - dt.timedelta(seconds=1)
        )
        assert authenticate(username=user.username, password=TEST_PASSWORD) == user
        user.refresh_from_db()
        assert user.failed_login_count == 0
        assert user.locked_until is None

    def test_expired_lock_restarts_the_count(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES)
        User.objects.filter(pk=user.pk).update(
            locked_until=timezone.now() - dt.timedelta(seconds=1)
        )
        _fail(user, 1)
        user.refresh_from_db()
        assert user.failed_login_count == 1
        assert not is_locked(user)

    def test_success_resets_the_counter(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES - 1)
        assert authenticate(username=user.username, password=TEST_PASSWORD) == user
        _fail(user, MAX_FAILURES - 1)
        user.refresh_from_db()
        assert user.failed_login_count == MAX_FAILURES - 1
        assert not is_locked(user)

    def test_unknown_user_and_inactive_user_are_refused(self) -> None:
        assert authenticate(username="khong-ton-tai", password=TEST_PASSWORD) is None
        user = make_user(is_active=False)
        assert authenticate(username=user.username, password=TEST_PASSWORD) is None
        user.refresh_from_db()
        assert user.failed_login_count == 0

    def test_admin_unlock(self) -> None:
        user = make_user()
        _fail(user, MAX_FAILURES)
        unlock(actor=None, user=user)
        assert authenticate(username=user.username, password=TEST_PASSWORD) == user
        assert AuditEvent.objects.filter(action="accounts.unlocked").count() == 1

    def test_login_form_gives_one_generic_message(self) -> None:
        user = make_user()
        request = RequestFactory().post("/login/")
        messages = set()
        for password in ["sai"] * MAX_FAILURES + [TEST_PASSWORD]:
            form = LoginForm(request, data={"username": user.username, "password": password})
            assert not form.is_valid()
            messages.add(tuple(form.non_field_errors()))
        unknown = LoginForm(request, data={"username": "khong-co", "password": "x"})
        assert not unknown.is_valid()
        messages.add(tuple(unknown.non_field_errors()))
        assert messages == {(str(LOGIN_FAILED_MESSAGE),)}
