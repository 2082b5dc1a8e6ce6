"""Assignment sets, closing, the trace and party resolution."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.db import IntegrityError

from vanthu.accounts.models import OrgUnit
from vanthu.accounts.tests.factories import make_agency, make_unit, make_user
from vanthu.audit.models import AuditEvent
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction
from vanthu.workflow.errors import InvalidPartyError
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import active_assignments_of, party_resolve, trace_of
from vanthu.workflow.services import assignment_create_set, assignments_close, trace_append
from vanthu.workflow.tests.conftest import Setting

pytestmark = pytest.mark.django_db


def _set(
    setting: Setting,
    lead: Party,
    *,
    supports: Sequence[Party] = (),
    within_unit: OrgUnit | None = None,
) -> list[Assignment]:
    return assignment_create_set(
        actor=setting.leader,
        document=setting.document,
        agency=setting.agency,
        lead=lead,
        supports=supports,
        within_unit=within_unit,
    )


def _append(setting: Setting, action: TraceAction, text: str = "") -> TraceEntry:
    return trace_append(
        actor=setting.leader,
        document=setting.document,
        agency=setting.agency,
        action=action,
        status="registered",
        text=text,
    )


def _close(setting: Setting, status: AssignmentStatus) -> int:
    return assignments_close(
        actor=setting.leader, document=setting.document, agency=setting.agency, status=status
    )


def _active(setting: Setting) -> set[tuple[str, int | None, int | None]]:
    rows = active_assignments_of(document_id=setting.document.pk, agency_id=setting.agency.pk)
    return {(a.role, a.party_user_id, a.party_unit_id) for a in rows}


class TestAssignmentCreateSet:
    def test_creates_one_lead_supports_and_informs(self, setting: Setting) -> None:
        created = assignment_create_set(
            actor=setting.leader,
            document=setting.document,
            agency=setting.agency,
            lead=Party(unit=setting.unit_a),
            supports=[Party(user=setting.member_b)],
            informs=[Party(unit=setting.unit_b)],
            instruction="  Chủ trì\r\n  tham mưu  ",
        )
        assert len(created) == 3
        assert {a.instruction for a in created} == {"Chủ trì\ntham mưu"}
        assert _active(setting) == {
            (AssignmentRole.LEAD, None, setting.unit_a.pk),
            (AssignmentRole.SUPPORT, setting.member_b.pk, None),
            (AssignmentRole.INFORM, None, setting.unit_b.pk),
        }
        event = AuditEvent.objects.get(action="workflow.assignments_set")
        assert event.data["parties"][0] == ["lead", "unit", setting.unit_a.pk]

    def test_a_new_set_supersedes_the_open_one(self, setting: Setting) -> None:
        _set(setting, Party(unit=setting.unit_a))
        _set(setting, Party(unit=setting.unit_b))
        assert _active(setting) == {(AssignmentRole.LEAD, None, setting.unit_b.pk)}
        assert Assignment.objects.filter(status=AssignmentStatus.SUPERSEDED).count() == 1

    def test_within_a_unit_only_that_units_rows_are_superseded(self, setting: Setting) -> None:
        _set(setting, Party(unit=setting.unit_a), supports=[Party(unit=setting.unit_b)])
        _set(setting, Party(user=setting.member_a), within_unit=setting.unit_a)
        assert _active(setting) == {
            (AssignmentRole.LEAD, setting.member_a.pk, None),
            (AssignmentRole.SUPPORT, None, setting.unit_b.pk),
        }

    def test_within_a_unit_every_party_is_inside_it(self, setting: Setting) -> None:
        with pytest.raises(InvalidPartyError) as info:
            assignment_create_set(
                actor=setting.leader,
                document=setting.document,
                agency=setting.agency,
                lead=Party(user=setting.member_b),
                within_unit=setting.unit_a,
            )
        assert list(info.value.fields) == ["lead"]

    def test_parties_of_another_agency_are_refused(self, setting: Setting) -> None:
        stranger = make_unit(agency=make_agency())
        with pytest.raises(InvalidPartyError):
            assignment_create_set(
                actor=setting.leader,
                document=setting.document,
                agency=setting.agency,
                lead=Party(unit=setting.unit_a),
                informs=[Party(unit=stranger)],
            )
        assert not Assignment.objects.exists()

    def test_too_long_an_instruction_is_refused(self, setting: Setting) -> None:
        with pytest.raises(InvalidPartyError) as info:
            assignment_create_set(
                actor=setting.leader,
                document=setting.document,
                agency=setting.agency,
                lead=Party(unit=setting.unit_a),
                instruction="x" * 2001,
            )
        assert list(info.value.fields) == ["instruction"]

    def test_the_database_keeps_one_active_lead(self, setting: Setting) -> None:
        for unit in (setting.unit_a, setting.unit_b):
            row = Assignment(
                document=setting.document,
                agency=setting.agency,
                role=AssignmentRole.LEAD,
                assigned_by=setting.leader,
                party_unit=unit,
            )
            if unit == setting.unit_a:
                row.save()
        with pytest.raises(IntegrityError):
            row.save()

    def test_close_marks_the_open_rows(self, setting: Setting) -> None:
        _set(setting, Party(unit=setting.unit_a))
        assert _close(setting, AssignmentStatus.DONE) == 1
        assert not _active(setting)
        with pytest.raises(ValueError, match="closed status"):
            _close(setting, AssignmentStatus.ACTIVE)


class TestTrace:
    def test_entries_come_back_in_order(self, setting: Setting) -> None:
        _append(setting, TraceAction.REGISTERED)
        _append(setting, TraceAction.NOTE, " Ghi chú ")
        entries = list(trace_of(document_id=setting.document.pk, agency_id=setting.agency.pk))
        assert [(e.action, e.text) for e in entries] == [
            (TraceAction.REGISTERED, ""),
            (TraceAction.NOTE, "Ghi chú"),
        ]
        assert AuditEvent.objects.filter(action="workflow.trace_appended").count() == 2

    def test_another_agency_has_its_own_trace(self, setting: Setting) -> None:
        other = make_agency()
        trace_append(
            actor=setting.leader,
            document=setting.document,
            agency=other,
            action=TraceAction.REGISTERED,
            status="registered",
        )
        assert not trace_of(document_id=setting.document.pk, agency_id=setting.agency.pk).exists()


class TestPartyResolve:
    def test_resolves_users_and_units_of_the_agency(self, setting: Setting) -> None:
        by_name = party_resolve(
            agency_id=setting.agency.pk, username=setting.member_a.username, field="lead"
        )
        by_id = party_resolve(agency_id=setting.agency.pk, unit_id=setting.unit_b.pk, field="lead")
        assert (by_name.user, by_id.unit) == (setting.member_a, setting.unit_b)

    @pytest.mark.parametrize("case", ["other_user", "other_unit", "inactive", "both", "none"])
    def test_refusals_look_the_same(self, setting: Setting, case: str) -> None:
        other = make_agency()
        inactive = make_user(agency=setting.agency, is_active=False)
        choices: dict[str, dict[str, Any]] = {
            "other_user": {"username": make_user(agency=other).username},
            "other_unit": {"unit_id": make_unit(agency=other).pk},
            "inactive": {"username": inactive.username},
            "both": {"username": setting.member_a.username, "unit_id": setting.unit_a.pk},
            "none": {},
        }
        arguments = choices[case]
        with pytest.raises(InvalidPartyError) as info:
            party_resolve(agency_id=setting.agency.pk, field="support.1", **arguments)
        assert list(info.value.fields) == ["support.1"]

    def test_a_party_is_one_user_or_one_unit(self, setting: Setting) -> None:
        with pytest.raises(ValueError, match="exactly one"):
            Party(user=setting.member_a, unit=setting.unit_a)
