"""API authentication: ``Authorization: Bearer <token>`` or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from vanthu.accounts.models import User
from vanthu.accounts.tokens import user_for_token


class BearerTokenAuth(HttpBearer):
    """Bearer tokens from ``issue_token``.

    A request that carries an Authorization header is judged by it alone: a missing, malformed
    or revoked token answers 401 even when a session cookie is also present.
    """

    def __call__(self, request: HttpRequest) -> Any | None:
        header = request.headers.get(self.header)
        if header is None:
            return None
        scheme, _sep, token = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise AuthenticationError
        user = self.authenticate(request, token.strip())
        if user is None:
            raise AuthenticationError
        return user

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class SignedInSessionAuth(SessionAuth):
    """The browser session, CSRF-checked only once there is a signed-in user.

    An anonymous request therefore answers 401 (not 403 for a missing CSRF token), whatever
    the method.
    """

    def __call__(self, request: HttpRequest) -> Any | None:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


bearer_auth = BearerTokenAuth()
session_auth = SignedInSessionAuth()
# Checked in this order: a bearer token first, then the session (CSRF-protected for writes).
API_AUTH = [bearer_auth, session_auth]


def request_user(request: HttpRequest) -> User:
    """Return the authenticated user of an API request (set by the auth classes above)."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise AuthenticationError
    return user
