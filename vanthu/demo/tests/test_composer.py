"""The pieces the demo documents are made of: periods, codes, numbers, data tables."""

from __future__ import annotations

from datetime import date

import pytest

from vanthu.demo.composer import next_month, past_periods, signer_position, working_days
from vanthu.demo.constants import REQUIRED_LOGINS
from vanthu.demo.data.agencies import AGENCIES
from vanthu.demo.data.staff import FEMALE_MIDDLE, MALE_MIDDLE, person_name, staff_for
from vanthu.documents.numbering import format_number


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 1, 15), {"tháng 12 năm 2019", "quý IV năm 2019"}),
        (date(2021, 2, 3), {"tháng 01 năm 2021", "quý IV năm 2020"}),
        (date(2022, 7, 1), {"tháng 6 năm 2022", "quý II năm 2022", "6 tháng đầu năm 2022"}),
        (
            date(2023, 10, 9),
            {"tháng 9 năm 2023", "quý III năm 2023", "6 tháng đầu năm 2023", "9 tháng năm 2023"},
        ),
    ],
)
def test_past_periods_have_ended_by_the_day(day: date, expected: set[str]) -> None:
    assert set(past_periods(day)) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 1, 10), "tháng 02 năm 2020"),
        (date(2020, 2, 10), "tháng 3 năm 2020"),
        (date(2020, 12, 10), "tháng 01 năm 2021"),
    ],
)
def test_next_month_is_written_like_the_date_line(day: date, expected: str) -> None:
    assert next_month(day) == expected


def test_numbers_are_padded_below_ten_only() -> None:
    assert [format_number(n) for n in (1, 9, 10, 123)] == ["01", "09", "10", "123"]


def test_signer_position_drops_the_body_name() -> None:
    assert signer_position("Phó Chủ tịch Ủy ban nhân dân xã") == "Phó Chủ tịch"
    assert signer_position("Giám đốc") == "Giám đốc"


def test_working_days_skip_weekends_and_holidays() -> None:
    days = working_days(date(2020, 4, 27), date(2020, 5, 4))
    # 30/4 and 1/5 are public holidays, 2–3/5 a weekend.
    assert days == (date(2020, 4, 27), date(2020, 4, 28), date(2020, 4, 29), date(2020, 5, 4))


def test_organ_ids_and_usernames_are_unique() -> None:
    organ_ids = [spec.organ_id for spec in AGENCIES]
    assert len(set(organ_ids)) == len(organ_ids) == 38
    usernames = [user.username for spec in AGENCIES for user in staff_for(spec)]
    assert len(set(usernames)) == len(usernames)
    assert set(REQUIRED_LOGINS) - {"admin"} <= set(usernames)


def test_superiors_come_before_the_bodies_under_them() -> None:
    seen: set[str] = set()
    for spec in AGENCIES:
        assert spec.superior is None or spec.superior in seen
        seen.add(spec.organ_id)


def test_names_are_stable_and_follow_gender() -> None:
    for seed in ("hatien.tuphap.vanthu", "binhsan.chutich", "snv.tcbc"):
        female = person_name(seed, female=True)
        assert female == person_name(seed, female=True)
        assert female.split()[1] in {part.split()[0] for part in FEMALE_MIDDLE}
        assert person_name(seed, female=False).split()[1] in MALE_MIDDLE
