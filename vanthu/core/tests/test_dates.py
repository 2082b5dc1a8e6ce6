"""The Decree 30 date line, dd/mm/yyyy display and parsing, template filters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template import Context, Template
from hypothesis import given

from vanthu.core.dates import (
    date_line,
    date_phrase,
    format_date,
    format_datetime,
    parse_date_vi,
)
from vanthu.core.errors import InvalidInputError
from vanthu.core.tests.strategies import dates

UTC = dt.UTC


class TestDateLine:
    @pytest.mark.parametrize(
        ("place", "day", "line"),
        [
            ("Hà Tiên", dt.date(2020, 9, 21), "Hà Tiên, ngày 21 tháng 9 năm 2020"),
            ("Hà Nội", dt.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
            ("Hà Tiên", dt.date(2026, 1, 5), "Hà Tiên, ngày 05 tháng 01 năm 2026"),
            (
                "Thành phố Hồ Chí Minh",
                dt.date(2019, 6, 29),
                "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019",
            ),
            ("Kiên Giang", dt.date(2020, 2, 29), "Kiên Giang, ngày 29 tháng 02 năm 2020"),
            ("Kiên Giang", dt.date(2020, 12, 1), "Kiên Giang, ngày 01 tháng 12 năm 2020"),
            ("Kiên Giang", dt.date(2020, 10, 10), "Kiên Giang, ngày 10 tháng 10 năm 2020"),
        ],
    )
    def test_examples(self, place: str, day: dt.date, line: str) -> None:
        assert date_line(place, day) == line

    def test_place_is_cleaned(self) -> None:
        assert date_line("  Hà   Tiên ", dt.date(2020, 9, 21)).startswith("Hà Tiên, ngày")

    def test_phrase_without_place(self) -> None:
        assert date_phrase(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"

    @given(dates)
    def test_padding_rules(self, day: dt.date) -> None:
        match = re.fullmatch(r"X, ngày (\d+) tháng (\d+) năm (\d+)", date_line("X", day))
        assert match is not None
        day_text, month_text, year_text = match.groups()
        assert (int(day_text), int(month_text), int(year_text)) == (day.day, day.month, day.year)
        assert len(day_text) == 2  # 1-9 padded, 10-31 two digits anyway
        assert len(month_text) == (2 if day.month <= 2 or day.month >= 10 else 1)
        assert month_text.startswith("0") == (day.month <= 2)


class TestFormat:
    def test_format_date(self) -> None:
        assert format_date(dt.date(2026, 1, 5)) == "05/01/2026"

    def test_format_datetime_in_vietnam_time(self) -> None:
        moment = dt.datetime(2025, 12, 31, 17, 30, tzinfo=UTC)
        assert format_datetime(moment) == "01/01/2026 00:30"

    def test_naive_datetime_is_taken_as_utc(self) -> None:
        assert format_datetime(dt.datetime(2026, 1, 5, 1, 2)) == "05/01/2026 08:02"  # noqa: DTZ001

    def test_format_date_of_a_datetime_uses_vietnam_day(self) -> None:
        assert format_date(dt.datetime(2025, 12, 31, 20, 0, tzinfo=UTC)) == "01/01/2026"


class TestParse:
    @pytest.mark.parametrize(
        ("text", "day"),
        [
            ("05/01/2026", dt.date(2026, 1, 5)),
            ("5/1/2026", dt.date(2026, 1, 5)),
            (" 23/4/2020 ", dt.date(2020, 4, 23)),
            ("29/02/2024", dt.date(2024, 2, 29)),
        ],
    )
    def test_accepted(self, text: str, day: dt.date) -> None:
        assert parse_date_vi(text) == day

    @pytest.mark.parametrize(
        "text", ["", "2026-01-05", "31/02/2026", "5/13/2026", "05/01/26", "5-1-2026", "ngày 5"]
    )
    def test_rejected_with_vietnamese_message(self, text: str) -> None:
        with pytest.raises(InvalidInputError) as caught:
            parse_date_vi(text, field="issued_date")
        assert caught.value.code == "invalid_input"
        assert "dd/mm/yyyy" in caught.value.message
        assert "Ngày không hợp lệ" in caught.value.message
        assert caught.value.fields == {"issued_date": [caught.value.message]}

    @given(dates)
    def test_round_trip(self, day: dt.date) -> None:
        assert parse_date_vi(format_date(day)) == day
        assert parse_date_vi(f"{day.day}/{day.month}/{day.year}") == day


class TestTemplateFilters:
    def render(self, source: str, **context: object) -> str:
        return Template("{% load vi_dates %}" + source).render(Context(context))

    def test_filters(self) -> None:
        out = self.render(
            "{{ d|date_vi }}|{{ d|date_phrase }}|{{ t|datetime_vi }}|{{ t|date_vi }}",
            d=dt.date(2026, 1, 5),
            t=dt.datetime(2026, 3, 1, 2, 5, tzinfo=UTC),
        )
        assert out == "05/01/2026|ngày 05 tháng 01 năm 2026|01/03/2026 09:05|01/03/2026"

    def test_empty_values_render_empty(self) -> None:
        source = "[{{ n|date_vi }}{{ n|date_phrase }}{{ n|datetime_vi }}]"
        assert self.render(source, n=None) == "[]"
