"""The registration screen's capture calls: send a dropped file, follow its job, retry it.

Answers are JSON for ``static/incoming/capture.js``: the job's state in Vietnamese and, once
extracted, the form values it proposes with their confidence. Refusals are the domain errors'
``{"code", "message", "fields"}`` with their status.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanthu.capture.enums import CaptureState
from vanthu.capture.models import CaptureJob
from vanthu.capture.selectors import capture_job_get_for
from vanthu.capture.services import capture_receive, capture_retry
from vanthu.core.errors import DomainError, InvalidInputError
from vanthu.documents.selectors import document_types
from vanthu.incoming.capture_link import form_prefill
from vanthu.incoming.views.common import actor_of

BUSY = frozenset({CaptureState.RECEIVED, CaptureState.TEXT_READY})


def _message(job: CaptureJob) -> str:
    if job.state in BUSY:
        return _("Đang nhận dạng…")
    if job.state == CaptureState.FAILED:
        return _("Không nhận dạng được: %(reason)s") % {"reason": job.failure_reason}
    if job.state == CaptureState.EXTRACTED:
        return _("Đã điền sẵn thông tin từ tệp. Hãy kiểm tra từng trường rồi ghi vào sổ.")
    return str(job.get_state_display())


def job_state(job: CaptureJob) -> dict[str, Any]:
    """Return what the page shows of a job: state, message, links and proposed values."""
    prefill = (
        form_prefill(job.proposals, types=document_types())
        if job.state == CaptureState.EXTRACTED
        else {}
    )
    return {
        "id": job.pk,
        "filename": job.filename,
        "state": job.state,
        "state_label": str(job.get_state_display()),
        "busy": job.state in BUSY,
        "failed": job.state == CaptureState.FAILED,
        "failure_reason": job.failure_reason,
        "message": _message(job),
        "status_url": reverse("incoming:capture_status", kwargs={"job_id": job.pk}),
        "retry_url": reverse("incoming:capture_retry", kwargs={"job_id": job.pk}),
        "fields": {name: value.as_dict() for name, value in prefill.items()},
    }


def _json(body: dict[str, Any], status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _refusal(error: DomainError) -> JsonResponse:
    return _json(error.as_dict(), status=error.status)


@require_POST
@login_required
def capture_upload(request: HttpRequest) -> JsonResponse:
    """Store the dropped file as a capture job (OCR and extraction follow after commit)."""
    actor = actor_of(request)
    upload = request.FILES.get("file")
    if upload is None:
        return _refusal(InvalidInputError(fields={"file": [_("Hãy chọn một tệp.")]}))
    try:
        job = capture_receive(actor=actor, fileobj=upload, filename=upload.name or "")
    except DomainError as error:
        return _refusal(error)
    finally:
        upload.close()
    job.refresh_from_db()
    return _json(job_state(job), status=201)


@require_GET
@login_required
def capture_status(request: HttpRequest, job_id: int) -> JsonResponse:
    """Return the job's state and, once extracted, the proposed form values."""
    try:
        job = capture_job_get_for(actor=actor_of(request), job_id=job_id)
    except DomainError as error:
        return _refusal(error)
    return _json(job_state(job))


@require_POST
@login_required
def capture_retry_view(request: HttpRequest, job_id: int) -> JsonResponse:
    """Process a failed job again."""
    try:
        job = capture_retry(actor=actor_of(request), job_id=job_id)
    except DomainError as error:
        return _refusal(error)
    job.refresh_from_db()
    return _json(job_state(job))
