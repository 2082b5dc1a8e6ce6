"""The demo agencies' incoming side: the 2020 arrivals and what the demo users find today."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest
from django.db.models import Exists, OuterRef
from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.audit.verify import verify_chain
from vanthu.demo.constants import REQUIRED_LOGINS
from vanthu.demo.data.agencies import AGENCIES, AgencyKind
from vanthu.demo.data.inspection import INSPECTED_KINDS
from vanthu.demo.services import DemoLoadResult
from vanthu.documents.enums import RegisterKind, Urgency
from vanthu.documents.models import Document, Sequence
from vanthu.documents.numbering import today_in_vietnam, vietnam_date
from vanthu.incoming.enums import Channel, DeliveryStatus, IncomingStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.selectors import (
    IncomingFilters,
    deliveries_pending_for,
    deliveries_sent_for,
    incoming_list_for,
)
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.notification_models import Notification
from vanthu.workflow.overdue import overdue_report_for
from vanthu.workflow.selectors import trace_of

pytestmark = pytest.mark.django_db

S = IncomingStatus
OPEN = [S.ASSIGNED, S.IN_PROGRESS]


def _worklist(user: User) -> int:
    rows = incoming_list_for(actor=user, filters=IncomingFilters(assignee=user.username))
    return rows.filter(status__in=OPEN).count()


class TestDemoYearArrivals:
    def test_inspection_plan_reaches_every_inspected_body_as_the_same_document(
        self, province: DemoLoadResult
    ) -> None:
        plan = Document.objects.get(
            code_number="26", code_notation="KH-SNV", issued_date__year=2020
        )
        records = IncomingRecord.objects.filter(document=plan).select_related(
            "agency", "received_by"
        )
        wanted = {
            spec.organ_id
            for spec in AGENCIES
            if spec.kind in INSPECTED_KINDS or spec.kind == AgencyKind.DISTRICT_COMMITTEE
        }
        assert {record.agency.organ_id for record in records} == wanted
        for record in records:
            assert record.arrival_date == dt.date(2020, 4, 24)
            assert record.channel == Channel.ELECTRONIC
            assert record.received_by.agency_id == record.agency_id
            assert record.received_by.username.endswith(".vanthu")
            assert record.delivery.status == DeliveryStatus.ACCEPTED

    def test_arrival_numbers_are_gapless_per_book_in_date_order(
        self, province: DemoLoadResult
    ) -> None:
        books: dict[tuple[int, int], list[tuple[int, dt.date]]] = defaultdict(list)
        for book, year, number, day in IncomingRecord.objects.values_list(
            "register_book_id", "arrival_year", "arrival_number", "arrival_date"
        ):
            books[(book, year)].append((number, day))
        assert len(books) > 60
        for (book, year), rows in books.items():
            rows.sort()
            assert [number for number, _day in rows] == list(range(1, len(rows) + 1))
            days = [day for _number, day in rows]
            assert days == sorted(days)
            assert Sequence.objects.get(book_id=book, year=year).last_number == len(rows)

    def test_states_urgencies_and_secret_book_are_all_represented(
        self, province: DemoLoadResult
    ) -> None:
        records = IncomingRecord.objects.select_related("document", "register_book")
        assert {record.status for record in records} == set(IncomingStatus.values)
        urgencies = {record.document.urgency for record in records}
        assert {Urgency.URGENT, Urgency.VERY_URGENT} <= urgencies
        secret = [record for record in records if record.document.confidentiality > 0]
        assert len(secret) >= 3
        for record in records:
            kind = record.register_book.kind
            secret_book = kind == RegisterKind.SECRET_INCOMING
            assert secret_book == (record.document.confidentiality > 0)

    def test_outside_documents_arrive_on_paper(self, province: DemoLoadResult) -> None:
        paper = IncomingRecord.objects.filter(channel=Channel.PAPER).select_related("document")
        organs = {record.document.organ_name for record in paper}
        assert {"Bộ Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang"} <= organs
        for record in paper:
            assert record.document.owner_agency_id == record.agency_id
            assert record.document.issuing_agency_id is None
            assert record.document.issued_date <= record.arrival_date

    def test_done_documents_followed_the_whole_path_on_their_days(
        self, province: DemoLoadResult
    ) -> None:
        done = IncomingRecord.objects.filter(status=S.DONE, arrival_year=2020)
        assert done.count() > 100
        for record in done[:40]:
            steps = list(trace_of(document_id=record.document_id, agency_id=record.agency_id))
            actions = [step.action for step in steps]
            assert actions[:3] == [
                TraceAction.REGISTERED,
                TraceAction.PRESENTED,
                TraceAction.ASSIGNED,
            ]
            assert actions[-1] == TraceAction.COMPLETED
            assert vietnam_date(steps[0].at) == record.arrival_date
            assert all(a.at <= b.at for a, b in itertools.pairwise(steps))
            assert record.reply_reference
            assert "Chủ trì:" in steps[2].text

    def test_due_dates_count_working_days_from_the_day_of_assignment(
        self, province: DemoLoadResult
    ) -> None:
        # The leads of registered incoming documents (a unit of the issuing agency that gets
        # an outgoing document is assigned without a due date).
        leads = (
            Assignment.objects.filter(
                Exists(
                    IncomingRecord.objects.filter(
                        document_id=OuterRef("document_id"), agency_id=OuterRef("agency_id")
                    )
                ),
                role=AssignmentRole.LEAD,
            )
            .order_by("pk")
            .select_related("document", "document__document_type", "agency")
        )
        assert leads.count() > 200
        for lead in leads[:60]:
            assigned_on = vietnam_date(lead.created_at)
            expected = due_date_default(
                lead.agency,
                Urgency(lead.document.urgency),
                assigned_on,
                document_type=lead.document.document_type,
            )
            assert lead.due_date == expected
            assert lead.instruction.startswith(("Giao", "Đề nghị", "Chuyển"))

    def test_returned_documents_carry_the_reason(self, province: DemoLoadResult) -> None:
        returned = IncomingRecord.objects.filter(status=S.RETURNED)
        assert returned.exists()
        for record in returned:
            last = trace_of(document_id=record.document_id, agency_id=record.agency_id).last()
            assert last is not None and last.action == TraceAction.RETURNED
            assert "đề nghị Văn thư" in last.text

    def test_nothing_happened_in_the_future_and_the_audit_chain_holds(
        self, province: DemoLoadResult
    ) -> None:
        now = timezone.now()
        assert not TraceEntry.objects.filter(at__gt=now).exists()
        assert not AuditEvent.objects.filter(occurred_at__gt=now).exists()
        assert not IncomingRecord.objects.filter(arrival_date__gte=today_in_vietnam()).exists()
        registered = AuditEvent.objects.filter(action="incoming.registered")
        assert registered.count() == IncomingRecord.objects.count()
        assert registered.filter(occurred_at__year=2020).count() > 200
        assert verify_chain().ok


class TestToday:
    def test_each_required_login_has_something_on_its_start_page(
        self, province: DemoLoadResult
    ) -> None:
        for username in REQUIRED_LOGINS:
            user = User.objects.get(username=username)
            role = user.role_grants.get().role
            if role == Role.CLERK:
                waiting = incoming_list_for(
                    actor=user, filters=IncomingFilters(status=S.REGISTERED)
                ).count()
                assert waiting and deliveries_pending_for(actor=user).exists(), username
            elif role == Role.AGENCY_LEADER:
                inbox = incoming_list_for(actor=user, filters=IncomingFilters(status=S.PRESENTED))
                assert inbox.exists(), username
                assert overdue_report_for(actor=user).total >= 1, username
            else:
                assert _worklist(user) >= 1, username

    def test_recent_work_is_due_around_today(self, province: DemoLoadResult) -> None:
        today = today_in_vietnam()
        recent = IncomingRecord.objects.filter(arrival_date__gte=today - dt.timedelta(days=42))
        assert recent.filter(status=S.REGISTERED).count() >= 38
        active = Assignment.objects.filter(status=AssignmentStatus.ACTIVE, role=AssignmentRole.LEAD)
        soon = active.filter(
            due_date__gte=today, due_date__lte=today + dt.timedelta(days=14)
        ).count()
        late = active.filter(due_date__lt=today).count()
        assert soon >= 38
        assert 1 <= late <= active.count() // 2  # a few overdue, not most

    def test_only_recent_notifications_are_unread(self, province: DemoLoadResult) -> None:
        chuyenvien = User.objects.get(username="snv.chuyenvien")
        unread = Notification.objects.filter(recipient=chuyenvien, read_at__isnull=True)
        assert unread.exists()
        assert not unread.filter(day__year=2020).exists()

    def test_pending_queues_and_a_refusal(self, province: DemoLoadResult) -> None:
        for username in ("mongthob.vanthu", "hondat.tuphap.vanthu", "snv.vanthu"):
            clerk = User.objects.get(username=username)
            assert deliveries_pending_for(actor=clerk).exists(), username
        refused = IncomingDelivery.objects.get(status=DeliveryStatus.REFUSED)
        assert "Phòng Tư pháp" in refused.refusal_reason
        sender_clerk = User.objects.get(username="hondat.ubnd.vanthu")
        assert list(deliveries_sent_for(actor=sender_clerk, status=DeliveryStatus.REFUSED)) == [
            refused
        ]
