"""Fixtures of the search tests: a fresh index folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from vanthu.search.backends import forget_backends


@pytest.fixture(autouse=True)
def search_index(tmp_path: Path) -> Iterator[Path]:
    """Point the Tantivy backend at an empty folder of this test."""
    folder = tmp_path / "search"
    with override_settings(VANTHU_SEARCH_DIR=str(folder)):
        forget_backends()
        yield folder
    forget_backends()
