"""Deactivate a user who leaves or moves (and reactivate one), by the agency's administrator.

Higher apps add blockers without accounts importing them: the agency archive registers
"still holds dossiers" (Decree 30: staff hand over their dossiers before they leave). A blocker
takes the actor and the user and raises a DomainError to refuse.
"""

from __future__ import annotations

from typing import Protocol

from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import forget_roles, is_agency_admin_of
from vanthu.accounts.tokens import tokens_revoke_all
from vanthu.audit.services import record
from vanthu.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from vanthu.core.text import clean_text

MAX_REASON = 500


class Blocker(Protocol):
    """Refuse (raise a DomainError) the deactivation of ``user`` by ``actor``."""

    def __call__(self, *, actor: User, user: User) -> None: ...


_BLOCKERS: list[Blocker] = []


class DeactivateSelfError(InvalidInputError):
    code = "user_deactivate_self"
    default_message = _("Không thể tự ngừng hoạt động tài khoản của chính mình.")


class UserAlreadyInactiveError(ConflictError):
    code = "user_already_inactive"
    default_message = _("Tài khoản này đã ngừng hoạt động.")


class UserAlreadyActiveError(ConflictError):
    code = "user_already_active"
    default_message = _("Tài khoản này đang hoạt động.")


def register_blocker(blocker: Blocker) -> Blocker:
    """Add ``blocker`` (once); it is called as ``blocker(actor=..., user=...)``."""
    if blocker not in _BLOCKERS:
        _BLOCKERS.append(blocker)
    return blocker


def unregister_blocker(blocker: Blocker) -> None:
    """Remove ``blocker`` if registered (tests)."""
    if blocker in _BLOCKERS:
        _BLOCKERS.remove(blocker)


def check_blockers(*, actor: User, user: User) -> None:
    """Run every blocker; the first refusal propagates."""
    for blocker in tuple(_BLOCKERS):
        blocker(actor=actor, user=user)


def _reason(value: str) -> str:
    reason = clean_text(value)[:MAX_REASON]
    if not reason:
        raise InvalidInputError(fields={"reason": [str(_("Cần nêu lý do."))]})
    return reason


def _ensure_admin(actor: User, user: User) -> None:
    if not actor.is_active or not is_agency_admin_of(actor, user.agency_id):
        raise PermissionDeniedError(_("Chỉ quản trị của cơ quan mới thực hiện thao tác này."))


def sessions_end(user: User) -> int:
    """Delete the live sessions of ``user``; return how many were ended."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def user_deactivate(*, actor: User, user: User, reason: str) -> User:
    """Stop ``user``'s account: refused while a blocker objects (dossiers not handed over);
    ends their sessions and revokes their API tokens; audited with the reason."""
    _ensure_admin(actor, user)
    if actor.pk == user.pk:
        raise DeactivateSelfError
    reason = _reason(reason)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not locked.is_active:
            raise UserAlreadyInactiveError
        check_blockers(actor=actor, user=locked)
        locked.is_active = False
        locked.save(update_fields=["is_active"])
        tokens = tokens_revoke_all(user=locked, actor=actor)
        sessions = sessions_end(locked)
        record(
            action="accounts.user_deactivated",
            actor=actor,
            target=locked,
            agency_id=locked.agency_id,
            data={"reason": reason, "tokens_revoked": tokens, "sessions_ended": sessions},
        )
    forget_roles(user)
    user.is_active = False
    return locked


def user_reactivate(*, actor: User, user: User, reason: str) -> User:
    """Let ``user`` sign in again (their API tokens stay revoked); audited with the reason."""
    _ensure_admin(actor, user)
    reason = _reason(reason)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.is_active:
            raise UserAlreadyActiveError
        locked.is_active = True
        locked.save(update_fields=["is_active"])
        record(
            action="accounts.user_reactivated",
            actor=actor,
            target=locked,
            agency_id=locked.agency_id,
            data={"reason": reason},
        )
    forget_roles(user)
    user.is_active = True
    return locked


def managed_users_for(*, actor: User) -> QuerySet[User]:
    """Return the users of the actor's agency when the actor administers it (else none)."""
    if actor.agency_id is None or not is_agency_admin_of(actor, actor.agency_id):
        return User.objects.none()
    return (
        User.objects.filter(agency_id=actor.agency_id)
        .select_related("agency", "unit")
        .prefetch_related("role_grants")
        .order_by("-is_active", "full_name", "username", "pk")
    )


def managed_user_get_for(*, actor: User, pk: int) -> User:
    """Return one user of the actor's agency: 404 for another agency's (or none at all);
    the services refuse a non-administrator with 403."""
    user = None
    if actor.is_active and actor.agency_id is not None:
        user = (
            User.objects.select_related("agency", "unit")
            .filter(pk=pk, agency_id=actor.agency_id)
            .first()
        )
    if user is None:
        raise NotFoundError(_("Không tìm thấy người dùng."))
    return user
