"""Delivery between agencies of one installation (văn bản điện tử gửi trong hệ thống).

The sender's clerk sends a Document to other agencies (``delivery_send``, called by the
outgoing app once it exists); it waits in each receiver's "chờ tiếp nhận" queue. A clerk of
the receiver accepts it — the same Document row is registered in the incoming book with the
next arrival number — or refuses it with a reason the sender sees. The sender may withdraw it
(``delivery_withdraw``, thu hồi — Art. 18.4): a pending delivery leaves the queue; a record
already registered from it is frozen with the reason, kept for the register, and the people
handling it are told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.enums import AgencyStatus
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.audit.services import record
from vanthu.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from vanthu.core.text import clean_text
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import Attachment, Document
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import (
    CLOSED_DELIVERY_STATUSES,
    URGENCY_RANK,
    Channel,
    DeliveryStatus,
)
from vanthu.incoming.errors import DeliveryDecidedError, DeliveryExistsError
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.permissions import ensure_clerk, is_clerk, sees_whole_register
from vanthu.incoming.registration import record_create, register_book_for
from vanthu.incoming.selectors import delivery_get_for
from vanthu.incoming.signature_check import schedule_document_verification
from vanthu.workflow.enums import AssignmentStatus, TraceAction
from vanthu.workflow.links import document_link
from vanthu.workflow.notification_models import NotificationKind
from vanthu.workflow.notifications import NotificationDraft, notifications_store
from vanthu.workflow.recipients import recipients_of
from vanthu.workflow.selectors import active_assignments_of
from vanthu.workflow.services import assignments_close, trace_append

REFUSAL_REASON_MAX_LENGTH = 500
_LOWEST_RANK = max(URGENCY_RANK.values())
RECALL_TARGET = "incoming_recall"
"""The notification target type of a recall (its id is the incoming record's)."""


class DeliveryClosedError(ConflictError):
    code = "delivery_closed"
    default_message = gettext_lazy(
        "Văn bản này đã bị cơ quan nhận từ chối hoặc đã được thu hồi trước đó."
    )


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
        ).exclude(status__in=CLOSED_DELIVERY_STATUSES)
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
        schedule_document_verification(document=locked.document, agency_id=incoming.agency_id)
    return incoming


def _reason(reason: str, *, missing: str) -> str:
    reason = clean_text(reason)
    if not reason:
        raise InvalidInputError(fields={"reason": [missing]})
    if len(reason) > REFUSAL_REASON_MAX_LENGTH:
        raise InvalidInputError(
            fields={"reason": [_("Không được dài quá %d ký tự.") % REFUSAL_REASON_MAX_LENGTH]}
        )
    return reason


def delivery_refuse(*, actor: User, delivery: IncomingDelivery, reason: str) -> IncomingDelivery:
    """Return the delivered document to its sender with a reason (a receiving clerk)."""
    _ensure_receiving_clerk(actor, delivery)
    reason = _reason(reason, missing=_("Cần nêu lý do từ chối."))
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


def _ensure_sender(actor: User, delivery: IncomingDelivery) -> None:
    if (
        not actor.is_active
        or actor.agency_id != delivery.from_agency_id
        or not sees_whole_register(actor)
        or not can_see_confidentiality(actor, delivery.document.confidentiality)
    ):
        raise PermissionDeniedError(
            _("Chỉ văn thư hoặc lãnh đạo của cơ quan gửi mới được thu hồi văn bản.")
        )


def _recall_drafts(incoming: IncomingRecord, reason: str) -> list[NotificationDraft]:
    """What the people handling ``incoming`` (and the clerk who registered it) are told."""
    document = incoming.document
    assignments = active_assignments_of(document_id=document.pk, agency_id=incoming.agency_id)
    people = {user.pk: user for row in assignments for user in recipients_of(row)}
    people.setdefault(incoming.received_by_id, incoming.received_by)
    title = _("Văn bản đến số %(number)s đã bị cơ quan gửi thu hồi") % {
        "number": f"{incoming.arrival_number:02d}/{incoming.arrival_year}"
    }
    body = _("%(subject)s\nLý do thu hồi: %(reason)s") % {
        "subject": document.subject,
        "reason": reason,
    }
    link = document_link(document.pk, incoming.agency_id)
    return [
        NotificationDraft(
            recipient=user,
            agency_id=incoming.agency_id,
            kind=NotificationKind.ASSIGNED,
            title=title,
            body=body,
            target_type=RECALL_TARGET,
            target_id=incoming.pk,
            link=link,
        )
        for user in people.values()
        if user.is_active and user.agency_id == incoming.agency_id
    ]


def _recall_record(*, actor: User, delivery: IncomingDelivery, reason: str) -> list[int]:
    """Freeze the record registered from ``delivery``; return who was told (user ids)."""
    if delivery.accepted_record_id is None:  # an accepted delivery always has one (constraint)
        raise DeliveryDecidedError
    incoming = (
        IncomingRecord.objects.select_for_update(of=("self",))
        .select_related("document", "agency", "received_by")
        .get(pk=delivery.accepted_record_id)
    )
    drafts = _recall_drafts(incoming, reason)
    now = timezone.now()
    trace_append(
        actor=actor,
        document=incoming.document,
        agency=incoming.agency,
        action=TraceAction.NOTE,
        status=incoming.status,
        text=_("Cơ quan gửi thu hồi văn bản. Lý do: %s") % reason,
    )
    assignments_close(
        actor=actor,
        document=incoming.document,
        agency=incoming.agency,
        status=AssignmentStatus.SUPERSEDED,
    )
    # A queryset update: ``IncomingRecord.save`` refuses every change once it is recalled.
    IncomingRecord.objects.filter(pk=incoming.pk).update(
        recalled_at=now, recalled_by=actor, recall_reason=reason, updated_at=now
    )
    told = notifications_store(drafts)
    record(
        action="incoming.recalled",
        actor=actor,
        target=incoming,
        agency_id=incoming.agency_id,
        data={
            "delivery_id": delivery.pk,
            "reason": reason,
            "notified": sorted(n.recipient_id for n in told),
        },
    )
    return sorted(draft.recipient.pk for draft in drafts)


def delivery_withdraw(*, actor: User, delivery: IncomingDelivery, reason: str) -> IncomingDelivery:
    """Withdraw a document the actor's agency sent (thu hồi; a clerk or a leader of the sender).

    A pending delivery leaves the receiver's "chờ tiếp nhận" queue. An accepted one keeps its
    incoming record, frozen with the reason (never deleted: the arrival number stays in the
    book), its open assignments closed and the people handling it told.
    """
    reason = _reason(reason, missing=_("Cần nêu lý do thu hồi."))
    with transaction.atomic():
        locked = (
            IncomingDelivery.objects.select_for_update(of=("self",))
            .select_related("document")
            .get(pk=delivery.pk)
        )
        _ensure_sender(actor, locked)
        if locked.status in CLOSED_DELIVERY_STATUSES:
            raise DeliveryClosedError
        previous = locked.status
        told: list[int] = []
        if previous == DeliveryStatus.ACCEPTED:
            told = _recall_record(actor=actor, delivery=locked, reason=reason)
        locked.status = DeliveryStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = actor
        locked.withdrawal_reason = reason
        locked.save(
            update_fields=[
                "status",
                "withdrawn_at",
                "withdrawn_by",
                "withdrawal_reason",
                "updated_at",
            ]
        )
        record(
            action="incoming.delivery_withdrawn",
            actor=actor,
            target=locked,
            data={
                "reason": reason,
                "previous_status": previous,
                "to_agency_id": locked.to_agency_id,
                "incoming_id": locked.accepted_record_id,
                "notified": told,
            },
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
