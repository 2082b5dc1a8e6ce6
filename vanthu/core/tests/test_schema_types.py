"""IsoDate accepts ISO dates only: numbers and timestamps are not dates a clerk means."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel, ValidationError

from vanthu.core.schema_types import IsoDate


class _Form(BaseModel):
    day: IsoDate


@pytest.mark.parametrize("value", ["2026-01-05", dt.date(2026, 1, 5)])
def test_accepts_iso_dates(value: object) -> None:
    assert _Form.model_validate({"day": value}).day == dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    "value",
    [
        0,
        1767571200,
        "0",
        "05/01/2026",
        "2026-01-05T00:00:00",
        dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
    ],
)
def test_refuses_numbers_timestamps_and_other_shapes(value: object) -> None:
    with pytest.raises(ValidationError):
        _Form.model_validate({"day": value})


def test_json_schema_is_a_plain_date() -> None:
    field = _Form.model_json_schema()["properties"]["day"]
    assert (field["type"], field["format"]) == ("string", "date")
