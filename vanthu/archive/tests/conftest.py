"""Fixtures of the archive tests: an office with an archivist, its own blob store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from config.settings.env import storages
from vanthu.accounts.models import User
from vanthu.archive.tests.builders import archivist_make
from vanthu.incoming.tests.factories import Office, office_make


@pytest.fixture(autouse=True)
def _isolated_blob_store(settings: Any, tmp_path: Path) -> None:
    """Blobs go to this test's own folder, never the real data folder."""
    settings.STORAGES = storages(tmp_path)
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()


@pytest.fixture
def office(db: None) -> Office:
    return office_make()


@pytest.fixture
def other_office(db: None) -> Office:
    return office_make()


@pytest.fixture
def archivist(office: Office) -> User:
    return archivist_make(office)
