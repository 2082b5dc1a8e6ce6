"""The searchable PDF/A-2b copy of a scan: its own lower-priority step after ``text_ready``.

OCRmyPDF (niced) makes the copy from the original; the job's text, state and proposals are
never touched here, so a failure only marks ``copy_state`` failed (its code and Vietnamese
reason kept on the job for the API and the clerk). A job whose copy is not
``pending`` (no scan, a signed PDF that is never rewritten, a copy already made) is left as it
is, so a second run of the task does nothing. A copy that arrives after the job was registered
is attached to the document then (role pdfa, derived from the original). A clerk can queue a
failed copy again (``capture_copy_retry``; refused for a signed PDF and a copy that has not
failed).
"""

from __future__ import annotations

import logging
import tempfile
from functools import partial
from pathlib import Path

from django.db import transaction

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import has_role
from vanthu.audit.services import record
from vanthu.capture.enums import CopyState
from vanthu.capture.errors import CopyFailedError, CopyNotFailedError, CopySignedError
from vanthu.capture.models import CaptureJob
from vanthu.capture.ocr import run_ocrmypdf
from vanthu.capture.pipeline import enqueue_copy, local_copy, store_file
from vanthu.capture.selectors import capture_job_get_for
from vanthu.capture.sources import IMAGE_TYPES
from vanthu.core.errors import DomainError, PermissionDeniedError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.mediatypes import PDF
from vanthu.documents.models import Attachment, Blob

logger = logging.getLogger("vanthu.capture")


def capture_copy_make(*, job_id: int) -> CaptureJob:
    """Make and store the PDF/A-2b copy of a job whose copy is pending."""
    job = CaptureJob.objects.select_related("original").get(pk=job_id)
    if job.copy_state != CopyState.PENDING:
        return job
    try:
        with (
            local_copy(job.original) as path,
            tempfile.TemporaryDirectory(prefix="vanthu-pdfa-") as folder,
        ):
            output, _text = run_ocrmypdf(path, Path(folder), image=job.media_type in IMAGE_TYPES)
            blob = store_file(output, f"{job.filename[:240]}.pdfa.pdf", PDF)
    except DomainError as error:
        logger.warning("capture job %s: no PDF/A copy (%s)", job_id, error.code)
        return _finish(job_id, CopyState.FAILED, error=error)
    except Exception:
        logger.exception("capture job %s: PDF/A copy failed", job_id)
        return _finish(job_id, CopyState.FAILED, error=CopyFailedError())
    return _finish(job_id, CopyState.READY, blob=blob)


def _finish(
    job_id: int, state: CopyState, *, blob: Blob | None = None, error: DomainError | None = None
) -> CaptureJob:
    code = error.code if error is not None else ""
    with transaction.atomic():
        job = CaptureJob.objects.select_for_update().get(pk=job_id)
        if job.copy_state != CopyState.PENDING:
            return job
        job.copy_state = state
        job.searchable_pdf = blob
        job.copy_failure_code = code
        job.copy_failure_reason = str(error.message)[:500] if error is not None else ""
        job.save(
            update_fields=[
                "copy_state",
                "searchable_pdf",
                "copy_failure_code",
                "copy_failure_reason",
                "updated_at",
            ]
        )
        if blob is not None and job.document_id is not None:
            _attach_late(job, blob, job.document_id)
        record(
            action=f"capture.copy_{state}",
            actor=None,
            target=job,
            agency_id=job.agency_id,
            data={"blob": blob.sha256 if blob else None, "code": code},
        )
    return job


def _attach_late(job: CaptureJob, blob: Blob, document_id: int) -> None:
    """Attach a copy made after registration to the document, next to its original."""
    original = Attachment.objects.filter(
        document_id=document_id, blob=job.original, role=AttachmentRole.ORIGINAL
    ).first()
    if original is None:
        return
    Attachment.objects.create(
        document_id=document_id,
        blob=blob,
        role=AttachmentRole.PDFA,
        filename=f"{job.filename[:240]}.pdfa.pdf",
        derived_from=original,
    )


def may_retry_copy(actor: User, job: CaptureJob) -> bool:
    """Return whether ``actor`` may queue the job's PDF/A copy again: a clerk, a failed copy,
    a file that is not signed (the refusals of ``capture_copy_retry``)."""
    return (
        actor.agency_id is not None
        and has_role(actor, Role.CLERK)
        and not job.is_signed
        and job.copy_state == CopyState.FAILED
    )


@transaction.atomic
def capture_copy_retry(*, actor: User, job_id: int) -> CaptureJob:
    """Queue a failed PDF/A copy again (the job's text and state are not touched).

    Refused for a signed PDF (never rewritten) and for a copy that has not failed.
    """
    if actor.agency_id is None or not has_role(actor, Role.CLERK):
        raise PermissionDeniedError
    capture_job_get_for(actor=actor, job_id=job_id)
    job = CaptureJob.objects.select_for_update().get(pk=job_id)
    if job.is_signed or job.copy_state == CopyState.SIGNED:
        raise CopySignedError
    if job.copy_state != CopyState.FAILED:
        raise CopyNotFailedError
    previous = job.copy_failure_code
    job.copy_state = CopyState.PENDING
    job.copy_failure_code = ""
    job.copy_failure_reason = ""
    job.save(update_fields=["copy_state", "copy_failure_code", "copy_failure_reason", "updated_at"])
    record(action="capture.copy_retry", actor=actor, target=job, data={"previous": previous})
    transaction.on_commit(partial(enqueue_copy, job.pk))
    return job
