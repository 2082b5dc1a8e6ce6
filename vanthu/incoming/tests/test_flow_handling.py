"""The assignee's steps (start, notes, proposal, reply) and routing at registration."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.calendar import agency_calendar
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.models import DocumentType
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import InvalidTransitionError
from vanthu.incoming.models import IncomingRecord, RoutingRule
from vanthu.incoming.services import (
    incoming_assign,
    incoming_complete,
    incoming_note_add,
    incoming_reply_set,
    incoming_start,
)
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.enums import AssignmentRole, TraceAction
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import active_assignments_of, trace_of

pytestmark = pytest.mark.django_db
URL = "/api/v1/incoming"


def _assigned(office: Office) -> IncomingRecord:
    return incoming_assign(
        actor=office.leader,
        incoming=office.register(),
        lead=Party(user=office.specialist_a),
        supports=[Party(unit=office.unit_b)],
        informs=[Party(user=office.specialist_a2)],
    )


def _steps(record: IncomingRecord) -> list[tuple[str, str, str]]:
    entries = trace_of(document_id=record.document_id, agency_id=record.agency_id)
    return [(e.action, e.status, e.text) for e in entries]


class TestStart:
    def test_the_lead_starts_handling(self, office: Office) -> None:
        record = incoming_start(actor=office.specialist_a, incoming=_assigned(office))
        assert record.status == IncomingStatus.IN_PROGRESS
        assert _steps(record)[-1] == (TraceAction.NOTE, "in_progress", "Bắt đầu giải quyết.")
        assert AuditEvent.objects.filter(action="incoming.started").exists()
        with pytest.raises(InvalidTransitionError):
            incoming_start(actor=office.specialist_a, incoming=record)

    @pytest.mark.parametrize("who", ["specialist_a2", "head_b", "leader"])
    def test_only_the_lead_starts(self, office: Office, who: str) -> None:
        record = _assigned(office)
        with pytest.raises(PermissionDeniedError):
            incoming_start(actor=getattr(office, who), incoming=record)

    def test_an_unassigned_document_cannot_start(self, office: Office) -> None:
        with pytest.raises(InvalidTransitionError):
            incoming_start(actor=office.specialist_a, incoming=office.register())


class TestNotes:
    def test_lead_and_support_add_notes_and_a_proposal(self, office: Office) -> None:
        record = _assigned(office)
        incoming_note_add(actor=office.specialist_a, incoming=record, text="Đã liên hệ Sở")
        record = incoming_note_add(
            actor=office.head_b,  # head of the supporting unit
            incoming=record,
            text="Phòng Văn thư đã rà soát",
            proposal="Đề nghị giao Phòng Tổ chức trả lời trước ngày 15",
        )
        assert record.proposal == "Đề nghị giao Phòng Tổ chức trả lời trước ngày 15"
        assert _steps(record)[-2:] == [
            (TraceAction.NOTE, "assigned", "Đã liên hệ Sở"),
            (
                TraceAction.NOTE,
                "assigned",
                "Phòng Văn thư đã rà soát\n"
                "Đề xuất: Đề nghị giao Phòng Tổ chức trả lời trước ngày 15",
            ),
        ]
        assert AuditEvent.objects.filter(action="incoming.noted").count() == 2

    @pytest.mark.parametrize("who", ["specialist_a2", "specialist_b", "clerk"])
    def test_informed_and_others_cannot(self, office: Office, who: str) -> None:
        record = _assigned(office)
        with pytest.raises(PermissionDeniedError):
            incoming_note_add(actor=getattr(office, who), incoming=record, text="Ý kiến")

    def test_an_empty_note_is_refused(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as caught:
            incoming_note_add(actor=office.specialist_a, incoming=_assigned(office), text=" ")
        assert list(caught.value.fields) == ["text"]

    def test_no_notes_once_done(self, office: Office) -> None:
        record = incoming_complete(actor=office.specialist_a, incoming=_assigned(office))
        with pytest.raises(InvalidTransitionError):
            incoming_note_add(actor=office.specialist_a, incoming=record, text="Muộn")


class TestReply:
    def test_the_lead_links_the_reply(self, office: Office) -> None:
        record = incoming_reply_set(
            actor=office.specialist_a, incoming=_assigned(office), reference=" 125/UBND-VP "
        )
        assert record.reply_reference == "125/UBND-VP"
        assert _steps(record)[-1][2] == "Văn bản trả lời: 125/UBND-VP"
        with pytest.raises(PermissionDeniedError):
            incoming_reply_set(actor=office.head_b, incoming=record, reference="1/X")
        with pytest.raises(InvalidInputError):
            incoming_reply_set(actor=office.specialist_a, incoming=record, reference="x" * 256)

    def test_completion_links_the_reply_in_the_same_step(self, office: Office) -> None:
        record = incoming_complete(
            actor=office.specialist_a,
            incoming=_assigned(office),
            note="Đã trả lời",
            reply_reference="130/STN-VP",
        )
        assert (record.status, record.reply_reference) == (IncomingStatus.DONE, "130/STN-VP")
        assert [s[:2] for s in _steps(record)[-2:]] == [
            (TraceAction.NOTE, "assigned"),
            (TraceAction.COMPLETED, "done"),
        ]


class TestRouting:
    def test_a_rule_sends_the_type_straight_to_its_unit(self, office: Office) -> None:
        RoutingRule.objects.create(
            agency=office.agency,
            document_type=DocumentType.objects.get(code="10"),
            unit=office.unit_a,
        )
        record = office.register()  # a Kế hoạch
        assert record.status == IncomingStatus.ASSIGNED
        calendar = agency_calendar(office.agency)
        assert record.due_date == calendar.add_working_days(record.arrival_date, 7)
        lead = active_assignments_of(
            document_id=record.document_id, agency_id=record.agency_id
        ).get()
        assert (lead.role, lead.party_unit_id, lead.due_date) == (
            AssignmentRole.LEAD,
            office.unit_a.pk,
            record.due_date,
        )
        assert [s[:2] for s in _steps(record)] == [
            (TraceAction.REGISTERED, "registered"),
            (TraceAction.ASSIGNED, "assigned"),
        ]
        assert AuditEvent.objects.filter(action="incoming.routed").exists()
        # The unit head can now work on it; another type still waits for the leader.
        assert incoming_start(actor=office.head_a, incoming=record).status == "in_progress"
        other = office.register(type_code="22", code_notation="SNV-VP")
        assert other.status == IncomingStatus.REGISTERED

    def test_the_clerks_due_date_wins(self, office: Office) -> None:
        RoutingRule.objects.create(
            agency=office.agency,
            document_type=DocumentType.objects.get(code="10"),
            unit=office.unit_a,
        )
        due = today_in_vietnam().replace(year=today_in_vietnam().year + 1)
        assert office.register(due_date=due).due_date == due

    def test_another_agencys_rule_does_not_apply(
        self, office: Office, other_office: Office
    ) -> None:
        RoutingRule.objects.create(
            agency=other_office.agency,
            document_type=DocumentType.objects.get(code="10"),
            unit=other_office.unit_a,
        )
        assert office.register().status == IncomingStatus.REGISTERED


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


class TestApi:
    def test_present_start_note_reply_complete(self, client: Client, office: Office) -> None:
        record = office.register()
        client.force_login(office.clerk)
        response = _post(client, f"{URL}/{record.pk}/present", {"note": "Kính trình"})
        assert (response.status_code, response.json()["status"]) == (200, "presented")
        client.force_login(office.leader)
        assign = {"lead": {"user": office.specialist_a.username}}
        assert _post(client, f"{URL}/{record.pk}/assign", assign).status_code == 200
        client.force_login(office.specialist_a)
        response = _post(client, f"{URL}/{record.pk}/start", {})
        assert (response.status_code, response.json()["status"]) == (200, "in_progress")
        response = _post(client, f"{URL}/{record.pk}/notes", {"proposal": "Trả lời bằng văn bản"})
        assert response.status_code == 201
        assert response.json()["proposal"] == "Trả lời bằng văn bản"
        response = _post(client, f"{URL}/{record.pk}/reply", {"reply_reference": "12/STN-VP"})
        assert response.json()["reply_reference"] == "12/STN-VP"
        response = _post(client, f"{URL}/{record.pk}/complete", {"note": "Xong"})
        body = response.json()
        assert body["status"] == "done"
        assert [step["action"] for step in body["trace"]] == [
            "registered",
            "presented",
            "assigned",
            "note",
            "note",
            "note",
            "completed",
        ]

    def test_refusals(self, client: Client, office: Office, other_office: Office) -> None:
        record = office.register()
        client.force_login(office.leader)
        response = _post(client, f"{URL}/{record.pk}/present", {})
        assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
        response = _post(client, f"{URL}/{record.pk}/start", {})
        assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")
        client.force_login(other_office.clerk)
        assert _post(client, f"{URL}/{record.pk}/present", {}).status_code == 404
        client.force_login(office.specialist_a)
        assert _post(client, f"{URL}/{record.pk}/notes", {"text": "x"}).status_code == 404
