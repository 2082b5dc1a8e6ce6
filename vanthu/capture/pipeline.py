"""The capture pipeline: received → text_ready → extracted, each step committed on its own.

Heavy work (OCR, extraction) runs outside any transaction; each state change is a short
transaction under a row lock that re-checks the state, so a second run of the same job (a retry
of the task, two workers) does nothing and nothing downstream sees a half-processed file.
A scan is ``text_ready`` as soon as Tesseract has read its pages; its searchable PDF/A-2b copy
is queued then as a separate, lower-priority task (``copy_state``, ``vanthu.capture.pdfa``)
whose failure never fails the text.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from django.db import models, transaction

from vanthu.audit.services import record
from vanthu.capture.enums import ALLOWED, CaptureState, CopyState
from vanthu.capture.errors import CaptureFileError, CaptureStateError, OcrFailedError
from vanthu.capture.extract import extract_proposals, proposals_json
from vanthu.capture.layout import Page
from vanthu.capture.models import CaptureJob
from vanthu.capture.ocr import TextResult, file_text
from vanthu.capture.selectors import known_agencies
from vanthu.capture.sources import read_pages
from vanthu.core.errors import DomainError
from vanthu.documents.blobs import blob_open
from vanthu.documents.mediatypes import TEXT
from vanthu.documents.models import Blob
from vanthu.documents.uploads import blob_store_upload

logger = logging.getLogger("vanthu.capture")
MAX_EXTRACT_PAGES = 30


def transition(job_id: int, to: CaptureState, **fields: Any) -> CaptureJob:
    """Move the job to ``to`` under a row lock (refused if the state machine forbids it)."""
    job = CaptureJob.objects.select_for_update().get(pk=job_id)
    if to not in ALLOWED[job.state]:
        raise CaptureStateError
    previous = job.state
    job.state = to
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=["state", "updated_at", *fields])
    record(
        action=f"capture.{to}",
        actor=None,
        target=job,
        agency_id=job.agency_id,
        data={"from": previous, "to": to, **_audit_fields(fields)},
    )
    return job


def _audit_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: (value.pk if isinstance(value, models.Model) else value)
        for name, value in fields.items()
        if name != "proposals"
    }


@contextmanager
def local_copy(blob: Blob, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary local file holding the blob's content."""
    with tempfile.TemporaryDirectory(prefix="vanthu-capture-") as folder:
        path = Path(folder) / f"original{suffix}"
        with blob_open(blob) as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield path


def store_file(path: Path, filename: str, media_type: str) -> Blob:
    """Store a derived file as a blob (no actor: the pipeline makes it)."""
    with path.open("rb") as handle:
        return blob_store_upload(
            actor=None, fileobj=handle, filename=filename, allowed_types={media_type}
        )


def _text_blob(result: TextResult, folder: Path, filename: str) -> Blob | None:
    if not result.text.strip():
        return None
    path = folder / "text.txt"
    path.write_text(result.text, encoding="utf-8")
    return store_file(path, f"{filename}.txt", TEXT)


def _extraction_pages(path: Path, result: TextResult) -> list[Page]:
    if result.pages is not None:
        return result.pages[:MAX_EXTRACT_PAGES]
    return read_pages(path)[1]


def _copy_state(result: TextResult) -> CopyState:
    if result.wants_copy:
        return CopyState.PENDING
    return CopyState.SIGNED if result.source == "ocr" else CopyState.NONE


def enqueue_copy(job_id: int) -> None:
    """Queue the PDF/A copy task of a job (called after commit)."""
    from vanthu.capture.tasks import make_capture_copy  # noqa: PLC0415 — tasks import this module

    make_capture_copy.enqueue(job_id)


def capture_process(*, job_id: int) -> CaptureJob:
    """Run the pipeline for a received job; a job in any other state is left as it is."""
    job = CaptureJob.objects.select_related("original").get(pk=job_id)
    if job.state != CaptureState.RECEIVED:
        return job
    try:
        with local_copy(job.original) as path:
            result = file_text(path, job.media_type)
            text_blob = _text_blob(result, path.parent, job.filename)
            pages = _extraction_pages(path, result)
            copy_state = _copy_state(result)
            with transaction.atomic():
                transition(
                    job_id,
                    CaptureState.TEXT_READY,
                    text_blob=text_blob,
                    searchable_pdf=None,
                    copy_state=copy_state,
                    text_source=result.source,
                    page_count=result.page_count,
                    is_signed=result.is_signed,
                    attempts=job.attempts + 1,
                )
                if copy_state == CopyState.PENDING:
                    transaction.on_commit(partial(enqueue_copy, job_id))
        proposals = extract_proposals(pages, agencies=known_agencies())
        with transaction.atomic():
            return transition(job_id, CaptureState.EXTRACTED, proposals=proposals_json(proposals))
    except CaptureStateError:
        return CaptureJob.objects.get(pk=job_id)
    except DomainError as error:
        return _fail(job_id, error, attempts=job.attempts + 1)
    except Exception:
        logger.exception("capture job %s failed", job_id)
        return _fail(job_id, OcrFailedError(), attempts=job.attempts + 1)


def _fail(job_id: int, error: DomainError, *, attempts: int) -> CaptureJob:
    code = error.code if isinstance(error, CaptureFileError) else OcrFailedError.code
    with transaction.atomic():
        job = CaptureJob.objects.select_for_update().get(pk=job_id)
        if job.state not in {CaptureState.RECEIVED, CaptureState.TEXT_READY}:
            return job
        return transition(
            job_id,
            CaptureState.FAILED,
            failure_code=code,
            failure_reason=error.message[:500],
            attempts=attempts,
        )
