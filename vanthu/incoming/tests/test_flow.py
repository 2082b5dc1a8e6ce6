"""Present → assign → complete / return, with the trace, deadlines and every refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.tests.factories import make_delegation, make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import Urgency
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import InvalidTransitionError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.services import (
    ALLOWED,
    incoming_assign,
    incoming_complete,
    incoming_present,
    incoming_return,
)
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction
from vanthu.workflow.errors import InvalidPartyError
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import assignments_of, trace_of

pytestmark = pytest.mark.django_db


def _assign_to_specialist(office: Office, record: IncomingRecord) -> IncomingRecord:
    return incoming_assign(
        actor=office.leader,
        incoming=record,
        lead=Party(user=office.specialist_a),
        supports=[Party(unit=office.unit_b)],
        informs=[Party(user=office.head_a)],
        instruction="Đề nghị Phòng Tổ chức chủ trì, tham mưu.",
    )


def _trace(record: IncomingRecord) -> list[tuple[str, str]]:
    entries = trace_of(document_id=record.document_id, agency_id=record.agency_id)
    return [(entry.action, entry.status) for entry in entries]


class TestAssignCompleteFlow:
    def test_a_document_walks_from_registration_to_done(self, office: Office) -> None:
        """GIVEN a registered document WHEN the clerk presents it, the leader assigns it and
        the lead specialist completes it THEN every step is in the trace, in order."""
        record = office.register()
        record = incoming_present(actor=office.clerk, incoming=record, note="Trình lãnh đạo")
        record = _assign_to_specialist(office, record)
        assert record.status == IncomingStatus.ASSIGNED
        rows = list(assignments_of(document_id=record.document_id, agency_id=record.agency_id))
        assert [(a.role, a.party_user_id, a.party_unit_id) for a in rows] == [
            (AssignmentRole.LEAD, office.specialist_a.pk, None),
            (AssignmentRole.SUPPORT, None, office.unit_b.pk),
            (AssignmentRole.INFORM, office.head_a.pk, None),
        ]
        assert {a.instruction for a in rows} == {"Đề nghị Phòng Tổ chức chủ trì, tham mưu."}

        record = incoming_complete(actor=office.specialist_a, incoming=record, note="Đã báo cáo")
        assert record.status == IncomingStatus.DONE
        assert _trace(record) == [
            (TraceAction.REGISTERED, IncomingStatus.REGISTERED),
            (TraceAction.PRESENTED, IncomingStatus.PRESENTED),
            (TraceAction.ASSIGNED, IncomingStatus.ASSIGNED),
            (TraceAction.COMPLETED, IncomingStatus.DONE),
        ]
        statuses = assignments_of(document_id=record.document_id, agency_id=record.agency_id)
        assert set(statuses.values_list("status", flat=True)) == {AssignmentStatus.DONE}
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {"incoming.presented", "incoming.assigned", "incoming.completed"} <= actions

    def test_the_default_due_date_counts_working_days(self, office: Office) -> None:
        record = _assign_to_specialist(office, office.register())
        expected = agency_calendar(office.agency).add_working_days(today_in_vietnam(), 7)
        assert record.due_date == expected
        urgent = _assign_to_specialist(office, office.register(urgency=Urgency.URGENT))
        assert urgent.due_date == agency_calendar(office.agency).add_working_days(
            today_in_vietnam(), 3
        )

    def test_an_explicit_due_date_is_kept(self, office: Office) -> None:
        due = today_in_vietnam() + dt.timedelta(days=20)
        record = incoming_assign(
            actor=office.leader,
            incoming=office.register(),
            lead=Party(unit=office.unit_a),
            due_date=due,
        )
        assert record.due_date == due

    def test_a_due_date_in_the_past_is_refused(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as info:
            incoming_assign(
                actor=office.leader,
                incoming=office.register(),
                lead=Party(unit=office.unit_a),
                due_date=today_in_vietnam() - dt.timedelta(days=1),
            )
        assert list(info.value.fields) == ["due_date"]

    def test_a_deputy_assigns_by_delegation(self, office: Office) -> None:
        deputy = make_user(agency=office.agency, unit=office.unit_b)
        make_delegation(grantor=office.leader, grantee=deputy)
        record = incoming_assign(
            actor=deputy, incoming=office.register(), lead=Party(user=office.specialist_a)
        )
        assert record.status == IncomingStatus.ASSIGNED


class TestAssignRefusals:
    @pytest.mark.parametrize("who", ["clerk", "specialist_a", "head_a"])
    def test_only_leaders_assign(self, office: Office, who: str) -> None:
        record = office.register()
        with pytest.raises(PermissionDeniedError):
            incoming_assign(
                actor=getattr(office, who), incoming=record, lead=Party(unit=office.unit_a)
            )
        record.refresh_from_db()
        assert record.status == IncomingStatus.REGISTERED

    def test_a_leader_of_another_agency_cannot_assign(
        self, office: Office, other_office: Office
    ) -> None:
        with pytest.raises(PermissionDeniedError):
            incoming_assign(
                actor=other_office.leader,
                incoming=office.register(),
                lead=Party(unit=other_office.unit_a),
            )

    def test_parties_must_belong_to_the_agency(self, office: Office, other_office: Office) -> None:
        with pytest.raises(InvalidPartyError) as info:
            incoming_assign(
                actor=office.leader,
                incoming=office.register(),
                lead=Party(user=office.specialist_a),
                supports=[Party(unit=other_office.unit_a)],
            )
        assert list(info.value.fields) == ["support"]

    def test_a_party_is_given_the_document_once(self, office: Office) -> None:
        with pytest.raises(InvalidPartyError):
            incoming_assign(
                actor=office.leader,
                incoming=office.register(),
                lead=Party(user=office.specialist_a),
                informs=[Party(user=office.specialist_a)],
            )


class TestUnitHeadReassigns:
    def _to_unit_a(self, office: Office) -> IncomingRecord:
        due = today_in_vietnam() + dt.timedelta(days=10)
        return incoming_assign(
            actor=office.leader,
            incoming=office.register(),
            lead=Party(unit=office.unit_a),
            supports=[Party(unit=office.unit_b)],
            due_date=due,
        )

    def test_the_head_gives_the_lead_to_a_member(self, office: Office) -> None:
        record = self._to_unit_a(office)
        record = incoming_assign(
            actor=office.head_a,
            incoming=record,
            lead=Party(user=office.specialist_a),
            supports=[Party(user=office.specialist_a2)],
            instruction="Giao đồng chí A xử lý",
        )
        active = assignments_of(document_id=record.document_id, agency_id=record.agency_id)
        rows = {(a.role, a.party_user_id, a.party_unit_id, a.status, a.due_date) for a in active}
        leader_due = today_in_vietnam() + dt.timedelta(days=10)
        assert rows == {
            (AssignmentRole.LEAD, None, office.unit_a.pk, AssignmentStatus.SUPERSEDED, leader_due),
            (AssignmentRole.SUPPORT, None, office.unit_b.pk, AssignmentStatus.ACTIVE, leader_due),
            (
                AssignmentRole.LEAD,
                office.specialist_a.pk,
                None,
                AssignmentStatus.ACTIVE,
                leader_due,
            ),
            (
                AssignmentRole.SUPPORT,
                office.specialist_a2.pk,
                None,
                AssignmentStatus.ACTIVE,
                leader_due,
            ),
        }
        assert _trace(record)[-1] == (TraceAction.REASSIGNED, IncomingStatus.ASSIGNED)
        assert record.due_date == leader_due

    def test_the_head_stays_inside_the_unit(self, office: Office) -> None:
        record = self._to_unit_a(office)
        with pytest.raises(InvalidPartyError):
            incoming_assign(
                actor=office.head_a, incoming=record, lead=Party(user=office.specialist_b)
            )

    def test_the_head_cannot_extend_the_leaders_deadline(self, office: Office) -> None:
        record = self._to_unit_a(office)
        with pytest.raises(InvalidInputError):
            incoming_assign(
                actor=office.head_a,
                incoming=record,
                lead=Party(user=office.specialist_a),
                due_date=today_in_vietnam() + dt.timedelta(days=30),
            )

    def test_a_supporting_units_head_cannot_reassign(self, office: Office) -> None:
        record = self._to_unit_a(office)
        with pytest.raises(PermissionDeniedError):
            incoming_assign(
                actor=office.head_b, incoming=record, lead=Party(user=office.specialist_b)
            )

    def test_the_lead_units_head_completes(self, office: Office) -> None:
        record = incoming_complete(actor=office.head_a, incoming=self._to_unit_a(office))
        assert record.status == IncomingStatus.DONE


class TestCompleteAndReturn:
    @pytest.mark.parametrize("who", ["clerk", "leader", "specialist_a2", "head_b", "head_a"])
    def test_only_the_lead_completes(self, office: Office, who: str) -> None:
        record = _assign_to_specialist(office, office.register())
        with pytest.raises(PermissionDeniedError):
            incoming_complete(actor=getattr(office, who), incoming=record)

    def test_an_unassigned_document_cannot_be_completed(self, office: Office) -> None:
        with pytest.raises(InvalidTransitionError):
            incoming_complete(actor=office.specialist_a, incoming=office.register())

    def test_the_lead_returns_a_misrouted_document(self, office: Office) -> None:
        record = _assign_to_specialist(office, office.register())
        record = incoming_return(
            actor=office.specialist_a, incoming=record, reason="Không thuộc lĩnh vực phòng"
        )
        assert record.status == IncomingStatus.RETURNED
        rows = assignments_of(document_id=record.document_id, agency_id=record.agency_id)
        assert set(rows.values_list("status", flat=True)) == {AssignmentStatus.SUPERSEDED}
        entries = list(trace_of(document_id=record.document_id, agency_id=record.agency_id))
        assert (entries[-1].action, entries[-1].text) == (
            TraceAction.RETURNED,
            "Không thuộc lĩnh vực phòng",
        )
        record = incoming_present(actor=office.clerk, incoming=record)
        assert record.status == IncomingStatus.PRESENTED

    def test_a_return_needs_a_reason(self, office: Office) -> None:
        record = _assign_to_specialist(office, office.register())
        with pytest.raises(InvalidInputError) as info:
            incoming_return(actor=office.specialist_a, incoming=record, reason="  ")
        assert list(info.value.fields) == ["reason"]

    def test_a_support_cannot_return(self, office: Office) -> None:
        record = _assign_to_specialist(office, office.register())
        with pytest.raises(PermissionDeniedError):
            incoming_return(actor=office.head_b, incoming=record, reason="Sai")


class TestTransitions:
    def test_a_done_document_accepts_no_step(self, office: Office) -> None:
        record = _assign_to_specialist(office, office.register())
        record = incoming_complete(actor=office.specialist_a, incoming=record)
        assert ALLOWED[IncomingStatus.DONE] == frozenset()
        with pytest.raises(InvalidTransitionError):
            _assign_to_specialist(office, record)
        with pytest.raises(InvalidTransitionError):
            incoming_return(actor=office.leader, incoming=record, reason="Nhầm")

    def test_presenting_twice_is_refused(self, office: Office) -> None:
        record = incoming_present(actor=office.clerk, incoming=office.register())
        with pytest.raises(InvalidTransitionError) as info:
            incoming_present(actor=office.clerk, incoming=record)
        assert (info.value.code, info.value.status) == ("invalid_transition", 409)

    def test_the_status_is_checked_on_the_stored_row(self, office: Office) -> None:
        record = office.register()
        stale = IncomingRecord.objects.get(pk=record.pk)
        incoming_present(actor=office.clerk, incoming=record)
        with pytest.raises(InvalidTransitionError):
            incoming_present(actor=office.clerk, incoming=stale)

    def test_only_clerks_present(self, office: Office) -> None:
        with pytest.raises(PermissionDeniedError):
            incoming_present(actor=office.leader, incoming=office.register())
