"""Incoming records as API dicts (shapes of ``schemas.py``)."""

from __future__ import annotations

from typing import Any

from vanthu.documents.models import Attachment, Document
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.registration import Registration
from vanthu.incoming.schemas import CONFIDENTIALITY_NAMES
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.selectors import assignments_of, trace_of


def _document_fields(document: Document) -> dict[str, Any]:
    """Return what a register row or a delivery shows of the document (type loaded)."""
    return {
        "type_code": document.document_type.code,
        "type_name": document.document_type.name,
        "code_number": document.code_number,
        "code_notation": document.code_notation,
        "issued_date": document.issued_date,
        "organ_name": document.organ_name,
        "subject": document.subject,
        "urgency": document.urgency,
        "confidentiality": CONFIDENTIALITY_NAMES[document.confidentiality],
    }


def incoming_item(incoming: IncomingRecord) -> dict[str, Any]:
    """Return one register row (needs ``document`` and its type loaded)."""
    return {
        "id": incoming.pk,
        "arrival_number": incoming.arrival_number,
        "arrival_year": incoming.arrival_year,
        "arrival_date": incoming.arrival_date,
        "register_book_id": incoming.register_book_id,
        "channel": incoming.channel,
        "status": incoming.status,
        "due_date": incoming.due_date,
    } | _document_fields(incoming.document)


def _assignment(row: Assignment) -> dict[str, Any]:
    party_user, party_unit = row.party_user, row.party_unit
    return {
        "id": row.pk,
        "role": row.role,
        "party": {
            "user": party_user.username if party_user is not None else None,
            "unit": party_unit.pk if party_unit is not None else None,
            "label": str(party_user if party_user is not None else party_unit),
        },
        "instruction": row.instruction,
        "due_date": row.due_date,
        "status": row.status,
        "assigned_by": row.assigned_by.username,
        "created_at": row.created_at,
    }


def _trace(entry: TraceEntry) -> dict[str, Any]:
    return {
        "action": entry.action,
        "text": entry.text,
        "status": entry.status,
        "actor": entry.actor.username,
        "actor_name": str(entry.actor),
        "at": entry.at,
    }


def attachment_out(attachment: Attachment) -> dict[str, Any]:
    """Return one file of a record (needs ``blob`` loaded)."""
    blob = attachment.blob
    return {
        "id": attachment.pk,
        "role": attachment.role,
        "filename": attachment.filename,
        "sha256": blob.sha256,
        "size": blob.size,
        "media_type": blob.media_type,
        "created_at": attachment.created_at,
    }


def _attachments(incoming: IncomingRecord) -> list[dict[str, Any]]:
    rows = Attachment.objects.filter(document_id=incoming.document_id).select_related("blob")
    return [attachment_out(row) for row in rows.order_by("created_at", "pk")]


def incoming_detail(incoming: IncomingRecord) -> dict[str, Any]:
    """Return the full record with its files, assignments and trace (three more queries)."""
    keys = {"document_id": incoming.document_id, "agency_id": incoming.agency_id}
    return _detail(
        incoming,
        attachments=_attachments(incoming),
        assignments=[_assignment(row) for row in assignments_of(**keys)],
        trace=[_trace(entry) for entry in trace_of(**keys)],
    )


def registration_detail(registration: Registration) -> dict[str, Any]:
    """Return a record just registered from what the registration wrote (no query).

    A new registration has no files yet (files come with ``incoming_register_with_files``,
    whose answer is built by ``incoming_detail``).
    """
    return _detail(
        registration.incoming,
        attachments=[],
        assignments=[_assignment(row) for row in registration.assignments],
        trace=[_trace(entry) for entry in registration.trace],
    )


def _detail(
    incoming: IncomingRecord,
    *,
    attachments: list[dict[str, Any]],
    assignments: list[dict[str, Any]],
    trace: list[dict[str, Any]],
) -> dict[str, Any]:
    document = incoming.document
    return incoming_item(incoming) | {
        "signer_position": document.signer_position,
        "signer_full_name": document.signer_name,
        "language": document.language,
        "page_amount": document.page_amount,
        "to_places": document.to_places,
        "description": document.description,
        "received_by": incoming.received_by.username,
        "duplicate_of_id": incoming.duplicate_of_id,
        "duplicate_reason": incoming.duplicate_reason,
        "proposal": incoming.proposal,
        "reply_reference": incoming.reply_reference,
        "recalled_at": incoming.recalled_at,
        "recall_reason": incoming.recall_reason,
        "attachments": attachments,
        "assignments": assignments,
        "trace": trace,
    }


def delivery_out(delivery: IncomingDelivery) -> dict[str, Any]:
    """Return one delivery (needs ``document`` with its type and both agencies loaded)."""
    return {
        "id": delivery.pk,
        "status": delivery.status,
        "from_agency": {"id": delivery.from_agency_id, "name": delivery.from_agency.name},
        "to_agency": {"id": delivery.to_agency_id, "name": delivery.to_agency.name},
        "sent_at": delivery.sent_at,
        "refusal_reason": delivery.refusal_reason,
        "decided_at": delivery.decided_at,
        "withdrawal_reason": delivery.withdrawal_reason,
        "withdrawn_at": delivery.withdrawn_at,
        "incoming_id": delivery.accepted_record_id,
    } | _document_fields(delivery.document)
