"""Schemathesis against the hand-over operations, with an archivist's (and leader's) rights: no
5xx and conforming answers. The project-wide fuzz test only holds a clerk's token."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fuzz import fuzz_settings, keep_test_connection, live_schema, token_headers
from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_agency, make_user

__all__ = ["keep_test_connection"]

schema = live_schema(accepted_statuses=["2xx", "400", "401", "403", "404", "409", "5xx"]).include(
    path_regex="^/api/v1/handover"
)


@pytest.fixture
def archivist_headers(db: None) -> dict[str, str]:
    return token_headers(
        make_user(agency=make_agency(), roles=[Role.ARCHIVIST, Role.AGENCY_LEADER])
    )


@schema.parametrize()
@fuzz_settings(max_examples=8)
def test_handover_api_conforms(case: Any, archivist_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=archivist_headers)
