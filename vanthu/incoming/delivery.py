"""Delivery between agencies of one installation (văn bản điện tử gửi trong hệ thống).

The sender's clerk sends a Document to other agencies (``delivery_send``, called by the
outgoing app once it exists); it waits in each receiver's "chờ tiếp nhận" queue. A clerk of
the receiver accepts it — the same Document row is registered in the incoming book with the
next arrival number — or refuses it with a reason the sender sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.enums import AgencyStatus
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import Attachment, Document
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import URGENCY_RANK, Channel, DeliveryStatus
from vanthu.incoming.errors import DeliveryDecidedError, DeliveryExistsError
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.permissions import ensure_clerk, is_clerk
from vanthu.incoming.registration import record_create, register_book_for
from vanthu.incoming.selectors import delivery_get_for

REFUSAL_REASON_MAX_LENGTH = 500
_LOWEST_RANK = max(URGENCY_RANK.values())


def _check_receivers(sender: Agency, receivers: Sequence[Agency]) -> None:
    problems: list[str] = []
    if not receivers:
        problems.append(_("Chọn ít nhất một cơ quan nhận."))
    seen: set[int] = set()
    for agency in receivers:
        if agency.pk == sender.pk:
            problems.append(_("Không gửi văn bản cho chính cơ quan mình."))
        elif agency.status != AgencyStatus.ACTIVE:
            problems.append(_("Cơ quan không còn hoạt động: %s") % agency.name)
        elif agency.pk in seen:
            problems.append(_("Cơ quan được chọn nhiều lần: %s") % agency.name)
        seen.add(agency.pk)
    if problems:
        raise InvalidInputError(fields={"to_agencies": problems})


def delivery_send(
    *, actor: User, document: Document, to_agencies: Sequence[Agency]
) -> list[IncomingDelivery]:
    """Send ``document`` (of the actor's agency) to each agency of ``to_agencies``."""
    sender = actor.agency
    if (
        sender is None
        or not actor.is_active
        or not is_clerk(actor)
        or document.owner_agency_id != sender.pk
        or not can_see_confidentiality(actor, document.confidentiality)
    ):
        raise PermissionDeniedError(_("Chỉ văn thư của cơ quan ban hành mới được gửi văn bản."))
    _check_receivers(sender, to_agencies)
    with transaction.atomic():
        taken = IncomingDelivery.objects.filter(
            document=document, to_agency__in=to_agencies
        ).exclude(status=DeliveryStatus.REFUSED)
        if names := [str(row.to_agency) for row in taken.select_related("to_agency")]:
            raise DeliveryExistsError(fields={"to_agencies": names})
        now = timezone.now()
        deliveries = [
            IncomingDelivery.objects.create(
                document=document,
                from_agency=sender,
                to_agency=agency,
                sent_by=actor,
                sent_at=now,
                queue_order=_LOWEST_RANK - URGENCY_RANK[document.urgency],
            )
            for agency in to_agencies
        ]
        for delivery in deliveries:
            record(
                action="incoming.delivery_sent",
                actor=actor,
                target=delivery,
                data={"document_id": document.pk, "to_agency_id": delivery.to_agency_id},
            )
    return deliveries


def _ensure_receiving_clerk(actor: User, delivery: IncomingDelivery) -> None:
    ensure_clerk(actor)
    if actor.agency_id != delivery.to_agency_id:
        raise PermissionDeniedError


def _locked_pending(delivery: IncomingDelivery) -> IncomingDelivery:
    locked = (
        IncomingDelivery.objects.select_for_update(of=("self",))
        .select_related("document", "document__document_type", "from_agency")
        .get(pk=delivery.pk)
    )
    if locked.status != DeliveryStatus.PENDING:
        raise DeliveryDecidedError
    return locked


def delivery_accept(
    *,
    actor: User,
    delivery: IncomingDelivery,
    register_book_id: int | None = None,
    due_date: dt.date | None = None,
) -> IncomingRecord:
    """Register the delivered document in the receiver's incoming book (a receiving clerk)."""
    _ensure_receiving_clerk(actor, delivery)
    document = delivery.document
    if not can_see_confidentiality(actor, document.confidentiality):
        raise PermissionDeniedError(_("Bạn không được phép vào sổ văn bản ở độ mật này."))
    arrival_date = today_in_vietnam()
    if due_date is not None and due_date < arrival_date:
        raise InvalidInputError(
            fields={"due_date": [_("Hạn giải quyết không được trước hôm nay.")]}
        )
    book = register_book_for(
        agency=delivery.to_agency,
        confidentiality=document.confidentiality,
        register_book_id=register_book_id,
    )
    with sqlite_writer_queue(), transaction.atomic():
        locked = _locked_pending(delivery)
        incoming = record_create(
            actor=actor,
            document=locked.document,
            book=book,
            arrival_date=arrival_date,
            channel=Channel.ELECTRONIC,
            due_date=due_date,
            audit_data={"delivery_id": locked.pk, "from_agency_id": locked.from_agency_id},
        ).incoming
        locked.status = DeliveryStatus.ACCEPTED
        locked.accepted_record = incoming
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(
            update_fields=["status", "accepted_record", "decided_by", "decided_at", "updated_at"]
        )
        record(
            action="incoming.delivery_accepted",
            actor=actor,
            target=locked,
            data={"incoming_id": incoming.pk, "arrival_number": incoming.arrival_number},
        )
    return incoming


def delivery_refuse(*, actor: User, delivery: IncomingDelivery, reason: str) -> IncomingDelivery:
    """Return the delivered document to its sender with a reason (a receiving clerk)."""
    _ensure_receiving_clerk(actor, delivery)
    reason = clean_text(reason)
    if not reason:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do từ chối.")]})
    if len(reason) > REFUSAL_REASON_MAX_LENGTH:
        raise InvalidInputError(
            fields={"reason": [_("Không được dài quá %d ký tự.") % REFUSAL_REASON_MAX_LENGTH]}
        )
    with transaction.atomic():
        locked = _locked_pending(delivery)
        locked.status = DeliveryStatus.REFUSED
        locked.refusal_reason = reason
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(
            update_fields=["status", "refusal_reason", "decided_by", "decided_at", "updated_at"]
        )
        record(
            action="incoming.delivery_refused",
            actor=actor,
            target=locked,
            data={"reason": reason, "from_agency_id": locked.from_agency_id},
        )
    return locked


def delivery_attachment_download(
    *, actor: User, delivery: IncomingDelivery, attachment_id: int
) -> Attachment:
    """Return a file of a delivery the actor receives and record the download (Annex VI).

    ``delivery`` comes from ``delivery_get_for``; it is checked again here.
    """
    delivery = delivery_get_for(actor=actor, pk=delivery.pk)
    attachment = (
        Attachment.objects.filter(pk=attachment_id, document_id=delivery.document_id)
        .select_related("blob")
        .first()
    )
    if attachment is None:
        raise NotFoundError
    record(
        action="incoming.delivery_attachment_downloaded",
        actor=actor,
        target=delivery,
        agency_id=delivery.to_agency_id,
        data={
            "attachment_id": attachment.pk,
            "document_id": delivery.document_id,
            "sha256": attachment.blob.sha256,
        },
    )
    return attachment
