"""Lock an account for a while after repeated failed logins (settings.VANTHU_LOGIN_*)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.audit.services import record

# The one message for any refused login: never reveal whether the name, the password or a lock
# was the reason.
LOGIN_FAILED_MESSAGE = _("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.")


def is_locked(user: User, *, now: dt.datetime | None = None) -> bool:
    """Return whether ``user`` is inside a lock-out period."""
    return user.locked_until is not None and user.locked_until > (now or timezone.now())


@transaction.atomic
def login_failed(*, user: User, ip_address: str | None = None) -> bool:
    """Count one failed login of ``user``; return True when this failure starts a lock.

    Failures while locked do not extend the lock; after a lock has expired the count restarts.
    """
    now = timezone.now()
    row = (
        User.objects.select_for_update()
        .only("pk", "agency_id", "failed_login_count", "locked_until", "username", "full_name")
        .get(pk=user.pk)
    )
    if is_locked(row, now=now):
        return False
    count = 1 if row.locked_until is not None else row.failed_login_count + 1
    locked_until = None
    if count >= settings.VANTHU_LOGIN_MAX_FAILURES:
        locked_until = now + dt.timedelta(minutes=settings.VANTHU_LOGIN_LOCKOUT_MINUTES)
    User.objects.filter(pk=row.pk).update(failed_login_count=count, locked_until=locked_until)
    user.failed_login_count, user.locked_until = count, locked_until
    if locked_until is None:
        return False
    record(
        action="accounts.locked",
        actor=None,
        target=row,
        agency_id=row.agency_id,
        data={"failures": count, "locked_until": locked_until},
        ip_address=ip_address,
    )
    return True


def login_succeeded(*, user: User) -> None:
    """Reset the failure count of ``user`` after a successful login."""
    if user.failed_login_count or user.locked_until is not None:
        User.objects.filter(pk=user.pk).update(failed_login_count=0, locked_until=None)
        user.failed_login_count, user.locked_until = 0, None


@transaction.atomic
def unlock(*, actor: User | None, user: User) -> None:
    """Lift a lock-out before its end (agency admin, admin site)."""
    User.objects.filter(pk=user.pk).update(failed_login_count=0, locked_until=None)
    user.failed_login_count, user.locked_until = 0, None
    record(action="accounts.unlocked", actor=actor, target=user, agency_id=user.agency_id)
