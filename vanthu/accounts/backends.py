"""Authentication backend that refuses locked accounts and counts failed logins."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from vanthu.accounts.lockout import is_locked, login_failed, login_succeeded
from vanthu.accounts.models import User
from vanthu.audit.signals import client_ip


class LockoutModelBackend(ModelBackend):
    """Django's model backend with a lock-out after repeated failures (lockout.py)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            # Hash anyway, so that an unknown name takes as long as a wrong password.
            User().set_password(password)
            return None
        if is_locked(user):
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            login_succeeded(user=user)
            return user
        if user.is_active:
            login_failed(user=user, ip_address=client_ip(request))
        return None
