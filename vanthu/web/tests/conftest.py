"""Fixtures for the web shell tests."""

from __future__ import annotations

import os

import pytest

from vanthu.web.tests import builders
from vanthu.web.tests.builders import MakeUser

# Playwright's sync API runs an event loop in the test thread; the ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def make_user(db: None) -> MakeUser:
    """Return a factory of users holding the given roles (database access enabled)."""
    return builders.make_user
