"""The reads behind the plan screens: the code an item will get, the schedule matches."""

from __future__ import annotations

import pytest

from vanthu.dossiers.enums import Numbering, Retention
from vanthu.dossiers.plan_edits import plan_item_code_proposed, schedule_matches
from vanthu.dossiers.plan_services import file_plan_create, heading_add, plan_item_add
from vanthu.dossiers.retention.services import schedule_item_add
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


@pytest.mark.parametrize("numbering", [Numbering.CONTINUOUS, Numbering.PER_HEADING])
def test_the_proposal_is_the_code_the_service_gives(office: Office, numbering: Numbering) -> None:
    plan = file_plan_create(actor=office.clerk, year=2026, numbering=numbering)
    first = heading_add(actor=office.clerk, plan=plan, title="Tổ chức", abbreviation="TCCB")
    second = heading_add(actor=office.clerk, plan=plan, title="Tài chính", abbreviation="TC")
    inner = heading_add(actor=office.clerk, plan=plan, title="Lương", parent=second)
    for heading in (first, first, second, inner, first, inner):
        proposed = plan_item_code_proposed(heading=heading)
        item = plan_item_add(actor=office.clerk, heading=heading, title="Hồ sơ", retention="10")
        assert item.code == proposed
    assert plan_item_code_proposed(heading=first) == (
        "07.TCCB" if numbering == Numbering.CONTINUOUS else "04.TCCB"
    )


def test_schedule_matches_rank_by_shared_words(office: Office) -> None:
    rows = schedule_matches(actor=office.clerk, title="Kế hoạch, báo cáo năm của cơ quan")
    assert rows
    assert rows[0].title == "Kế hoạch, báo cáo năm của cơ quan và đơn vị trực thuộc"
    assert rows[0].retention == Retention.PERMANENT
    assert schedule_matches(actor=office.clerk, title="Hồ sơ của cơ quan") == []
    assert len(schedule_matches(actor=office.clerk, title="báo cáo", limit=3)) == 3
    quarterly = schedule_matches(actor=office.clerk, title="Báo cáo quý")
    assert quarterly[0].retention == Retention.Y20


def test_an_agencys_own_items_are_matched_for_it_only(office: Office, other_office: Office) -> None:
    schedule_item_add(
        actor=office.clerk,
        group_code="13",
        group_name="Chuyên môn nghiệp vụ",
        title="Hồ sơ cấp phép khai thác khoáng sản",
        retention="50",
        legal_basis="Quyết định của cơ quan",
        version="2026",
    )
    mine = schedule_matches(actor=office.clerk, title="cấp phép khai thác khoáng sản")
    assert [row.retention for row in mine[:1]] == ["50"]
    assert all(
        row.agency_id is None
        for row in schedule_matches(actor=other_office.clerk, title="cấp phép khai thác khoáng sản")
    )
