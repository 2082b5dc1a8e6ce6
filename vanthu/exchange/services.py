"""Delivery of issued outgoing documents to other agencies of the installation, and recall.

The receiving side is the incoming app's queue (``incoming.delivery.delivery_send``); this app,
above both, links each outgoing recipient to its delivery and reads back receipt and handling.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import DomainError
from vanthu.exchange.models import ExchangeLink
from vanthu.incoming.delivery import delivery_send, delivery_withdraw
from vanthu.incoming.enums import DeliveryStatus, IncomingStatus
from vanthu.incoming.models import IncomingDelivery
from vanthu.outgoing.channels import ReceiverState
from vanthu.outgoing.distribution import distributions_mark
from vanthu.outgoing.enums import DistributionStatus
from vanthu.outgoing.models import Distribution, OutgoingRecord

_WITHDRAWABLE = (DeliveryStatus.PENDING, DeliveryStatus.ACCEPTED)


def exchange_send(
    *, actor: User, record_row: OutgoingRecord, distributions: Sequence[Distribution]
) -> list[ExchangeLink]:
    """Put the issued document into each recipient agency's "chờ tiếp nhận" queue."""
    links: list[ExchangeLink] = []
    for row in distributions:
        if row.agency is None or hasattr(row, "exchange_link"):
            continue
        try:
            with transaction.atomic():
                (delivery,) = delivery_send(
                    actor=actor, document=record_row.document, to_agencies=[row.agency]
                )
                link = ExchangeLink.objects.create(distribution=row, delivery=delivery)
                distributions_mark([row], DistributionStatus.SENT, note="")
                record(
                    action="exchange.sent",
                    actor=actor,
                    target=link,
                    data={"record_id": record_row.pk, "to_agency_id": row.agency.pk},
                )
        except DomainError as exc:
            distributions_mark([row], DistributionStatus.FAILED, note=exc.message)
        else:
            links.append(link)
    return links


def exchange_withdraw(*, actor: User, record_row: OutgoingRecord, reason: str) -> int:
    """Withdraw a recalled document from every receiving agency; return how many were reached."""
    count = 0
    with transaction.atomic():
        links = (
            ExchangeLink.objects.select_for_update()
            .filter(distribution__record=record_row, withdrawn_at__isnull=True)
            .select_related("delivery")
            .order_by("pk")
        )
        for link in links:
            delivery = IncomingDelivery.objects.select_for_update().get(pk=link.delivery_id)
            link.receiver_state_at_withdrawal = delivery.status
            if delivery.status in _WITHDRAWABLE:
                # Out of the receiver's queue, or its registered record frozen and its
                # handlers told: the incoming app's own withdrawal (Art. 18.4).
                delivery_withdraw(actor=actor, delivery=delivery, reason=reason)
            link.withdrawn_at = timezone.now()
            link.withdrawn_by = actor
            link.withdraw_reason = reason[:500]
            link.save(
                update_fields=[
                    "withdrawn_at",
                    "withdrawn_by",
                    "withdraw_reason",
                    "receiver_state_at_withdrawal",
                    "updated_at",
                ]
            )
            record(
                action="exchange.withdrawn",
                actor=actor,
                target=link,
                data={
                    "record_id": record_row.pk,
                    "to_agency_id": delivery.to_agency_id,
                    "receiver_state": link.receiver_state_at_withdrawal,
                    "reason": reason,
                },
            )
            count += 1
    return count


def _state(link: ExchangeLink) -> ReceiverState:
    delivery = link.delivery
    incoming = delivery.accepted_record
    if delivery.status == DeliveryStatus.WITHDRAWN or link.withdrawn_at is not None:
        return ReceiverState(
            status=DeliveryStatus.WITHDRAWN.value,
            label=str(DeliveryStatus.WITHDRAWN.label),
            arrival_number=incoming.arrival_number if incoming else None,
            handling=str(incoming.get_status_display()) if incoming else "",
            note=delivery.withdrawal_reason or link.withdraw_reason,
        )
    return ReceiverState(
        status=delivery.status,
        label=str(delivery.get_status_display()),
        arrival_number=incoming.arrival_number if incoming else None,
        handling=str(incoming.get_status_display()) if incoming else "",
        note=delivery.refusal_reason,
        handled=incoming is not None and incoming.status == IncomingStatus.DONE,
    )


def exchange_states(*, record_row: OutgoingRecord) -> dict[int, ReceiverState]:
    """Return the receiving agency's receipt and handling state per distribution id."""
    links = ExchangeLink.objects.filter(distribution__record=record_row).select_related(
        "delivery", "delivery__accepted_record"
    )
    return {link.distribution_id: _state(link) for link in links}
