"""Registration from a captured file: upload, follow the job, pre-filled values, the link."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.audit.models import AuditEvent
from vanthu.capture.enums import CaptureState
from vanthu.capture.models import CaptureCorrection, CaptureJob
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, DocumentType
from vanthu.incoming.capture_link import capture_values, form_prefill
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office, data
from vanthu.incoming.tests.ui_helpers import form_body, pdf_bytes

DATA = Path(__file__).resolve().parents[2] / "capture" / "tests" / "data"
UPLOAD = "/van-ban-den/dang-ky/nhan-dang/"
REGISTER = "/van-ban-den/dang-ky/"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CORRUPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF broken"
Callbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def _docx() -> SimpleUploadedFile:
    content = (DATA / "quyet-dinh.docx").read_bytes()
    return SimpleUploadedFile("quyet-dinh.docx", content, content_type=DOCX_TYPE)


def _upload(client: Client, callbacks: Callbacks, file: SimpleUploadedFile) -> dict[str, Any]:
    """Upload ``file``, run the queued pipeline (after commit) and return the job's state."""
    with callbacks(execute=True):
        response = client.post(UPLOAD, {"file": file})
    assert response.status_code == 201, response.content
    assert response.json()["busy"]  # the test transaction has not committed yet
    body: dict[str, Any] = client.get(response.json()["status_url"]).json()
    return body


@pytest.fixture
def extracted(client: Client, office: Office, django_capture_on_commit_callbacks: Callbacks) -> Any:
    client.force_login(office.clerk)
    body = _upload(client, django_capture_on_commit_callbacks, _docx())
    return body


class TestUploadAndFollow:
    def test_a_docx_is_extracted_and_its_values_fit_the_form(
        self, client: Client, extracted: dict[str, Any]
    ) -> None:
        assert extracted["state"] == CaptureState.EXTRACTED
        assert not extracted["busy"]
        fields = extracted["fields"]
        assert fields["code_number"]["value"] == "202"
        assert fields["code_notation"]["value"] == "QĐ-UBND"
        assert fields["issued_date"]["value"] == "07/05/2025"
        assert fields["urgency"]["value"] == "urgent"
        assert fields["confidentiality"]["value"] == "0"
        decision = DocumentType.objects.get(name__iexact="Quyết định")
        assert fields["type_code"]["value"] == decision.code
        assert 0 <= fields["subject"]["percent"] <= 100
        status = client.get(extracted["status_url"])
        assert status.status_code == 200
        assert status.json()["fields"] == fields

    def test_a_broken_file_fails_with_the_reason_and_can_be_retried(
        self, client: Client, office: Office, django_capture_on_commit_callbacks: Callbacks
    ) -> None:
        client.force_login(office.clerk)
        broken = SimpleUploadedFile("hong.pdf", CORRUPT_PDF, content_type="application/pdf")
        body = _upload(client, django_capture_on_commit_callbacks, broken)
        assert body["failed"] and body["state"] == CaptureState.FAILED
        assert body["failure_reason"] and body["failure_reason"] in body["message"]
        assert body["fields"] == {}
        with django_capture_on_commit_callbacks(execute=True):
            again = client.post(body["retry_url"])
        assert again.status_code == 200
        assert again.json()["busy"]
        assert client.get(body["status_url"]).json()["failed"]
        assert CaptureJob.objects.get(pk=body["id"]).attempts == 2

    def test_retrying_a_job_that_did_not_fail_is_refused(
        self, client: Client, extracted: dict[str, Any]
    ) -> None:
        response = client.post(extracted["retry_url"])
        assert response.status_code == 409
        assert response.json()["code"] == "capture_bad_state"

    def test_no_file_is_a_clear_refusal(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        response = client.post(UPLOAD, {})
        assert response.status_code == 400
        assert set(response.json()) == {"code", "message", "fields"}
        assert "file" in response.json()["fields"]

    def test_only_clerks_upload(self, client: Client, office: Office) -> None:
        client.force_login(office.specialist_a)
        response = client.post(UPLOAD, {"file": _docx()})
        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"
        assert not CaptureJob.objects.exists()

    def test_another_agencys_job_is_not_found(
        self, client: Client, extracted: dict[str, Any], other_office: Office
    ) -> None:
        client.force_login(other_office.clerk)
        response = client.get(extracted["status_url"])
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    def test_anonymous_is_sent_to_login(self, client: Client, office: Office) -> None:
        assert client.get(f"{UPLOAD}1/").status_code == 302

    def test_the_page_has_the_capture_block(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        html = client.get(REGISTER).content.decode()
        assert "data-capture hidden" in html
        assert 'name="capture_job"' in html
        assert "incoming/capture.js" in html


def _confirm_body(extracted: dict[str, Any], **changes: str) -> dict[str, str]:
    values = {name: proposal["value"] for name, proposal in extracted["fields"].items()}
    return form_body(**{**values, "capture_job": str(extracted["id"]), **changes})


class TestRegisterFromCapture:
    def test_the_registration_links_the_job_its_files_and_the_corrections(
        self, client: Client, extracted: dict[str, Any]
    ) -> None:
        corrected = "Trương Thị Thu Yến (đã sửa)"
        response = client.post(REGISTER, _confirm_body(extracted, signer_full_name=corrected))
        assert response.status_code == 302, response.content.decode()[:2000]
        incoming = IncomingRecord.objects.get()
        job = CaptureJob.objects.get(pk=extracted["id"])
        assert job.state == CaptureState.REGISTERED
        assert job.document_id == incoming.document_id
        roles = set(
            Attachment.objects.filter(document=incoming.document).values_list("role", flat=True)
        )
        assert {AttachmentRole.ORIGINAL, AttachmentRole.OCR} <= roles
        answers = {a.field: a for a in CaptureCorrection.objects.filter(job=job)}
        assert not answers["signer_full_name"].is_correct
        assert answers["signer_full_name"].confirmed == corrected
        assert answers["code_number"].is_correct and answers["issued_date"].is_correct
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {"incoming.registered", "capture.confirmed"} <= actions

    def test_a_job_not_yet_extracted_is_refused_and_no_number_is_used(
        self, client: Client, office: Office, extracted: dict[str, Any]
    ) -> None:
        CaptureJob.objects.filter(pk=extracted["id"]).update(state=CaptureState.TEXT_READY)
        response = client.post(REGISTER, _confirm_body(extracted))
        assert response.status_code == 400
        assert "trạng thái hiện tại" in response.content.decode()
        assert not IncomingRecord.objects.exists()
        assert f'name="capture_job" value="{extracted["id"]}"' in response.content.decode()

    def test_another_agencys_job_cannot_be_linked(
        self,
        client: Client,
        extracted: dict[str, Any],
        other_office: Office,
    ) -> None:
        client.force_login(other_office.clerk)
        response = client.post(REGISTER, _confirm_body(extracted))
        assert response.status_code == 400
        assert not IncomingRecord.objects.exists()
        assert CaptureJob.objects.get(pk=extracted["id"]).state == CaptureState.EXTRACTED

    def test_a_job_is_registered_once(self, client: Client, extracted: dict[str, Any]) -> None:
        assert client.post(REGISTER, _confirm_body(extracted)).status_code == 302
        again = client.post(REGISTER, _confirm_body(extracted, code_number="203"))
        assert again.status_code == 400
        assert IncomingRecord.objects.count() == 1

    def test_a_scan_beside_a_captured_file_is_refused(
        self, client: Client, extracted: dict[str, Any]
    ) -> None:
        scan = SimpleUploadedFile("quet.pdf", pdf_bytes(), content_type="application/pdf")
        response = client.post(REGISTER, {**_confirm_body(extracted), "scan": scan})
        assert response.status_code == 400
        assert "bỏ chọn tệp này" in response.content.decode()
        assert not IncomingRecord.objects.exists()


class TestMapping:
    def test_proposals_become_form_values_with_confidence(self, office: Office) -> None:
        proposals = {
            "type_name": {"value": "KẾ HOẠCH", "confidence": 0.95},
            "issued_date": {"value": "2024-10-18", "confidence": 0.9},
            "confidentiality": {"value": "secret", "confidence": 0.5},
            "recipients": {"value": ["Các xã", "UBND tỉnh (để b/c)"], "confidence": 0.7},
            "place": {"value": "Châu Thành", "confidence": 0.9},
            "subject": {"value": None, "confidence": 0.0},
        }
        found = form_prefill(proposals, types=DocumentType.objects.all())
        plan = DocumentType.objects.get(name__iexact="Kế hoạch")
        assert found["type_code"].value == plan.code
        assert found["issued_date"].value == "18/10/2024"
        assert found["confidentiality"].as_dict() == {
            "value": "2",
            "confidence": 0.5,
            "percent": 50,
            "low": True,
        }
        assert found["to_places"].value == "Các xã; UBND tỉnh (để b/c)"
        assert not found["type_code"].as_dict()["low"]
        assert set(found) == {"type_code", "issued_date", "confidentiality", "to_places"}

    def test_registered_values_in_capture_terms(self, office: Office) -> None:
        values = capture_values(data(to_places="Các xã;  ; UBND tỉnh", confidentiality=1))
        assert values["type_name"] == DocumentType.objects.get(code="10").name
        assert values["issued_date"] == "2020-04-23"
        assert values["confidentiality"] == "confidential"
        assert values["recipients"] == ["Các xã", "UBND tỉnh"]
        assert values["code_notation"] == "KH-SNV"
