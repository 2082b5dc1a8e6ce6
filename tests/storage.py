"""An isolated blob store: every test that stores files keeps them in its own folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from config.settings.env import storages


@pytest.fixture
def blob_store(settings: Any, tmp_path: Path) -> Path:
    """Send blobs (and upload temporaries) to this test's own folder, never the real data folder.

    Re-export it (``__all__``) and request it, or make it automatic in a ``conftest.py`` with an
    autouse fixture that takes ``blob_store``.
    """
    settings.STORAGES = storages(tmp_path)
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    return tmp_path
