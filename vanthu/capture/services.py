"""Writes of the capture app: receive a file, retry a failed job, confirm the proposals."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.db import transaction

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import has_role
from vanthu.audit.services import record
from vanthu.capture.enums import CaptureState
from vanthu.capture.errors import CaptureStateError
from vanthu.capture.extract import FIELDS
from vanthu.capture.models import CaptureCorrection, CaptureJob
from vanthu.capture.pipeline import transition
from vanthu.capture.selectors import capture_job_get_for
from vanthu.capture.sources import CAPTURE_TYPES
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.blobs import Readable
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Document
from vanthu.documents.uploads import blob_store_upload


def _enqueue(job_id: int) -> None:
    from vanthu.capture.tasks import process_capture  # noqa: PLC0415 — tasks import the pipeline

    process_capture.enqueue(job_id)


def _check_clerk(actor: User) -> int:
    """Refuse anyone but a clerk of an agency; return the agency id."""
    if actor.agency_id is None or not has_role(actor, Role.CLERK):
        raise PermissionDeniedError
    return actor.agency_id


@transaction.atomic
def capture_receive(*, actor: User, fileobj: Readable, filename: str) -> CaptureJob:
    """Store an uploaded scan or file and queue it for OCR and extraction (after commit)."""
    agency_id = _check_clerk(actor)
    blob = blob_store_upload(
        actor=actor, fileobj=fileobj, filename=filename, allowed_types=CAPTURE_TYPES
    )
    job = CaptureJob.objects.create(
        agency_id=agency_id,
        created_by=actor,
        original=blob,
        filename=clean_text(filename)[:255] or blob.sha256,
        media_type=blob.media_type,
    )
    record(
        action="capture.received",
        actor=actor,
        target=job,
        data={"blob": blob.sha256, "filename": job.filename, "media_type": job.media_type},
    )
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


@transaction.atomic
def capture_retry(*, actor: User, job_id: int) -> CaptureJob:
    """Put a failed job back to received and queue it again."""
    _check_clerk(actor)
    job = capture_job_get_for(actor=actor, job_id=job_id)
    if job.state != CaptureState.FAILED:
        raise CaptureStateError
    job = transition(job.pk, CaptureState.RECEIVED, failure_code="", failure_reason="")
    record(action="capture.retry", actor=actor, target=job, data={"attempts": job.attempts})
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


def _same(proposed: Any, confirmed: Any) -> bool:
    if isinstance(proposed, list) or isinstance(confirmed, list):
        return [clean_text(str(v)) for v in proposed or []] == [
            clean_text(str(v)) for v in confirmed or []
        ]
    return clean_text(str(proposed or "")) == clean_text(str(confirmed or ""))


def _attach(job: CaptureJob, document: Document) -> None:
    """Attach the original, its PDF/A copy and its text to the registered document."""
    original = Attachment.objects.create(
        document=document, blob=job.original, role=AttachmentRole.ORIGINAL, filename=job.filename
    )
    derived = [
        (job.searchable_pdf, AttachmentRole.PDFA, f"{job.filename[:240]}.pdfa.pdf"),
        (job.text_blob, AttachmentRole.OCR, f"{job.filename[:240]}.txt"),
    ]
    for blob, role, filename in derived:
        if blob is not None:
            Attachment.objects.create(
                document=document, blob=blob, role=role, filename=filename, derived_from=original
            )


@transaction.atomic
def capture_confirm(
    *,
    actor: User,
    job_id: int,
    values: Mapping[str, Any],
    document: Document | None = None,
) -> CaptureJob:
    """Record the clerk's confirmed values against the proposals and mark the job registered.

    ``values`` holds the registered value of each field (the keys of ``FIELDS``; a field left
    out is not measured). With ``document``, the original, its PDF/A copy and its text become
    the document's attachments (roles original, pdfa, ocr). The incoming registration service
    calls this inside its own transaction.
    """
    _check_clerk(actor)
    job = capture_job_get_for(actor=actor, job_id=job_id)
    if job.state != CaptureState.EXTRACTED:
        raise CaptureStateError
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise InvalidInputError(
            fields={name: [str(InvalidInputError.default_message)] for name in unknown}
        )
    rows = []
    for name, confirmed in values.items():
        proposal = job.proposals.get(name, {})
        proposed = proposal.get("value")
        rows.append(
            CaptureCorrection(
                job=job,
                field=name,
                proposed=proposed,
                confidence=float(proposal.get("confidence", 0.0)),
                confirmed=confirmed,
                is_correct=_same(proposed, confirmed),
                created_by=actor,
            )
        )
    CaptureCorrection.objects.bulk_create(rows)
    if document is not None:
        _attach(job, document)
    job = transition(job.pk, CaptureState.REGISTERED, document=document)
    record(
        action="capture.confirmed",
        actor=actor,
        target=job,
        data={"corrected": sorted(r.field for r in rows if not r.is_correct)},
    )
    return job
