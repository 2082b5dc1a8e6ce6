"""Tests of the keyset cursor helpers in vanthu.core.api, on real agency rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vanthu.accounts.models import Agency
from vanthu.accounts.tests.factories import AgencyFactory
from vanthu.core.api import InvalidCursorError, decode_cursor, encode_cursor, keyset_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value",
    [
        "000.00.12.H49",
        "Sở Nội vụ",
        42,
        dt.date(2026, 1, 5),
        dt.datetime(2026, 1, 5, 8, 30, tzinfo=dt.UTC),
    ],
)
def test_cursor_round_trip(value: object) -> None:
    cursor = encode_cursor(value, 7)
    assert "=" not in cursor
    assert decode_cursor(cursor) == (value, 7)


@pytest.mark.parametrize(
    "cursor",
    ["", "!!!", "e30", "WyJ2IiwieCJd", "WyJkIiwiMjAyNi0xMy0wMSIsMV0", "WyJ2IiwiXHUwMDAwIiwxXQ"],
)
def test_malformed_cursors_are_refused(cursor: str) -> None:
    with pytest.raises(InvalidCursorError) as info:
        decode_cursor(cursor)
    assert info.value.status == 400
    assert info.value.fields == {"cursor": ["Con trỏ phân trang không hợp lệ."]}


@pytest.mark.parametrize("descending", [False, True])
def test_pages_walk_every_row_once_in_order(descending: bool) -> None:
    AgencyFactory.create_batch(7)
    ordered = sorted(Agency.objects.all(), key=lambda a: (a.organ_id, a.pk), reverse=descending)
    seen: list[int] = []
    cursor = None
    for _page in range(10):
        page = keyset_page(
            Agency.objects.all(),
            sort_field="organ_id",
            cursor=cursor,
            limit=3,
            descending=descending,
        )
        assert len(page.items) <= 3
        seen += [a.pk for a in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [a.pk for a in ordered]


def test_ties_on_the_sort_value_are_broken_by_id() -> None:
    agencies = AgencyFactory.create_batch(5, place_name="Kiên Giang")
    first = keyset_page(Agency.objects.all(), sort_field="place_name", cursor=None, limit=2)
    rest = keyset_page(
        Agency.objects.all(), sort_field="place_name", cursor=first.next_cursor, limit=10
    )
    assert [a.pk for a in first.items + rest.items] == sorted(a.pk for a in agencies)
    assert rest.next_cursor is None


def test_uses_a_row_value_comparison() -> None:
    AgencyFactory.create_batch(2)
    cursor = encode_cursor("000", 0)
    with CaptureQueriesContext(connection) as queries:
        keyset_page(Agency.objects.all(), sort_field="organ_id", cursor=cursor, limit=5)
    (query,) = queries.captured_queries
    assert ") > (" in query["sql"]
    assert " OR " not in query["sql"]


def test_cursor_value_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(InvalidCursorError):
        keyset_page(Agency.objects.all(), sort_field="id", cursor=encode_cursor("x", 1), limit=5)
