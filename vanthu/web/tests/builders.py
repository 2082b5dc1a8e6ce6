"""Typed wrappers over the shared factories, for the web shell tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import AgencyFactory, UserFactory

MakeUser = Callable[..., User]


def make_agency(**kwargs: Any) -> Agency:
    """Create an agency with the factory's defaults overridden by ``kwargs``."""
    agency = AgencyFactory.create(**kwargs)
    assert isinstance(agency, Agency)
    return agency


def make_user(*roles: Role, **kwargs: Any) -> User:
    """Create a user (with agency and unit) holding ``roles``."""
    user = UserFactory.create(roles=list(roles), **kwargs)
    assert isinstance(user, User)
    return user
