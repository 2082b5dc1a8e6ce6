"""Recall through the exchange: a document another agency already registered is frozen there,
its handlers told, and the sender reads the withdrawal back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from vanthu.audit.models import AuditEvent
from vanthu.exchange.models import ExchangeLink
from vanthu.exchange.tests.builders import issue_to, registered_at
from vanthu.incoming.delivery import RECALL_TARGET, delivery_refuse
from vanthu.incoming.enums import DeliveryStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.outgoing.presenters import record_detail
from vanthu.outgoing.services import outgoing_recall
from vanthu.outgoing.tests.factories import Office
from vanthu.workflow.notification_models import Notification

pytestmark = pytest.mark.django_db
REASON = "Ban hành nhầm nơi nhận"


def test_recall_after_registration_freezes_the_receivers_record(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)
    delivery, incoming = registered_at(other_office, record)

    outgoing_recall(actor=office.clerk, record_id=record.pk, reason=REASON)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.withdrawal_reason) == (DeliveryStatus.WITHDRAWN, REASON)
    frozen = IncomingRecord.objects.get(pk=incoming.pk)
    assert frozen.is_recalled and frozen.recall_reason == REASON
    assert Notification.objects.filter(
        target_type=RECALL_TARGET, target_id=incoming.pk, recipient=other_office.clerk
    ).exists()
    link = ExchangeLink.objects.get(delivery=delivery)
    assert link.receiver_state_at_withdrawal == DeliveryStatus.ACCEPTED
    receiver = record_detail(record)["distributions"][0]["receiver"]
    assert receiver["status"] == "withdrawn"
    assert receiver["arrival_number"] == incoming.arrival_number
    assert receiver["note"] == REASON
    assert AuditEvent.objects.filter(action="incoming.delivery_withdrawn").count() == 1


def test_recall_leaves_a_refused_delivery_as_it_was(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)
    delivery = IncomingDelivery.objects.get(document=record.document)
    delivery_refuse(actor=other_office.clerk, delivery=delivery, reason="Không đúng thẩm quyền")

    outgoing_recall(actor=office.clerk, record_id=record.pk, reason=REASON)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REFUSED
    assert delivery.refusal_reason == "Không đúng thẩm quyền"
    assert ExchangeLink.objects.get(delivery=delivery).withdrawn_at is not None
    assert not AuditEvent.objects.filter(action="incoming.delivery_withdrawn").exists()
