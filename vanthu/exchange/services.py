"""Delivery of issued outgoing documents to other agencies of the installation, and recall.

The receiving side is the incoming app's queue (``incoming.delivery.delivery_send``); this app,
above both, links each outgoing recipient to its delivery and reads back receipt and handling.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import DomainError
from vanthu.exchange.models import ExchangeLink
from vanthu.incoming.delivery import delivery_send
from vanthu.incoming.enums import DeliveryStatus
from vanthu.incoming.models import IncomingDelivery
from vanthu.outgoing.channels import ReceiverState
from vanthu.outgoing.distribution import distributions_mark
from vanthu.outgoing.enums import DistributionStatus
from vanthu.outgoing.models import Distribution, OutgoingRecord

_WITHDRAWN = "withdrawn"


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


def _withdraw_delivery(*, actor: User, delivery: IncomingDelivery, reason: str) -> None:
    """Take a pending delivery out of the receiver's queue.

    Interim: the incoming app has no withdrawal yet, so the delivery is closed as refused with
    the recall reason (it leaves the queue and stays visible with its trail). To be replaced by
    ``incoming.delivery.delivery_withdraw`` once the incoming app provides it.
    """
    delivery.status = DeliveryStatus.REFUSED
    delivery.refusal_reason = (_("Cơ quan gửi đã thu hồi văn bản: %s") % reason)[:500]
    delivery.decided_by = actor
    delivery.decided_at = timezone.now()
    delivery.save(
        update_fields=["status", "refusal_reason", "decided_by", "decided_at", "updated_at"]
    )


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
            if delivery.status == DeliveryStatus.PENDING:
                _withdraw_delivery(actor=actor, delivery=delivery, reason=reason)
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
    if link.withdrawn_at is not None:
        return ReceiverState(
            status=_WITHDRAWN,
            label=_("Đã thu hồi"),
            arrival_number=incoming.arrival_number if incoming else None,
            handling=incoming.get_status_display() if incoming else "",
            note=link.withdraw_reason,
        )
    return ReceiverState(
        status=delivery.status,
        label=str(delivery.get_status_display()),
        arrival_number=incoming.arrival_number if incoming else None,
        handling=str(incoming.get_status_display()) if incoming else "",
        note=delivery.refusal_reason,
    )


def exchange_states(*, record_row: OutgoingRecord) -> dict[int, ReceiverState]:
    """Return the receiving agency's receipt and handling state per distribution id."""
    links = ExchangeLink.objects.filter(distribution__record=record_row).select_related(
        "delivery", "delivery__accepted_record"
    )
    return {link.distribution_id: _state(link) for link in links}
