"""Schemathesis against the hand-over operations: no 5xx and conforming answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.accounts.tokens import token_issue

CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "5xx"]
            }
        }
    }
)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
).include(path_regex="^/api/v1/handover")

FUZZ_SETTINGS = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _keep_test_connection(db: None) -> Iterator[None]:
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def archivist_headers(db: None) -> dict[str, str]:
    user = make_user(agency=make_agency(), roles=[Role.ARCHIVIST, Role.AGENCY_LEADER])
    return {"Authorization": f"Bearer {token_issue(user=user, actor=None)}"}


@schema.parametrize()
@FUZZ_SETTINGS
def test_handover_api_conforms(case: Any, archivist_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=archivist_headers)
