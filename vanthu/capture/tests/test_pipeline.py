"""The capture pipeline: states, derived blobs, failures with retry, confirmation and accuracy."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.capture.enums import CaptureState, CopyState
from vanthu.capture.errors import CaptureStateError
from vanthu.capture.models import CaptureCorrection, CaptureJob
from vanthu.capture.pipeline import capture_process
from vanthu.capture.selectors import capture_accuracy_for, capture_job_get_for
from vanthu.capture.services import capture_confirm, capture_receive, capture_retry
from vanthu.capture.tests.conftest import CORRUPT_PDF, DATA
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Attachment, Document, DocumentType

pytestmark = [pytest.mark.django_db]
OnCommit = Callable[..., Any]


def _receive(clerk: User, data: bytes, name: str, on_commit: OnCommit) -> CaptureJob:
    with on_commit(execute=True):
        job = capture_receive(actor=clerk, fileobj=io.BytesIO(data), filename=name)
    job.refresh_from_db()
    return job


def _blob_bytes(job: CaptureJob, field: str) -> bytes:
    with blob_open(getattr(job, field)) as stream:
        return stream.read()


def test_a_born_digital_pdf_goes_to_extracted_with_a_text_blob(
    clerk: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    data = (DATA / "cong-van.pdf").read_bytes()
    job = _receive(clerk, data, "cong-van.pdf", django_capture_on_commit_callbacks)
    assert job.state == CaptureState.EXTRACTED
    assert job.text_source == "text_layer" and job.searchable_pdf is None
    assert "Ủy ban nhân dân các huyện" in _blob_bytes(job, "text_blob").decode()
    assert _blob_bytes(job, "original") == data
    assert job.proposals["code_number"]["value"] == "336"
    actions = list(
        AuditEvent.objects.filter(target_id=str(job.pk)).values_list("action", flat=True)
    )
    assert {"capture.received", "capture.text_ready", "capture.extracted"} <= set(actions)
    again = capture_process(job_id=job.pk)  # a second run changes nothing
    assert again.state == CaptureState.EXTRACTED and again.attempts == 1


def _signed_scan(tmp_path: Path) -> bytes:
    scan = tmp_path / "scan.pdf"
    Image.open(DATA / "ke-hoach-scan.png").convert("L").save(scan, resolution=200)
    writer = PdfWriter(clone_from=str(scan))
    signature = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Sig"),
            NameObject("/ByteRange"): ArrayObject([NumberObject(n) for n in (0, 10, 20, 30)]),
        }
    )
    writer._root_object[NameObject("/VanThuTestSignature")] = signature
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_scan_gets_ocr_and_a_pdfa_copy_but_a_signed_one_is_never_rewritten(
    clerk: User, django_capture_on_commit_callbacks: OnCommit, tmp_path: Path
) -> None:
    png = (DATA / "ke-hoach-scan.png").read_bytes()
    job = _receive(clerk, png, "scan.png", django_capture_on_commit_callbacks)
    assert job.state == CaptureState.EXTRACTED, job.failure_reason
    assert job.text_source == "ocr" and job.searchable_pdf is not None
    copy_bytes = _blob_bytes(job, "searchable_pdf")
    assert "KẾ HOẠCH" in PdfReader(io.BytesIO(copy_bytes)).pages[0].extract_text()
    assert re.search(rb"pdfaid:part(>|=.)2", copy_bytes)  # PDF/A-2 (b) declared in the XMP
    assert job.proposals["code_notation"]["value"] == "KH-LĐTBXH"
    signed = _receive(
        clerk, _signed_scan(tmp_path), "signed.pdf", django_capture_on_commit_callbacks
    )
    assert signed.state == CaptureState.EXTRACTED, signed.failure_reason
    assert signed.is_signed and signed.searchable_pdf is None
    assert signed.copy_state == CopyState.SIGNED and job.copy_state == CopyState.READY
    assert "KẾ HOẠCH" in _blob_bytes(signed, "text_blob").decode()


def test_a_corrupt_file_fails_visibly_keeps_its_original_and_can_be_retried(
    clerk: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    job = _receive(clerk, CORRUPT_PDF, "hong.pdf", django_capture_on_commit_callbacks)
    assert job.state == CaptureState.FAILED
    assert job.failure_code == "capture_corrupt" and "bị hỏng" in job.failure_reason
    assert _blob_bytes(job, "original") == CORRUPT_PDF
    with django_capture_on_commit_callbacks(execute=True):
        capture_retry(actor=clerk, job_id=job.pk)
    job.refresh_from_db()
    assert job.state == CaptureState.FAILED and job.attempts == 2


def test_confirmation_keeps_the_corrections_and_measures_accuracy(
    clerk: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    data = (DATA / "quyet-dinh.docx").read_bytes()
    job = _receive(clerk, data, "qd.docx", django_capture_on_commit_callbacks)
    values = {
        "code_number": "202",
        "code_notation": "QĐ-UBND",
        "subject": "Về việc khác hẳn",
        "recipients": ["Văn phòng UBND tỉnh"],
    }
    job = capture_confirm(actor=clerk, job_id=job.pk, values=values)
    assert job.state == CaptureState.REGISTERED
    answers = {a.field: a.is_correct for a in CaptureCorrection.objects.filter(job=job)}
    assert answers == {
        "code_number": True,
        "code_notation": True,
        "subject": False,
        "recipients": True,
    }
    accuracy = capture_accuracy_for(actor=clerk)
    assert accuracy["subject"] == {"total": 1, "correct": 0, "accuracy": 0.0}
    assert accuracy["code_number"]["accuracy"] == 1.0
    with pytest.raises(CaptureStateError):
        capture_confirm(actor=clerk, job_id=job.pk, values=values)


def test_confirmation_attaches_the_original_its_copy_and_its_text(
    clerk: User, agency: Agency, django_capture_on_commit_callbacks: OnCommit
) -> None:
    data = (DATA / "cong-van.pdf").read_bytes()
    job = _receive(clerk, data, "cv.pdf", django_capture_on_commit_callbacks)
    document = Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code="22"),
        issued_date=dt.date(2022, 5, 13),
        organ_name="Ủy ban nhân dân tỉnh Kiên Giang",
        subject="đôn đốc thực hiện phòng cháy, chữa cháy",
    )
    capture_confirm(actor=clerk, job_id=job.pk, values={"code_number": "336"}, document=document)
    job.refresh_from_db()
    assert job.document == document
    roles = dict(Attachment.objects.filter(document=document).values_list("role", "blob_id"))
    assert roles == {"original": job.original_id, "ocr": job.text_blob_id}
    text = Attachment.objects.get(document=document, role="ocr")
    assert text.derived_from is not None and text.derived_from.role == "original"


def test_jobs_are_scoped_to_the_agency_and_writes_to_clerks(
    clerk: User, agency: Agency, django_capture_on_commit_callbacks: OnCommit
) -> None:
    job = _receive(clerk, CORRUPT_PDF, "hong.pdf", django_capture_on_commit_callbacks)
    outsider = make_user(agency=make_agency(), roles=[Role.CLERK])
    with pytest.raises(NotFoundError):
        capture_job_get_for(actor=outsider, job_id=job.pk)
    with pytest.raises(NotFoundError):
        capture_retry(actor=outsider, job_id=job.pk)
    colleague = make_user(agency=agency, roles=[Role.SPECIALIST])
    with pytest.raises(NotFoundError):
        capture_job_get_for(actor=colleague, job_id=job.pk)
    with pytest.raises(PermissionDeniedError):
        capture_receive(actor=colleague, fileobj=io.BytesIO(CORRUPT_PDF), filename="x.pdf")
    with pytest.raises(CaptureStateError):
        capture_confirm(actor=clerk, job_id=job.pk, values={})
