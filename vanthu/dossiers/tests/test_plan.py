"""The file plan: headings, codes, numbering modes, copying, approval and issue; the schedule."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.dossiers.enums import FilePlanStatus, Numbering, Retention
from vanthu.dossiers.errors import (
    DuplicatePlanCodeError,
    FilePlanExistsError,
    FilePlanNotEditableError,
    FilePlanStateError,
)
from vanthu.dossiers.models import FilePlanItem, RetentionScheduleItem
from vanthu.dossiers.plan_models import roman
from vanthu.dossiers.plan_services import (
    file_plan_approve,
    file_plan_copy,
    file_plan_create,
    file_plan_issue,
    heading_add,
    plan_item_add,
)
from vanthu.dossiers.retention.schedule import ROWS, schedule_load
from vanthu.dossiers.schemas import RetentionValue
from vanthu.dossiers.tests.factories import plan_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]


def test_api_retention_values_are_the_enum() -> None:
    assert set(typing.get_args(RetentionValue)) == set(Retention.values)


class TestSchedule:
    def test_the_reference_schedule_is_loaded_with_basis_and_version(self) -> None:
        rows = RetentionScheduleItem.objects.filter(agency__isnull=True)
        assert rows.count() == len(ROWS)
        charter = rows.get(title__startswith="Hồ sơ xây dựng, ban hành Điều lệ")
        assert (charter.retention, charter.legal_basis, charter.version) == (
            Retention.Y20,
            "Thông tư 10/2022/TT-BNV",
            "2022",
        )
        assert rows.filter(retention=Retention.UNTIL_EXPIRED).exists()

    def test_loading_again_is_idempotent_and_keeps_agency_items(self, office: Office) -> None:
        own = RetentionScheduleItem.objects.create(
            agency=office.agency,
            group_code="13",
            group_name="Chuyên môn nghiệp vụ",
            title="Hồ sơ cấp phép riêng của cơ quan",
            retention=Retention.Y10,
            legal_basis="Quyết định của cơ quan",
            version="2026",
        )
        schedule_load(model=RetentionScheduleItem)
        assert RetentionScheduleItem.objects.filter(agency__isnull=True).count() == len(ROWS)
        assert RetentionScheduleItem.objects.filter(pk=own.pk).exists()


class TestPlan:
    def test_codes_run_continuously_across_headings(self, office: Office) -> None:
        plan, heading, first = plan_make(office.clerk)
        inner = heading_add(actor=office.clerk, plan=plan, title="Tuyển dụng", parent=heading)
        second = heading_add(actor=office.clerk, plan=plan, title="Văn phòng", abbreviation="vp")
        a = plan_item_add(actor=office.clerk, heading=inner, title="Tuyển dụng", retention="20")
        b = plan_item_add(actor=office.clerk, heading=second, title="Sổ", retention="permanent")
        assert [first.code, a.code, b.code] == ["01.TCCB", "02.TCCB", "03.VP"]
        assert (heading.label, inner.label, second.label) == ("I.", "1.", "II.")
        audited = AuditEvent.objects.filter(action="dossiers.plan_item_added").count()
        assert audited == 3

    def test_codes_restart_per_heading_when_chosen(self, office: Office) -> None:
        plan = file_plan_create(actor=office.clerk, year=2026, numbering=Numbering.PER_HEADING)
        one = heading_add(actor=office.clerk, plan=plan, title="Tổ chức", abbreviation="TCCB")
        two = heading_add(actor=office.clerk, plan=plan, title="Văn phòng", abbreviation="VP")
        codes = [
            plan_item_add(actor=office.clerk, heading=h, title=t, retention=Retention.Y10).code
            for h, t in ((one, "A"), (one, "B"), (two, "C"))
        ]
        assert codes == ["01.TCCB", "02.TCCB", "01.VP"]

    def test_a_duplicate_code_is_refused(self, office: Office) -> None:
        plan, heading, item = plan_make(office.clerk)
        with pytest.raises(DuplicatePlanCodeError) as caught:
            plan_item_add(
                actor=office.clerk, heading=heading, title="X", retention="10", code=item.code
            )
        assert caught.value.code == "file_plan_duplicate_code"
        assert "đã có trong danh mục" in caught.value.message
        assert FilePlanItem.objects.filter(plan=plan).count() == 1

    def test_one_plan_per_year_and_a_large_heading_needs_an_abbreviation(
        self, office: Office
    ) -> None:
        plan, _heading, _item = plan_make(office.clerk)
        with pytest.raises(FilePlanExistsError):
            file_plan_create(actor=office.clerk, year=2026)
        with pytest.raises(InvalidInputError) as caught:
            heading_add(actor=office.clerk, plan=plan, title="Không viết tắt")
        assert "abbreviation" in caught.value.fields

    def test_a_specialist_cannot_draft_the_plan(self, office: Office) -> None:
        with pytest.raises(PermissionDeniedError):
            file_plan_create(actor=office.specialist_a, year=2026)

    def test_copy_last_year_then_adjust(self, office: Office) -> None:
        old, heading, _item = plan_make(office.clerk, year=2025)
        heading_add(actor=office.clerk, plan=old, title="Con", parent=heading)
        new = file_plan_copy(actor=office.clerk, source=old, year=2026)
        assert new.copied_from == old
        assert list(new.items.values_list("code", "title")) == list(
            old.items.values_list("code", "title")
        )
        assert new.headings.count() == 2
        assert new.headings.get(parent__isnull=False).parent.plan == new  # type: ignore[union-attr]
        added = plan_item_add(
            actor=office.clerk,
            heading=new.headings.get(parent__isnull=True),
            title="Mới",
            retention="5",
        )
        assert added.code == "02.TCCB"

    def test_approve_by_the_leader_then_issue_with_the_decision(self, office: Office) -> None:
        plan, heading, _item = plan_make(office.clerk)
        with pytest.raises(FilePlanStateError):
            file_plan_issue(
                actor=office.clerk,
                plan=plan,
                decision_number="12/QĐ-X",
                decision_date=dt.date(2026, 1, 5),
            )
        with pytest.raises(PermissionDeniedError):
            file_plan_approve(actor=office.clerk, plan=plan)
        approved = file_plan_approve(actor=office.leader, plan=plan)
        assert approved.status == FilePlanStatus.APPROVED
        assert approved.approved_by == office.leader
        issued = file_plan_issue(
            actor=office.clerk,
            plan=plan,
            decision_number="05/QĐ-SNV",
            decision_date=dt.date(2026, 1, 5),
        )
        assert (issued.status, issued.decision_number) == (FilePlanStatus.ISSUED, "05/QĐ-SNV")
        with pytest.raises(FilePlanNotEditableError):
            plan_item_add(actor=office.clerk, heading=heading, title="Muộn", retention="5")
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {"dossiers.plan_approved", "dossiers.plan_issued"} <= actions

    def test_another_agency_cannot_touch_the_plan(
        self, office: Office, other_office: Office
    ) -> None:
        plan, heading, _item = plan_make(office.clerk)
        with pytest.raises(PermissionDeniedError):
            plan_item_add(actor=other_office.clerk, heading=heading, title="X", retention="5")
        with pytest.raises(PermissionDeniedError):
            file_plan_approve(actor=other_office.leader, plan=plan)
