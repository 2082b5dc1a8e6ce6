"""Fixtures of the incoming tests."""

from __future__ import annotations

import pytest

from vanthu.incoming.tests.factories import Office, office_make


@pytest.fixture
def office(db: None) -> Office:
    return office_make()


@pytest.fixture
def other_office(db: None) -> Office:
    return office_make()
