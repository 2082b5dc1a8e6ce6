"""Builders for the exchange tests: a document issued to other agencies, registered there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.incoming.delivery import delivery_accept
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.outgoing.enums import DistributionKind
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.services import DistributionInput, draft_issue
from vanthu.outgoing.tests.factories import Office, draft_approved


def issue_to(office: Office, *receivers: Office, capture: Callable[..., Any]) -> OutgoingRecord:
    """The office's clerk issues an approved draft to ``receivers``; deliveries run (``capture``
    is pytest-django's ``django_capture_on_commit_callbacks``)."""
    distribution = [
        DistributionInput(kind=DistributionKind.AGENCY, agency_id=r.agency.pk) for r in receivers
    ]
    with capture(execute=True):
        return draft_issue(
            actor=office.clerk, draft_id=draft_approved(office).pk, distribution=distribution
        )


def registered_at(
    receiver: Office, record: OutgoingRecord
) -> tuple[IncomingDelivery, IncomingRecord]:
    """The receiver's clerk registers the delivered document in a new incoming book."""
    delivery = IncomingDelivery.objects.get(document=record.document)
    RegisterBook.objects.create(agency=receiver.agency, kind=RegisterKind.INCOMING, name="Đến")
    return delivery, delivery_accept(actor=receiver.clerk, delivery=delivery)
