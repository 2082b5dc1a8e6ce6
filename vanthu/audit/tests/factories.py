"""Users and agencies for the audit tests, typed loosely (the audit app knows no User class)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission

from vanthu.accounts.tests.factories import AgencyFactory, UserFactory


def make_user(**kwargs: Any) -> Any:
    """Return a saved user of the project's user model."""
    return UserFactory(**kwargs)


def make_agency(**kwargs: Any) -> Any:
    """Return a saved agency."""
    return AgencyFactory(**kwargs)


def make_auditor(**kwargs: Any) -> Any:
    """Return a saved user holding ``audit.view_auditevent``, permission cache warmed."""
    user = make_user(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    fresh = type(user).objects.get(pk=user.pk)
    fresh.has_perm("audit.view_auditevent")
    return fresh
