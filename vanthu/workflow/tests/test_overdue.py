"""The overdue list: per unit and per person, in working days, only what the leader oversees."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import (
    TEST_PASSWORD,
    make_agency,
    make_delegation,
    make_unit,
    make_user,
)
from vanthu.core.errors import PermissionDeniedError
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.overdue import OverdueGroup, overdue_assignments_for, overdue_report_for
from vanthu.workflow.tests.conftest import Setting
from vanthu.workflow.tests.remind_helpers import assign, make_document

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 1, 12)
LAST_THURSDAY = dt.date(2026, 1, 8)  # 2 working days before MONDAY (Friday, Monday)


def _fill(setting: Setting) -> None:
    """Unit A: member_a late on 2 documents; unit B as a unit on 1; one on time, one done."""
    for _ in range(2):
        assign(
            make_document(setting.agency),
            by=setting.leader,
            user=setting.member_a,
            due=LAST_THURSDAY,
        )
    assign(
        make_document(setting.agency),
        by=setting.leader,
        unit=setting.unit_b,
        due=dt.date(2026, 1, 9),
    )
    assign(make_document(setting.agency), by=setting.leader, user=setting.member_b, due=MONDAY)
    assign(
        make_document(setting.agency),
        by=setting.leader,
        user=setting.member_b,
        due=LAST_THURSDAY,
        status=AssignmentStatus.DONE,
    )
    assign(
        make_document(setting.agency),
        by=setting.leader,
        user=setting.member_b,
        due=LAST_THURSDAY,
        role=AssignmentRole.INFORM,
    )


def _counts(groups: list[OverdueGroup]) -> dict[str, int]:
    return {group.label: group.count for group in groups}


class TestOverdueReport:
    def test_leader_sees_counts_per_unit_and_person_in_working_days(self, setting: Setting) -> None:
        _fill(setting)
        report = overdue_report_for(actor=setting.leader, on=MONDAY)
        assert report.total == 3
        assert _counts(report.units) == {setting.unit_a.name: 2, setting.unit_b.name: 1}
        assert [g.label for g in report.units] == [setting.unit_a.name, setting.unit_b.name]
        assert _counts(report.people) == {str(setting.member_a): 2}
        days = sorted(item.days_overdue for group in report.units for item in group.items)
        assert days == [1, 2, 2]  # over the weekend: Friday and Monday only

    def test_the_due_day_itself_is_not_overdue(self, setting: Setting) -> None:
        assign(setting.document, by=setting.leader, user=setting.member_a, due=MONDAY)
        assert overdue_report_for(actor=setting.leader, on=MONDAY).total == 0
        assert overdue_report_for(actor=setting.leader, on=MONDAY + dt.timedelta(1)).total == 1

    def test_unit_head_sees_only_their_unit(self, setting: Setting) -> None:
        _fill(setting)
        head_b = make_user(agency=setting.agency, unit=setting.unit_b, roles=[Role.UNIT_HEAD])
        report = overdue_report_for(actor=head_b, on=MONDAY)
        assert _counts(report.units) == {setting.unit_b.name: 1}
        assert report.people == []
        head_a = make_user(agency=setting.agency, unit=setting.unit_a, roles=[Role.UNIT_HEAD])
        assert _counts(overdue_report_for(actor=head_a, on=MONDAY).people) == {
            str(setting.member_a): 2
        }

    def test_another_agency_sees_nothing(self, setting: Setting) -> None:
        _fill(setting)
        other = make_agency()
        other_leader = make_user(
            agency=other, unit=make_unit(agency=other), roles=[Role.AGENCY_LEADER]
        )
        assert overdue_report_for(actor=other_leader, on=MONDAY).total == 0
        assert not overdue_assignments_for(actor=other_leader, on=MONDAY).exists()

    @pytest.mark.parametrize("roles", [[], [Role.SPECIALIST], [Role.CLERK]])
    def test_others_are_refused(self, setting: Setting, roles: list[Role]) -> None:
        user = make_user(agency=setting.agency, unit=setting.unit_a, roles=roles)
        with pytest.raises(PermissionDeniedError):
            overdue_report_for(actor=user, on=MONDAY)

    def test_a_deputy_by_delegation_sees_the_agency(self, setting: Setting) -> None:
        _fill(setting)
        deputy = make_user(agency=setting.agency, unit=setting.unit_b)
        make_delegation(
            grantor=setting.leader,
            grantee=deputy,
            start_date=dt.date.today() - dt.timedelta(days=1),  # noqa: DTZ011
        )
        assert overdue_report_for(actor=deputy, on=MONDAY).total == 3

    def test_confidential_items_need_clearance(self, setting: Setting) -> None:
        secret = make_document(setting.agency, confidentiality=1)
        assign(secret, by=setting.leader, user=setting.member_a, due=LAST_THURSDAY)
        assert overdue_report_for(actor=setting.leader, on=MONDAY).total == 0
        setting.leader.clearance = 1
        setting.leader.save(update_fields=["clearance"])
        assert overdue_report_for(actor=setting.leader, on=MONDAY).total == 1

    def test_one_query_per_list(self, setting: Setting, django_assert_num_queries: object) -> None:
        _fill(setting)
        leader = User.objects.get(pk=setting.leader.pk)
        queryset = overdue_assignments_for(actor=leader, on=MONDAY)
        with django_assert_num_queries(1):  # type: ignore[operator]
            rows = list(queryset)
        assert len(rows) == 3


class TestOverduePage:
    def test_leader_page(self, setting: Setting, client: Client) -> None:
        _fill(setting)
        assert client.login(username=setting.leader.username, password=TEST_PASSWORD)
        response = client.get(reverse("workflow:overdue"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Theo dõi hạn xử lý" in content
        assert "Theo đơn vị" in content
        assert f"<strong>{setting.unit_a.name}</strong>: 2 văn bản quá hạn" in content

    def test_specialist_is_refused(self, setting: Setting, client: Client) -> None:
        assert client.login(username=setting.member_a.username, password=TEST_PASSWORD)
        assert client.get(reverse("workflow:overdue")).status_code == 403
