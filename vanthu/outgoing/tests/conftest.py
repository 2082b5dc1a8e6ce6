"""Fixtures of the outgoing tests: an office with a user in each role, its books, a blob store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage import blob_store
from vanthu.outgoing.tests.factories import Office, office_make

__all__ = ["blob_store"]


@pytest.fixture(autouse=True)
def _isolated_blob_store(blob_store: Path) -> None:
    """Blobs go to this test's own folder."""


@pytest.fixture
def office(db: None) -> Office:
    return office_make()


@pytest.fixture
def other_office(db: None) -> Office:
    return office_make()
