"""Fixtures for the demo tests: the demo province, loaded once for the whole test package.

Loading the province with its incoming side replays hundreds of registrations through the real
services (tens of seconds, not milliseconds), so ``load_demo`` runs once per test process on the
empty test database, inside a transaction rolled back when the package's tests are done; every
test runs in a savepoint of it and leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from pytest_django import DjangoDbBlocker

from vanthu.demo.services import DemoLoadResult, demo_load


@dataclass(frozen=True)
class FirstLoad:
    """What the first ``load_demo`` printed and the row count of every model after it."""

    output: str
    counts: dict[str, int]
    result: DemoLoadResult


def row_counts() -> dict[str, int]:
    """Return the number of rows of every model."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture(scope="package")
def demo_loaded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[FirstLoad]:
    """Run ``load_demo`` once on the empty test database (rolled back at the end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        counts = row_counts()
        yield FirstLoad(out.getvalue(), counts, demo_load())
        transaction.set_rollback(True)


@pytest.fixture
def first_load(demo_loaded: FirstLoad, db: None) -> FirstLoad:
    """The first load of the demo province, in the test database."""
    return demo_loaded


@pytest.fixture
def province(demo_loaded: FirstLoad, db: None) -> DemoLoadResult:
    """The demo province, loaded into the test database."""
    return demo_loaded.result
