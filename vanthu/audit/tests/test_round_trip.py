"""Any JSON-like data reads back from the database exactly as it was hashed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanthu.audit.canonical import clean_data
from vanthu.audit.chain import compute_hash
from vanthu.audit.models import AuditEvent
from vanthu.audit.services import record

pytestmark = pytest.mark.django_db

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.dictionaries(st.text(max_size=8), json_values, max_size=5), label=st.text())
def test_stored_event_hashes_the_same_after_reading_back(data: dict[str, Any], label: str) -> None:
    event = record(action=label or "test.empty", actor=None, data=data)

    stored = AuditEvent.objects.get(pk=event.pk)

    assert stored.data == event.data
    assert compute_hash(stored) == stored.hash


@pytest.mark.parametrize(
    ("given_value", "cleaned"),
    [
        (float("nan"), "nan"),
        (float("-inf"), "-inf"),
        (-0.0, 0.0),
        (1e16, 10**16),
        (1e100, int(1e100)),
        (0.1, 0.1),
        ("a\x00b", "a\ufffdb"),
        ("\ud800", "?"),
    ],
)
def test_values_the_databases_would_alter_are_settled_first(
    given_value: object, cleaned: object
) -> None:
    assert clean_data({"v": given_value}) == {"v": cleaned}
