"""Record logins, failed logins and logouts (infrastructure use of Django's auth signals)."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.http import HttpRequest

from vanthu.audit.canonical import clean_text
from vanthu.audit.services import record

LOGIN = "accounts.login"
LOGIN_FAILED = "accounts.login_failed"
LOGOUT = "accounts.logout"


def client_ip(request: HttpRequest | None) -> str | None:
    """Return the client address of ``request`` (REMOTE_ADDR), or ``None`` when unknown.

    Proxy headers are not trusted: a reverse proxy must set REMOTE_ADDR itself.
    """
    if request is None:
        return None
    raw = str(request.META.get("REMOTE_ADDR") or "").strip()
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def _saved_user(user: Any) -> models.Model | None:
    """Return ``user`` when it is a stored account (not anonymous, not ``None``)."""
    if isinstance(user, models.Model) and user.pk is not None:
        return user
    return None


def on_user_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    account = _saved_user(user)
    record(action=LOGIN, actor=account, target=account, ip_address=client_ip(request))


def on_user_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    account = _saved_user(user)
    record(action=LOGOUT, actor=account, target=account, ip_address=client_ip(request))


def on_user_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """Record the attempted username (never the password) and the account it names, if any."""
    user_model = get_user_model()
    attempted = credentials.get(user_model.USERNAME_FIELD, credentials.get("username"))
    username = clean_text(str(attempted), max_length=150) if attempted is not None else ""
    account = (
        user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        if username
        else None
    )
    record(
        action=LOGIN_FAILED,
        actor=None,
        target=account,
        data={"username": username},
        agency_id=getattr(account, "agency_id", None),
        ip_address=client_ip(request),
    )


def connect_auth_signals() -> None:
    """Connect the handlers once (``dispatch_uid`` makes repeated calls harmless)."""
    user_logged_in.connect(on_user_logged_in, dispatch_uid="vanthu.audit.login")
    user_logged_out.connect(on_user_logged_out, dispatch_uid="vanthu.audit.logout")
    user_login_failed.connect(on_user_login_failed, dispatch_uid="vanthu.audit.login_failed")
