"""The PDF/A copy of a captured record on its page: the state line and the clerk's retry."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client

from vanthu.audit.models import AuditEvent
from vanthu.capture.enums import CaptureState, CopyState
from vanthu.capture.models import CaptureJob
from vanthu.documents.models import Blob
from vanthu.incoming.capture_link import capture_job_for_record
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
_serial = itertools.count(1)
REASON = "Tệp PDF bị hỏng, không đọc được trang 2."


def _blob() -> Blob:
    digest = hashlib.sha256(f"copy-state-{next(_serial)}".encode()).hexdigest()
    return Blob.objects.create(
        sha256=digest, size=10, media_type="application/pdf", storage_key=f"blobs/{digest}"
    )


def _captured(office: Office, copy_state: str, **fields: Any) -> tuple[IncomingRecord, CaptureJob]:
    """Register a record and link it to a registered capture job whose copy is ``copy_state``."""
    incoming = office.register()
    job = CaptureJob.objects.create(
        agency=office.agency,
        created_by=office.clerk,
        original=_blob(),
        filename="ban-quet.pdf",
        media_type="application/pdf",
        state=CaptureState.REGISTERED,
        copy_state=copy_state,
        document=incoming.document,
        **fields,
    )
    return incoming, job


def _page(client: Client, incoming: IncomingRecord) -> str:
    response = client.get(f"/van-ban-den/{incoming.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _retry_url(incoming: IncomingRecord) -> str:
    return f"/van-ban-den/{incoming.pk}/ban-pdfa/thu-lai/"


class TestStateLine:
    @pytest.mark.parametrize(
        ("state", "text"),
        [
            (CopyState.PENDING, "đang tạo"),
            (CopyState.READY, "đã tạo"),
            (CopyState.SIGNED, "không tạo (văn bản đã ký số)"),
        ],
    )
    def test_each_state_has_its_line(
        self, client: Client, office: Office, state: str, text: str
    ) -> None:
        incoming, _job = _captured(office, state)
        client.force_login(office.clerk)
        page = _page(client, incoming)
        assert "Bản PDF/A có thể tìm kiếm:" in page
        assert f"<span data-copy-text>{text}</span>" in page
        assert f'data-copy-state="{state}"' in page
        assert _retry_url(incoming) not in page

    def test_a_failed_copy_shows_its_reason_and_the_clerks_retry(
        self, client: Client, office: Office
    ) -> None:
        incoming, _job = _captured(
            office,
            CopyState.FAILED,
            copy_failure_code="capture_copy_failed",
            copy_failure_reason=REASON,
        )
        client.force_login(office.clerk)
        page = _page(client, incoming)
        assert f"<span data-copy-text>lỗi: {REASON}</span>" in page
        assert f'action="{_retry_url(incoming)}"' in page
        assert "Thử lại" in page

    def test_the_leader_sees_the_line_but_no_retry(self, client: Client, office: Office) -> None:
        incoming, _job = _captured(office, CopyState.FAILED, copy_failure_reason=REASON)
        client.force_login(office.leader)
        page = _page(client, incoming)
        assert f"lỗi: {REASON}" in page
        assert _retry_url(incoming) not in page

    def test_a_typed_in_record_or_a_docx_without_copy_has_no_line(
        self, client: Client, office: Office
    ) -> None:
        typed = office.register()
        docx, _job = _captured(office, CopyState.NONE)
        client.force_login(office.clerk)
        assert "data-copy-state" not in _page(client, typed)
        assert "data-copy-state" not in _page(client, docx)

    def test_the_link_is_the_registered_document_within_the_agency(
        self, office: Office, other_office: Office
    ) -> None:
        incoming, job = _captured(office, CopyState.READY)
        assert capture_job_for_record(actor=office.clerk, incoming=incoming) == job
        assert capture_job_for_record(actor=other_office.clerk, incoming=incoming) is None
        assert capture_job_for_record(actor=office.clerk, incoming=office.register()) is None


class TestRetry:
    def test_the_clerk_requeues_a_failed_copy(
        self, client: Client, office: Office, django_capture_on_commit_callbacks: Callbacks
    ) -> None:
        incoming, job = _captured(
            office,
            CopyState.FAILED,
            copy_failure_code="capture_copy_failed",
            copy_failure_reason=REASON,
        )
        client.force_login(office.clerk)
        with django_capture_on_commit_callbacks() as queued:
            response = client.post(_retry_url(incoming))
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-den/{incoming.pk}/"
        assert queued, "the copy task is queued after commit"
        job.refresh_from_db()
        assert job.copy_state == CopyState.PENDING
        assert (job.copy_failure_code, job.copy_failure_reason) == ("", "")
        assert job.state == CaptureState.REGISTERED
        event = AuditEvent.objects.get(action="capture.copy_retry")
        assert event.actor_id == office.clerk.pk
        page = client.get(response["Location"]).content.decode()
        assert "Đã đưa bản PDF/A vào hàng chờ tạo lại." in page
        assert "<span data-copy-text>đang tạo</span>" in page
        assert _retry_url(incoming) not in page

    @pytest.mark.parametrize("state", [CopyState.READY, CopyState.SIGNED, CopyState.PENDING])
    def test_a_copy_that_did_not_fail_is_refused_as_a_message(
        self, client: Client, office: Office, state: str
    ) -> None:
        incoming, job = _captured(office, state)
        client.force_login(office.clerk)
        response = client.post(_retry_url(incoming), follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "message-error" in page
        assert ("chữ ký số" if state == CopyState.SIGNED else "lần tạo trước bị lỗi") in page
        job.refresh_from_db()
        assert job.copy_state == state
        assert not AuditEvent.objects.filter(action="capture.copy_retry").exists()

    def test_another_agencys_record_is_not_found(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        incoming, job = _captured(office, CopyState.FAILED, copy_failure_reason=REASON)
        client.force_login(other_office.clerk)
        assert client.get(f"/van-ban-den/{incoming.pk}/").status_code == 404
        assert client.post(_retry_url(incoming)).status_code == 404
        job.refresh_from_db()
        assert job.copy_state == CopyState.FAILED

    def test_a_record_without_a_capture_job_is_not_found(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        assert client.post(_retry_url(office.register())).status_code == 404

    def test_a_specialist_is_refused(self, client: Client, office: Office) -> None:
        incoming, job = _captured(office, CopyState.FAILED, copy_failure_reason=REASON)
        client.force_login(office.specialist_a)
        assert client.post(_retry_url(incoming)).status_code == 403
        job.refresh_from_db()
        assert job.copy_state == CopyState.FAILED
        assert not AuditEvent.objects.filter(action="capture.copy_retry").exists()

    def test_only_post_and_only_logged_in(self, client: Client, office: Office) -> None:
        incoming, _job = _captured(office, CopyState.FAILED, copy_failure_reason=REASON)
        assert client.post(_retry_url(incoming)).status_code == 302
        client.force_login(office.clerk)
        assert client.get(_retry_url(incoming)).status_code == 405
