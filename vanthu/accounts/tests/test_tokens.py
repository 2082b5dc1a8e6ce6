"""Tests of API tokens and the issue_token / revoke_tokens commands."""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from vanthu.accounts.errors import TokenRevokedError
from vanthu.accounts.models import ApiToken, User
from vanthu.accounts.tests.factories import (
    make_user,
)
from vanthu.accounts.tokens import token_issue, token_revoke, tokens_revoke_all, user_for_token
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import PermissionDeniedError

pytestmark = pytest.mark.django_db


class TestTokens:
    def test_stored_hashed_with_prefix(self, clerk: User) -> None:
        raw = token_issue(user=clerk, actor=clerk)
        token = ApiToken.objects.get(user=clerk)
        assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert raw not in token.key_hash
        assert token.prefix == raw[:8]
        assert len(raw) >= 40
        (event,) = AuditEvent.objects.filter(action="accounts.token_issued")
        assert raw not in str(event.data)

    def test_user_for_token(self, clerk: User, clerk_token: str) -> None:
        assert user_for_token(clerk_token) == clerk
        assert user_for_token(clerk_token + "x") is None
        assert user_for_token("") is None
        assert user_for_token(None) is None
        assert user_for_token("a" * 10_000) is None

    def test_last_used_at_written_at_most_once_a_minute(
        self, clerk: User, clerk_token: str
    ) -> None:
        user_for_token(clerk_token)
        first = ApiToken.objects.get(user=clerk).last_used_at
        assert first is not None
        user_for_token(clerk_token)
        assert ApiToken.objects.get(user=clerk).last_used_at == first
        ApiToken.objects.filter(user=clerk).update(last_used_at=first - dt.timedelta(minutes=2))
        user_for_token(clerk_token)
        later = ApiToken.objects.get(user=clerk).last_used_at
        assert later is not None
        assert later > first - dt.timedelta(minutes=1)

    def test_revoked_and_inactive_tokens_fail(self, clerk: User, clerk_token: str) -> None:
        token = ApiToken.objects.get(user=clerk)
        token_revoke(token=token, actor=clerk)
        assert user_for_token(clerk_token) is None
        with pytest.raises(TokenRevokedError):
            token_revoke(token=token, actor=clerk)
        other = token_issue(user=clerk, actor=None)
        User.objects.filter(pk=clerk.pk).update(is_active=False)
        assert user_for_token(other) is None

    def test_only_owner_or_admin_manages_tokens(self, clerk: User, admin_user: User) -> None:
        with pytest.raises(PermissionDeniedError):
            token_issue(user=clerk, actor=make_user(agency=clerk.agency))
        assert token_issue(user=clerk, actor=admin_user)

    def test_revoke_all(self, clerk: User) -> None:
        tokens = [token_issue(user=clerk, actor=None) for _ in range(3)]
        assert tokens_revoke_all(user=clerk, actor=None) == 3
        assert all(user_for_token(t) is None for t in tokens)
        assert tokens_revoke_all(user=clerk, actor=None) == 0


class TestCommands:
    def test_issue_token_prints_the_token_alone_on_the_last_line(self, clerk: User) -> None:
        out = StringIO()
        call_command("issue_token", clerk.username, stdout=out)
        lines = out.getvalue().strip().splitlines()
        raw = lines[-1]
        assert raw == raw.strip()
        assert " " not in raw
        assert user_for_token(raw) == clerk
        response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert response.status_code == 200
        assert response.json()["username"] == clerk.username

    def test_issue_token_unknown_user(self) -> None:
        with pytest.raises(CommandError):
            call_command("issue_token", "khong-co-ai", stdout=StringIO())

    def test_revoke_tokens(self, clerk: User, clerk_token: str) -> None:
        out = StringIO()
        call_command("revoke_tokens", clerk.username, stdout=out)
        assert "1" in out.getvalue()
        assert user_for_token(clerk_token) is None
        revoked_at = ApiToken.objects.get(user=clerk).revoked_at
        assert revoked_at is not None
        assert revoked_at <= timezone.now()
