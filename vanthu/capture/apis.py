"""JSON API of capture: extract metadata from a file; upload scans and follow their jobs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Status, UploadedFile

from vanthu.accounts.auth import request_user
from vanthu.capture.extraction import extract_upload
from vanthu.capture.models import CaptureJob
from vanthu.capture.pdfa import capture_copy_retry
from vanthu.capture.schemas import CaptureJobOut, CaptureProposalsOut
from vanthu.capture.selectors import capture_job_get_for
from vanthu.capture.services import capture_receive, capture_retry
from vanthu.core.api import ErrorOut

router = Router(tags=["Số hóa và bóc tách văn bản"])
_ERRORS: dict[int, type[ErrorOut]] = {400: ErrorOut, 413: ErrorOut, 415: ErrorOut}


def job_out(job: CaptureJob) -> dict[str, Any]:
    """Return the API view of a job (proposals once extracted)."""
    return {
        "id": job.pk,
        "filename": job.filename,
        "media_type": job.media_type,
        "state": job.state,
        "state_label": str(job.get_state_display()),
        "failure_code": job.failure_code,
        "failure_reason": job.failure_reason,
        "attempts": job.attempts,
        "is_signed": job.is_signed,
        "text_source": job.text_source,
        "page_count": job.page_count,
        "has_searchable_pdf": job.searchable_pdf_id is not None,
        "copy_state": job.copy_state,
        "copy_state_label": str(job.get_copy_state_display()),
        "copy_failure_code": job.copy_failure_code,
        "copy_failure_reason": job.copy_failure_reason,
        "has_text": job.text_blob_id is not None,
        "proposals": job.proposals or None,
        "created_at": job.created_at,
    }


@router.post(
    "/capture/extract",
    response={200: CaptureProposalsOut, **_ERRORS},
    summary="Bóc tách thông tin văn bản từ tệp PDF, ảnh hoặc DOCX",
    operation_id="capture_extract",
)
def capture_extract(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    """Read the file (OCR when it has no text) and propose its registration metadata."""
    request_user(request)
    try:
        return extract_upload(file)
    finally:
        file.close()


@router.post(
    "/capture/jobs",
    response={201: CaptureJobOut, 403: ErrorOut, **_ERRORS},
    summary="Tải lên tệp văn bản để nhận dạng và bóc tách trong nền",
    operation_id="capture_job_create",
)
def capture_job_create(request: HttpRequest, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    """Store the file and queue OCR and extraction (a clerk of the agency)."""
    actor = request_user(request)
    try:
        job = capture_receive(actor=actor, fileobj=file, filename=file.name or "")
    finally:
        file.close()
    job.refresh_from_db()
    return Status(201, job_out(job))


@router.get(
    "/capture/jobs/{int:job_id}",
    response={200: CaptureJobOut, 404: ErrorOut},
    summary="Trạng thái xử lý của tệp số hóa",
    operation_id="capture_job_get",
)
def capture_job_get(request: HttpRequest, job_id: int) -> dict[str, Any]:
    return job_out(capture_job_get_for(actor=request_user(request), job_id=job_id))


@router.post(
    "/capture/jobs/{int:job_id}/retry",
    response={200: CaptureJobOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Xử lý lại tệp bị lỗi",
    operation_id="capture_job_retry",
)
def capture_job_retry(request: HttpRequest, job_id: int) -> dict[str, Any]:
    job = capture_retry(actor=request_user(request), job_id=job_id)
    job.refresh_from_db()
    return job_out(job)


@router.post(
    "/capture/jobs/{int:job_id}/retry-copy",
    response={200: CaptureJobOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Tạo lại bản PDF/A tìm kiếm được khi lần tạo trước bị lỗi",
    operation_id="capture_job_retry_copy",
)
def capture_job_retry_copy(request: HttpRequest, job_id: int) -> dict[str, Any]:
    job = capture_copy_retry(actor=request_user(request), job_id=job_id)
    job.refresh_from_db()
    return job_out(job)
