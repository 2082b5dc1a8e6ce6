"""Delivery to another agency of the installation, its status read back, and recall."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile

from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.exchange.services import exchange_states
from vanthu.exchange.tests.builders import issue_to, registered_at
from vanthu.incoming.attachments import incoming_attach
from vanthu.incoming.delivery import delivery_accept
from vanthu.incoming.enums import DeliveryStatus, IncomingStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.views.detail import may_attach
from vanthu.outgoing.enums import DistributionStatus, RecordStatus
from vanthu.outgoing.errors import RecordRecalledError
from vanthu.outgoing.presenters import record_detail
from vanthu.outgoing.services import outgoing_recall
from vanthu.outgoing.tests.factories import Office

pytestmark = pytest.mark.django_db


def test_issue_puts_the_document_in_the_receivers_queue(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)
    delivery = IncomingDelivery.objects.get(document=record.document)
    assert (delivery.to_agency, delivery.status) == (other_office.agency, DeliveryStatus.PENDING)
    row = record.distributions.get()
    assert row.status == DistributionStatus.SENT
    assert record_detail(record)["distributions"][0]["receiver"]["status"] == "pending"

    RegisterBook.objects.create(agency=other_office.agency, kind=RegisterKind.INCOMING, name="Đến")
    incoming = delivery_accept(actor=other_office.clerk, delivery=delivery)
    receiver = record_detail(record)["distributions"][0]["receiver"]
    assert receiver["status"] == "accepted"
    assert receiver["arrival_number"] == incoming.arrival_number
    assert receiver["handling"]


def test_recall_withdraws_from_the_other_agencys_queue(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    """GIVEN an issued document waiting in another agency's queue
    WHEN the sender recalls it THEN it leaves that queue, with the reason kept as a trail."""
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)

    recalled = outgoing_recall(actor=office.clerk, record_id=record.pk, reason="Sai nơi nhận")

    assert recalled.status == RecordStatus.RECALLED
    pending = IncomingDelivery.objects.filter(
        to_agency=other_office.agency, status=DeliveryStatus.PENDING
    )
    assert not pending.exists()
    delivery = IncomingDelivery.objects.get(document=record.document)
    assert delivery.status == DeliveryStatus.WITHDRAWN
    assert delivery.withdrawal_reason == "Sai nơi nhận"
    assert delivery.refusal_reason == ""  # withdrawn by the sender, not refused by the receiver
    assert record.distributions.get().status == DistributionStatus.WITHDRAWN
    receiver = record_detail(recalled)["distributions"][0]["receiver"]
    assert (receiver["status"], receiver["note"]) == ("withdrawn", "Sai nơi nhận")
    with pytest.raises(RecordRecalledError):
        outgoing_recall(actor=office.clerk, record_id=record.pk, reason="Lần nữa")


def test_the_sender_sees_when_the_receiver_has_handled_it(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)
    _, incoming = registered_at(other_office, record)
    assert exchange_states(record_row=record)[record.distributions.get().pk].handled is False

    IncomingRecord.objects.filter(pk=incoming.pk).update(status=IncomingStatus.DONE)
    assert exchange_states(record_row=record)[record.distributions.get().pk].handled is True


def test_a_receiver_cannot_attach_files_to_the_issuer_s_document(
    office: Office, other_office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    """A delivered document is shared by the issuer and every receiver: no receiver adds to it
    (its file would show on the issuer's record and the other receivers' pages)."""
    record = issue_to(office, other_office, capture=django_capture_on_commit_callbacks)
    delivery = IncomingDelivery.objects.get(document=record.document)
    RegisterBook.objects.create(agency=other_office.agency, kind=RegisterKind.INCOMING, name="Đến")
    incoming = delivery_accept(actor=other_office.clerk, delivery=delivery)
    before = record.document.attachments.count()
    with pytest.raises(PermissionDeniedError) as refused:
        incoming_attach(
            actor=other_office.clerk,
            incoming=incoming,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="phu-luc.pdf"),
            role="appendix",
        )
    assert "liên thông" in str(refused.value.message)
    assert record.document.attachments.count() == before
    assert not may_attach(other_office.clerk, incoming)
