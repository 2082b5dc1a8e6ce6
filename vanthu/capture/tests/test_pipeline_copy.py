"""The PDF/A copy is its own step: text_ready and extraction never wait for it or fail with it."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django_tasks.backends.dummy import DummyBackend
from pypdf import PdfReader

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.capture import ocr
from vanthu.capture.enums import CaptureState, CopyState
from vanthu.capture.errors import CopyNotFailedError
from vanthu.capture.models import CaptureJob
from vanthu.capture.pdfa import capture_copy_make, capture_copy_retry
from vanthu.capture.pipeline import capture_process
from vanthu.capture.services import capture_confirm, capture_receive
from vanthu.capture.tasks import COPY_PRIORITY
from vanthu.capture.tests.conftest import DATA
from vanthu.core.errors import NotFoundError
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Attachment, Document, DocumentType

pytestmark = [pytest.mark.django_db]
OnCommit = Callable[..., Any]


def _scan_job(clerk: User, queue: DummyBackend, on_commit: OnCommit) -> CaptureJob:
    png = (DATA / "ke-hoach-scan.png").read_bytes()
    with on_commit(execute=True):
        job = capture_receive(actor=clerk, fileobj=io.BytesIO(png), filename="scan.png")
    with on_commit(execute=True):
        return capture_process(job_id=job.pk)


def _read(job: CaptureJob, field: str) -> bytes:
    with blob_open(getattr(job, field)) as stream:
        return stream.read()


def test_a_scan_is_extracted_before_its_copy_which_is_queued_with_lower_priority(
    clerk: User, agency: Agency, queue: DummyBackend, django_capture_on_commit_callbacks: OnCommit
) -> None:
    job = _scan_job(clerk, queue, django_capture_on_commit_callbacks)
    assert job.state == CaptureState.EXTRACTED, job.failure_reason
    assert job.copy_state == CopyState.PENDING and job.searchable_pdf is None
    assert "KẾ HOẠCH" in _read(job, "text_blob").decode()
    assert job.proposals["code_notation"]["value"] == "KH-LĐTBXH"
    queued = [(r.task.name, r.args, r.task.priority) for r in queue.results]
    assert queued == [
        ("process_capture", [job.pk], 0),
        ("make_capture_copy", [job.pk], COPY_PRIORITY),
    ]
    assert COPY_PRIORITY < 0
    # The clerk registers the document before the copy exists: it is attached when it comes.
    document = Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code="22"),
        issued_date=dt.date(2024, 3, 1),
        organ_name="Sở Lao động - Thương binh và Xã hội",
        subject="kế hoạch",
    )
    capture_confirm(actor=clerk, job_id=job.pk, values={}, document=document)
    roles = set(Attachment.objects.filter(document=document).values_list("role", flat=True))
    assert roles == {"original", "ocr"}
    job = capture_copy_make(job_id=job.pk)
    assert job.state == CaptureState.REGISTERED
    assert job.copy_state == CopyState.READY and job.searchable_pdf is not None
    copy_bytes = _read(job, "searchable_pdf")
    assert "KẾ HOẠCH" in PdfReader(io.BytesIO(copy_bytes)).pages[0].extract_text()
    assert re.search(rb"pdfaid:part(>|=.)2", copy_bytes)
    pdfa = Attachment.objects.get(document=document, role="pdfa")
    assert pdfa.blob_id == job.searchable_pdf_id
    assert pdfa.derived_from is not None and pdfa.derived_from.role == "original"
    again = capture_copy_make(job_id=job.pk)  # a second run of the task changes nothing
    assert again.searchable_pdf_id == job.searchable_pdf_id
    assert Attachment.objects.filter(document=document, role="pdfa").count() == 1
    assert (
        AuditEvent.objects.filter(target_id=str(job.pk), action="capture.copy_ready").count() == 1
    )


def test_a_failed_copy_keeps_the_text_and_the_proposals(
    clerk: User,
    queue: DummyBackend,
    django_capture_on_commit_callbacks: OnCommit,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = _scan_job(clerk, queue, django_capture_on_commit_callbacks)
    monkeypatch.setattr(ocr, "OCR_TIMEOUT_S", 0.01)  # OCRmyPDF cannot finish: a real timeout
    job = capture_copy_make(job_id=job.pk)
    assert job.copy_state == CopyState.FAILED and job.searchable_pdf is None
    job.refresh_from_db()
    assert job.state == CaptureState.EXTRACTED and job.failure_code == ""
    assert "KẾ HOẠCH" in _read(job, "text_blob").decode()
    event = AuditEvent.objects.get(target_id=str(job.pk), action="capture.copy_failed")
    assert event.data["code"] == "capture_ocr_failed"
    assert job.copy_failure_code == "capture_ocr_failed"
    assert job.copy_failure_reason == "Nhận dạng ký tự (OCR) không thành công."
    outsider = make_user(agency=make_agency(), roles=[Role.CLERK])
    with pytest.raises(NotFoundError):
        capture_copy_retry(actor=outsider, job_id=job.pk)
    with django_capture_on_commit_callbacks(execute=True):
        job = capture_copy_retry(actor=clerk, job_id=job.pk)
    assert job.copy_state == CopyState.PENDING and job.state == CaptureState.EXTRACTED
    assert job.copy_failure_code == "" and job.copy_failure_reason == ""
    assert queue.results[-1].task.name == "make_capture_copy"
    assert queue.results[-1].args == [job.pk]
    with pytest.raises(CopyNotFailedError):
        capture_copy_retry(actor=clerk, job_id=job.pk)  # only a failed copy is queued again


def test_no_copy_is_queued_for_text_files(
    clerk: User, queue: DummyBackend, django_capture_on_commit_callbacks: OnCommit
) -> None:
    data = (DATA / "cong-van.pdf").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        job = capture_receive(actor=clerk, fileobj=io.BytesIO(data), filename="cv.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        job = capture_process(job_id=job.pk)
    assert job.state == CaptureState.EXTRACTED and job.copy_state == CopyState.NONE
    assert [r.task.name for r in queue.results] == ["process_capture"]
    assert capture_copy_make(job_id=job.pk).searchable_pdf is None
