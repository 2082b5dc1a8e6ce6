"""Fixtures for the web shell tests."""

from __future__ import annotations

import pytest

from vanthu.web.tests import builders
from vanthu.web.tests.builders import MakeUser


@pytest.fixture
def make_user(db: None) -> MakeUser:
    """Return a factory of users holding the given roles (database access enabled)."""
    return builders.make_user
