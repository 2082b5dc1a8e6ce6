"""Schemathesis against the live OpenAPI schema: the set-up every API fuzz test shares.

A fuzz test module loads the schema with ``live_schema`` (narrowed with ``.include(...)`` where it
fuzzes only some operations), decorates its test with ``@schema.parametrize()`` and
``@fuzz_settings(...)``, and re-exports ``keep_test_connection`` (``__all__``) so that requests
run in the test's own transaction. ``token_headers`` gives a user's token as request headers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from vanthu.accounts.models import User
from vanthu.accounts.tokens import token_issue

SCHEMA_PATH = "/api/v1/openapi.json"


def live_schema(*, accepted_statuses: Sequence[str]) -> OpenApiSchema:
    """The live schema, loaded through the WSGI application (no database needed for it).

    ``accepted_statuses`` are the answers that count as accepting schema-valid input.
    """
    config = schemathesis.Config.from_dict(
        {"checks": {"positive_data_acceptance": {"expected-statuses": list(accepted_statuses)}}}
    )
    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, get_wsgi_application(), config=config)


def fuzz_settings(*, max_examples: int) -> settings:
    """Derandomized and without a deadline: the same cases on every run, however slow the box."""
    return settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(autouse=True)
def keep_test_connection(db: None) -> Iterator[None]:
    """Keep the test's connection (and transaction) across requests, like Django's client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def token_headers(user: User) -> dict[str, str]:
    """Request headers carrying a fresh API token of ``user``."""
    return {"Authorization": f"Bearer {token_issue(user=user, actor=None)}"}
