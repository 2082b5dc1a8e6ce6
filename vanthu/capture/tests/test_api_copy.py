"""The PDF/A copy in the capture jobs API: its state and failure, and a retry of a failed copy."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_tasks.backends.dummy import DummyBackend

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.capture.enums import CaptureState, CopyState
from vanthu.capture.models import CaptureJob
from vanthu.capture.sources import CAPTURE_TYPES
from vanthu.capture.tests.conftest import DATA
from vanthu.documents.uploads import blob_store_upload

pytestmark = [pytest.mark.django_db]
JOBS = "/api/v1/capture/jobs"
OnCommit = Callable[..., Any]


@pytest.fixture
def client(clerk: User) -> Client:
    client = Client()
    client.force_login(clerk)
    return client


def _job(clerk: User, **fields: Any) -> CaptureJob:
    assert clerk.agency is not None
    blob = blob_store_upload(
        actor=clerk,
        fileobj=io.BytesIO((DATA / "ke-hoach-scan.png").read_bytes()),
        filename="scan.png",
        allowed_types=CAPTURE_TYPES,
    )
    return CaptureJob.objects.create(
        agency=clerk.agency,
        created_by=clerk,
        original=blob,
        filename="scan.png",
        media_type=blob.media_type,
        state=CaptureState.EXTRACTED,
        text_source="ocr",
        **fields,
    )


def test_a_failed_copy_is_shown_with_its_reason_and_queued_again(
    client: Client, clerk: User, queue: DummyBackend, django_capture_on_commit_callbacks: OnCommit
) -> None:
    job = _job(
        clerk,
        copy_state=CopyState.FAILED,
        copy_failure_code="capture_ocr_failed",
        copy_failure_reason="Nhận dạng ký tự (OCR) không thành công.",
    )
    body = client.get(f"{JOBS}/{job.pk}").json()
    assert body["copy_state"] == "failed" and body["copy_state_label"] == "Không tạo được bản PDF/A"
    assert body["copy_failure_code"] == "capture_ocr_failed"
    assert body["copy_failure_reason"] == "Nhận dạng ký tự (OCR) không thành công."
    assert body["state"] == "extracted" and body["failure_code"] == ""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{JOBS}/{job.pk}/retry-copy")
    assert response.status_code == 200
    body = response.json()
    assert body["copy_state"] == "pending" and body["copy_failure_code"] == ""
    assert body["copy_failure_reason"] == "" and body["state"] == "extracted"
    assert [(r.task.name, r.args) for r in queue.results] == [("make_capture_copy", [job.pk])]
    event = AuditEvent.objects.get(target_id=str(job.pk), action="capture.copy_retry")
    assert event.data == {"previous": "capture_ocr_failed"}
    again = client.post(f"{JOBS}/{job.pk}/retry-copy")
    assert again.status_code == 409 and again.json()["code"] == "capture_copy_not_failed"
    assert len(queue.results) == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"is_signed": True, "copy_state": CopyState.SIGNED}, "capture_copy_signed"),
        ({"is_signed": True, "copy_state": CopyState.FAILED}, "capture_copy_signed"),
        ({"copy_state": CopyState.NONE}, "capture_copy_not_failed"),
        ({"copy_state": CopyState.READY}, "capture_copy_not_failed"),
        ({"copy_state": CopyState.PENDING}, "capture_copy_not_failed"),
    ],
)
def test_only_a_failed_copy_of_an_unsigned_file_is_retried(
    client: Client, clerk: User, queue: DummyBackend, fields: dict[str, Any], code: str
) -> None:
    job = _job(clerk, **fields)
    response = client.post(f"{JOBS}/{job.pk}/retry-copy")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == code and body["message"] and set(body) == {"code", "message", "fields"}
    job.refresh_from_db()
    assert job.copy_state == fields["copy_state"] and queue.results == []


def test_the_retry_is_for_clerks_of_the_agency(
    clerk: User, agency: Agency, queue: DummyBackend
) -> None:
    job = _job(clerk, copy_state=CopyState.FAILED, copy_failure_code="capture_copy_failed")
    outsider = Client()
    outsider.force_login(make_user(agency=make_agency(), roles=[Role.CLERK]))
    assert outsider.post(f"{JOBS}/{job.pk}/retry-copy").status_code == 404
    assert outsider.get(f"{JOBS}/{job.pk}").status_code == 404
    specialist = Client()
    specialist.force_login(make_user(agency=agency, roles=[Role.SPECIALIST]))
    response = specialist.post(f"{JOBS}/{job.pk}/retry-copy")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert Client().post(f"{JOBS}/{job.pk}/retry-copy").status_code == 401
    assert (
        Client().post(f"{JOBS}/999999/retry-copy").status_code == 401
    )  # no probing without a login
    job.refresh_from_db()
    assert job.copy_state == CopyState.FAILED and queue.results == []
