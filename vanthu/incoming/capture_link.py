"""Registration from a captured scan: the capture proposals as form values, and the link.

The registration screen sends a dropped file to a capture job (OCR and extraction in the
background); once extracted, its proposals pre-fill the form. On submit, the registration and
``capture_confirm`` run in one transaction: the clerk's values are stored against the proposals
and the original, its PDF/A copy and its OCR text become the document's attachments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from vanthu.accounts.models import User
from vanthu.capture.enums import CaptureState
from vanthu.capture.errors import CaptureStateError
from vanthu.capture.models import CaptureJob
from vanthu.capture.selectors import capture_job_get_for
from vanthu.capture.services import capture_confirm
from vanthu.core.text import clean_text, fold
from vanthu.documents.enums import AttachmentRole, Confidentiality
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import Attachment, DocumentType
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.registration import IncomingData, registration_commit, registration_prepare
from vanthu.incoming.signature_check import schedule_verification
from vanthu.incoming.type_cache import document_type_by_code

# Below this confidence a pre-filled field is highlighted for the clerk to check.
LOW_CONFIDENCE = 0.8
CONFIDENTIALITY_NAMES: dict[str, int] = {
    "normal": Confidentiality.NORMAL,
    "confidential": Confidentiality.CONFIDENTIAL,
    "secret": Confidentiality.SECRET,
    "top_secret": Confidentiality.TOP_SECRET,
}
_LEVEL_NAMES = {level: name for name, level in CONFIDENTIALITY_NAMES.items()}
RECIPIENT_SEPARATOR = "; "
# Form field ← capture field, for the fields copied as they are.
_SAME = {
    "code_number": "code_number",
    "code_notation": "code_notation",
    "organ_name": "organ_name",
    "subject": "subject",
    "signer_position": "signer_position",
    "signer_full_name": "signer_full_name",
    "urgency": "urgency",
}


@dataclass(frozen=True, slots=True)
class Prefill:
    """A proposed form value and its confidence (0–1)."""

    value: str
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": self.confidence,
            "percent": round(self.confidence * 100),
            "low": self.confidence < LOW_CONFIDENCE,
        }


def _type_code(name: str, types: Iterable[DocumentType]) -> str:
    wanted = fold(name)
    return next((t.code for t in types if fold(t.name) == wanted), "")


def _date_text(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return ""


def _converted(name: str, value: Any, types: Iterable[DocumentType]) -> tuple[str, str]:
    """Return the form field and its text for one capture field ("" when it has no place)."""
    if name in _SAME.values():
        return name, clean_text(str(value))
    if name == "type_name":
        return "type_code", _type_code(str(value), types)
    if name == "issued_date":
        return "issued_date", _date_text(str(value))
    if name == "confidentiality":
        level = CONFIDENTIALITY_NAMES.get(str(value))
        return "confidentiality", "" if level is None else str(level)
    if name == "recipients" and isinstance(value, list):
        return "to_places", RECIPIENT_SEPARATOR.join(clean_text(str(v)) for v in value if v)
    return "", ""


def form_prefill(
    proposals: Mapping[str, Any], *, types: Iterable[DocumentType]
) -> dict[str, Prefill]:
    """Return the registration form's values proposed by a capture job, with confidence."""
    types = list(types)
    found: dict[str, Prefill] = {}
    for name, proposal in proposals.items():
        if not isinstance(proposal, Mapping) or proposal.get("value") in (None, "", []):
            continue
        field, text = _converted(name, proposal["value"], types)
        if field and text:
            found[field] = Prefill(text, float(proposal.get("confidence") or 0.0))
    return found


def capture_values(data: IncomingData) -> dict[str, Any]:
    """Return the registered values in the capture fields' terms (what the clerk confirmed)."""
    document_type = document_type_by_code(data.type_code)
    recipients = [clean_text(part) for part in data.to_places.split(";")]
    values: dict[str, Any] = {field: clean_text(getattr(data, field)) for field in _SAME}
    values.update(
        type_name=document_type.name if document_type is not None else "",
        issued_date=data.issued_date.isoformat(),
        confidentiality=_LEVEL_NAMES.get(data.confidentiality, ""),
        recipients=[part for part in recipients if part],
    )
    return values


def _extracted_job(actor: User, job_id: int) -> CaptureJob:
    job = capture_job_get_for(actor=actor, job_id=job_id)
    if job.state != CaptureState.EXTRACTED:
        raise CaptureStateError
    return job


def incoming_register_captured(*, actor: User, data: IncomingData, job_id: int) -> IncomingRecord:
    """Register the document of an extracted capture job and confirm the job (one transaction).

    The job's original counts in the duplicate check like an uploaded scan; its PDFs are
    checked for signatures after commit like any incoming file.
    """
    prepared = registration_prepare(actor=actor, data=data)
    job = _extracted_job(actor, job_id)
    with sqlite_writer_queue(), transaction.atomic():
        incoming = registration_commit(
            actor=actor, prepared=prepared, content_sha256s=[job.original.sha256]
        ).incoming
        capture_confirm(
            actor=actor, job_id=job.pk, values=capture_values(data), document=incoming.document
        )
        originals = Attachment.objects.filter(
            document=incoming.document, role=AttachmentRole.ORIGINAL
        ).select_related("blob")
        for attachment in originals:
            schedule_verification(attachment=attachment, agency_id=incoming.agency_id)
    return incoming


def capture_job_for_record(*, actor: User, incoming: IncomingRecord) -> CaptureJob | None:
    """Return the capture job whose file ``incoming`` registered (None for a typed-in record).

    ``capture_confirm`` stores the registered document on the job; the record itself must
    already be visible to ``actor`` (``incoming_get_for``), and the job is of the same agency.
    """
    if actor.agency_id is None or actor.agency_id != incoming.agency_id:
        return None
    return (
        CaptureJob.objects.filter(document_id=incoming.document_id, agency_id=incoming.agency_id)
        .order_by("-id")
        .first()
    )
