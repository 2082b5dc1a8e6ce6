"""Fixtures of the search tests that need incoming and outgoing (outside ``vanthu``, whose
layers forbid search to import them): the sources installed, offices, a fresh index."""

from __future__ import annotations

import pytest

from vanthu.incoming.search_source import register_search_source as register_incoming
from vanthu.incoming.tests.factories import Office, office_make
from vanthu.outgoing.search_source import register_search_source as register_outgoing
from vanthu.search.tests.conftest import search_index

__all__ = ["search_index"]

# Until incoming/outgoing AppConfig.ready() install them (idempotent: dispatch uids).
register_incoming()
register_outgoing()


@pytest.fixture
def office(db: None) -> Office:
    return office_make()


@pytest.fixture
def other_office(db: None) -> Office:
    return office_make()
