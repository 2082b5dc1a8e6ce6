"""The sender withdraws (thu hồi) a delivery: out of the queue, or the registered record frozen."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.incoming.delivery import (
    RECALL_TARGET,
    DeliveryClosedError,
    delivery_accept,
    delivery_refuse,
    delivery_send,
    delivery_withdraw,
)
from vanthu.incoming.enums import DeliveryStatus, IncomingStatus
from vanthu.incoming.errors import DeliveryDecidedError
from vanthu.incoming.models import IncomingDelivery, IncomingRecalledError, IncomingRecord
from vanthu.incoming.selectors import deliveries_pending_for, deliveries_sent_for, delivery_get_for
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.deliveries import send
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.enums import AssignmentStatus, TraceAction
from vanthu.workflow.models import Assignment
from vanthu.workflow.notification_models import Notification
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import trace_of

pytestmark = pytest.mark.django_db
REASON = "Văn bản ban hành sai thẩm quyền"


def _accepted_and_assigned(
    office: Office, other_office: Office
) -> tuple[IncomingDelivery, IncomingRecord]:
    delivery = send(office, other_office)
    incoming = delivery_accept(actor=other_office.clerk, delivery=delivery)
    incoming = incoming_assign(
        actor=other_office.leader,
        incoming=incoming,
        lead=Party(user=other_office.specialist_a),
        supports=[Party(unit=other_office.unit_b)],
        instruction="Đề nghị chủ trì, tham mưu.",
    )
    return delivery, incoming


class TestPending:
    def test_it_leaves_the_receivers_queue_with_a_trail(
        self, office: Office, other_office: Office
    ) -> None:
        delivery = send(office, other_office)
        withdrawn = delivery_withdraw(actor=office.clerk, delivery=delivery, reason=f"  {REASON} ")
        assert withdrawn.status == DeliveryStatus.WITHDRAWN
        assert (withdrawn.withdrawal_reason, withdrawn.withdrawn_by) == (REASON, office.clerk)
        assert withdrawn.withdrawn_at is not None
        assert not deliveries_pending_for(actor=other_office.clerk).exists()
        # The receiving clerk still sees it, withdrawn, with the reason; it cannot be taken in.
        seen = delivery_get_for(actor=other_office.clerk, pk=delivery.pk)
        assert (seen.status, seen.withdrawal_reason) == (DeliveryStatus.WITHDRAWN, REASON)
        with pytest.raises(DeliveryDecidedError):
            delivery_accept(actor=other_office.clerk, delivery=delivery)
        with pytest.raises(DeliveryDecidedError):
            delivery_refuse(actor=other_office.clerk, delivery=delivery, reason="Không rõ")
        assert not IncomingRecord.objects.filter(document=delivery.document).exists()
        # The sender reads it back among what it sent.
        sent = deliveries_sent_for(actor=office.clerk, status=DeliveryStatus.WITHDRAWN)
        assert list(sent) == [withdrawn]
        event = AuditEvent.objects.get(action="incoming.delivery_withdrawn")
        assert event.data["previous_status"] == "pending" and event.data["reason"] == REASON
        assert event.agency_id == office.agency.pk

    def test_the_document_may_be_sent_to_that_agency_again(
        self, office: Office, other_office: Office
    ) -> None:
        delivery = send(office, other_office)
        delivery_withdraw(actor=office.leader, delivery=delivery, reason=REASON)
        (again,) = delivery_send(
            actor=office.clerk, document=delivery.document, to_agencies=[other_office.agency]
        )
        assert again.status == DeliveryStatus.PENDING
        assert list(deliveries_pending_for(actor=other_office.clerk)) == [again]


class TestAccepted:
    def test_the_record_is_frozen_kept_and_its_handlers_told(
        self, office: Office, other_office: Office
    ) -> None:
        delivery, incoming = _accepted_and_assigned(office, other_office)
        delivery_withdraw(actor=office.clerk, delivery=delivery, reason=REASON)

        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.WITHDRAWN
        assert delivery.accepted_record_id == incoming.pk  # the link stays
        kept = IncomingRecord.objects.get(pk=incoming.pk)  # never deleted: the number stays
        assert kept.arrival_number == incoming.arrival_number
        assert kept.is_recalled and kept.recall_reason == REASON
        assert kept.recalled_by == office.clerk and kept.status == IncomingStatus.ASSIGNED
        # Assignments closed, the trace tells why, every handler and the clerk are told.
        open_rows = Assignment.objects.filter(
            document=incoming.document, agency=other_office.agency, status=AssignmentStatus.ACTIVE
        )
        assert not open_rows.exists()
        last = list(trace_of(document_id=incoming.document_id, agency_id=other_office.agency.pk))[
            -1
        ]
        assert last.action == TraceAction.NOTE and REASON in last.text
        told = Notification.objects.filter(target_type=RECALL_TARGET, target_id=incoming.pk)
        assert {n.recipient for n in told} == {
            other_office.specialist_a,
            other_office.head_b,
            other_office.clerk,
        }
        assert all("thu hồi" in n.title and REASON in n.body for n in told)
        event = AuditEvent.objects.get(action="incoming.recalled")
        assert event.agency_id == other_office.agency.pk

    def test_a_frozen_record_refuses_every_further_step(
        self, office: Office, other_office: Office
    ) -> None:
        delivery, incoming = _accepted_and_assigned(office, other_office)
        delivery_withdraw(actor=office.clerk, delivery=delivery, reason=REASON)
        with pytest.raises(IncomingRecalledError) as caught:
            incoming_assign(
                actor=other_office.leader,
                incoming=incoming,
                lead=Party(user=other_office.specialist_b),
            )
        assert caught.value.status == 409 and "thu hồi" in caught.value.message
        with pytest.raises((IncomingRecalledError, PermissionDeniedError)):
            incoming_complete(actor=other_office.specialist_a, incoming=incoming)
        assert IncomingRecord.objects.get(pk=incoming.pk).status == IncomingStatus.ASSIGNED


class TestRefusals:
    def test_only_the_senders_clerk_or_leader(self, office: Office, other_office: Office) -> None:
        delivery = send(office, other_office)
        for actor in (other_office.clerk, other_office.leader, office.specialist_a, office.head_a):
            with pytest.raises(PermissionDeniedError):
                delivery_withdraw(actor=actor, delivery=delivery, reason=REASON)
        assert IncomingDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.PENDING

    def test_a_reason_is_required(self, office: Office, other_office: Office) -> None:
        delivery = send(office, other_office)
        for reason in ("", "   ", "x" * 501):
            with pytest.raises(InvalidInputError) as caught:
                delivery_withdraw(actor=office.clerk, delivery=delivery, reason=reason)
            assert "reason" in caught.value.fields

    def test_refused_or_already_withdrawn_cannot_be_withdrawn(
        self, office: Office, other_office: Office
    ) -> None:
        refused = send(office, other_office, code_number="7")
        delivery_refuse(actor=other_office.clerk, delivery=refused, reason="Sai nơi nhận")
        withdrawn = send(office, other_office, code_number="8")
        delivery_withdraw(actor=office.clerk, delivery=withdrawn, reason=REASON)
        for delivery in (refused, withdrawn):
            with pytest.raises(DeliveryClosedError) as caught:
                delivery_withdraw(actor=office.clerk, delivery=delivery, reason=REASON)
            assert caught.value.code == "delivery_closed"
        assert AuditEvent.objects.filter(action="incoming.delivery_withdrawn").count() == 1


class TestShownToReceivers:
    def test_the_page_and_the_api_say_it_was_recalled_and_why(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery, incoming = _accepted_and_assigned(office, other_office)
        delivery_withdraw(actor=office.clerk, delivery=delivery, reason=REASON)
        client.force_login(other_office.clerk)

        html = client.get(reverse("incoming:detail", args=[incoming.pk])).content.decode()
        assert "data-recalled" in html and REASON in html

        body = client.get(f"/api/v1/incoming/{incoming.pk}").json()
        assert body["recall_reason"] == REASON and body["recalled_at"] is not None
