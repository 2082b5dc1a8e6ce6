"""API bearer tokens: issued once in clear, stored as SHA-256 with a short prefix, revocable."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from vanthu.accounts.errors import TokenRevokedError
from vanthu.accounts.models import ApiToken, User
from vanthu.accounts.roles import is_agency_admin_of
from vanthu.audit.services import record
from vanthu.core.errors import PermissionDeniedError

PREFIX_LENGTH = 8
_MAX_TOKEN_LENGTH = 200
_TOUCH_EVERY = dt.timedelta(minutes=1)


def hash_token(raw: str) -> str:
    """Return the hex SHA-256 of a raw token."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _may_manage_tokens(actor: User | None, user: User) -> bool:
    if actor is None or actor.pk == user.pk:
        return True
    return is_agency_admin_of(actor, user.agency_id)


@transaction.atomic
def token_issue(*, user: User, actor: User | None) -> str:
    """Create a token for ``user`` and return it in clear (the only time it is visible)."""
    if not _may_manage_tokens(actor, user):
        raise PermissionDeniedError
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, prefix=raw[:PREFIX_LENGTH], key_hash=hash_token(raw))
    record(
        action="accounts.token_issued",
        actor=actor,
        target=token,
        agency_id=user.agency_id,
        data={"user_id": user.pk, "prefix": token.prefix},
    )
    return raw


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: User | None) -> ApiToken:
    """Revoke one token now."""
    locked = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if not _may_manage_tokens(actor, locked.user):
        raise PermissionDeniedError
    if locked.revoked_at is not None:
        raise TokenRevokedError
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    token.revoked_at = locked.revoked_at
    record(
        action="accounts.token_revoked",
        actor=actor,
        target=locked,
        agency_id=locked.user.agency_id,
        data={"user_id": locked.user_id, "prefix": locked.prefix},
    )
    return locked


@transaction.atomic
def tokens_revoke_all(*, user: User, actor: User | None) -> int:
    """Revoke every live token of ``user``; return how many were revoked."""
    if not _may_manage_tokens(actor, user):
        raise PermissionDeniedError
    live = list(
        ApiToken.objects.select_for_update()
        .filter(user=user, revoked_at__isnull=True)
        .values_list("prefix", flat=True)
    )
    count = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if count:
        record(
            action="accounts.tokens_revoked",
            actor=actor,
            target=user,
            agency_id=user.agency_id,
            data={"count": count, "prefixes": sorted(live)},
        )
    return count


def user_for_token(raw: str | None) -> User | None:
    """Return the active user owning the live token ``raw``, or None.

    The lookup is by hash, so the secret itself is never compared; ``last_used_at`` is written
    at most once a minute.
    """
    if not raw or len(raw) > _MAX_TOKEN_LENGTH:
        return None
    digest = hash_token(raw)
    token = (
        ApiToken.objects.select_related("user", "user__agency", "user__unit")
        .filter(key_hash=digest, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, digest):
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
