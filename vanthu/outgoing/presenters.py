"""Turn outgoing drafts and records into API dictionaries (no queries beyond the selectors')."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from vanthu.outgoing.channels import agency_channel
from vanthu.outgoing.enums import DistributionStatus, DraftStatus
from vanthu.outgoing.models import Distribution, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.selectors import draft_comments, draft_reviews, draft_versions


def draft_detail(draft: OutgoingDraft) -> dict[str, Any]:
    record = OutgoingRecord.objects.filter(draft=draft).values_list("pk", flat=True).first()
    return {
        "id": draft.pk,
        "status": draft.status,
        "status_label": str(DraftStatus(draft.status).label),
        "type_code": draft.document_type.code,
        "type_name": draft.document_type.name,
        "subject": draft.subject,
        "confidentiality": draft.confidentiality,
        "urgency": draft.urgency,
        "unit": str(draft.unit),
        "author": str(draft.author),
        "version_count": draft.version_count,
        "approved_version": draft.approved_version.number if draft.approved_version else None,
        "signer": str(draft.signer) if draft.signer else None,
        "signing_mode": draft.signing_mode,
        "signature_state": draft.signature_state,
        "record_id": record,
        "versions": [
            {
                "number": v.number,
                "kind": v.kind,
                "created_by": str(v.created_by),
                "created_at": v.created_at,
                "checked_at": v.checked_at,
                "findings": v.findings,
            }
            for v in draft_versions(draft)
        ],
        "comments": [
            {
                "version": c.version.number,
                "author": str(c.author),
                "text": c.text,
                "created_at": c.created_at,
            }
            for c in draft_comments(draft)
        ],
        "reviews": [
            {
                "version": r.version.number,
                "reviewer": str(r.reviewer),
                "decision": r.decision,
                "comment": r.comment,
                "created_at": r.created_at,
            }
            for r in draft_reviews(draft)
        ],
    }


def record_item(record: OutgoingRecord) -> dict[str, Any]:
    document = record.document
    return {
        "id": record.pk,
        "code": f"{document.code_number}/{document.code_notation}",
        "number": record.number,
        "year": record.year,
        "issued_date": record.issued_date,
        "type_name": document.document_type.name,
        "subject": document.subject,
        "signer_name": document.signer_name,
        "status": record.status,
        "book": record.register_book.name,
    }


def _recipient(row: Distribution) -> str:
    return row.name or str(row.unit or row.user or row.agency or row.email or row.postal_address)


def record_detail(record: OutgoingRecord) -> dict[str, Any]:
    document = record.document
    channel = agency_channel()
    states = channel.states(record=record) if channel is not None else {}
    rows = record.distributions.select_related("unit", "user", "agency").order_by("pk")
    return {
        **record_item(record),
        "document_id": document.pk,
        "draft_id": record.draft_id,
        "organ_name": document.organ_name,
        "to_places": document.to_places,
        "page_amount": document.page_amount,
        "confidentiality": document.confidentiality,
        "urgency": document.urgency,
        "recalled_at": record.recalled_at,
        "recall_reason": record.recall_reason,
        "corrects_id": record.corrects_id,
        "distributions": [
            {
                "id": row.pk,
                "kind": row.kind,
                "recipient": _recipient(row),
                "status": row.status,
                "status_label": str(DistributionStatus(row.status).label),
                "sent_at": row.sent_at,
                "note": row.note,
                "receiver": asdict(states[row.pk]) if row.pk in states else None,
            }
            for row in rows
        ],
    }
