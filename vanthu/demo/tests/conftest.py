"""Fixtures for the demo tests: the demo province, loaded once per test."""

from __future__ import annotations

import pytest

from vanthu.demo.services import DemoLoadResult, demo_load


@pytest.fixture
def province(db: None) -> DemoLoadResult:
    """Load the demo province into the test database."""
    return demo_load()
