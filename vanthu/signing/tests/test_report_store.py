"""Stored validation reports: per file and trust store, refreshed in place, audited; the task."""

from __future__ import annotations

import hashlib
import io

import pytest

from vanthu.accounts.enums import Clearance
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.documents.blobs import blob_open
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Blob, Document, DocumentType
from vanthu.documents.uploads import blob_store_upload
from vanthu.signing.enums import ReportStatus
from vanthu.signing.models import SignatureReport, TrustRoot
from vanthu.signing.reports import latest_report, signature_report_refresh, trust_roots_for
from vanthu.signing.tasks import verify_blob
from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.verify_pdfs import sign, tamper_header

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def signed_pdf(test_pki: TestPKI, pki_services: Services, plain_pdf: bytes) -> bytes:
    return sign(plain_pdf, test_pki.signer)


def trust_root_add(der: bytes, *, agency: Agency | None = None, active: bool = True) -> TrustRoot:
    return TrustRoot.objects.create(
        agency=agency,
        name="Gốc thử nghiệm",
        certificate_der=der,
        subject="VănThư Root CA thử nghiệm",
        fingerprint_sha256=hashlib.sha256(der).hexdigest(),
        active=active,
    )


def document_with(agency: Agency, files: dict[str, bytes], *, confidentiality: int = 0) -> Document:
    """Create a document of ``agency`` with the files attached as originals."""
    document = Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code="22"),
        issued_date="2026-01-05",
        organ_name=agency.name,
        subject="Về việc thử nghiệm chữ ký số",
        subject_folded="ve viec thu nghiem chu ky so",
        confidentiality=confidentiality,
    )
    for name, content in files.items():
        blob = blob_store_upload(actor=None, fileobj=io.BytesIO(content), filename=name)
        Attachment.objects.create(
            document=document, blob=blob, role=AttachmentRole.ORIGINAL, filename=name
        )
    return document


def clerk_of(agency: Agency) -> User:
    return make_user(agency=agency, clearance=Clearance.CONFIDENTIAL)


class TestTrustStore:
    def test_the_agencys_roots_and_the_installations_roots_only(self, test_pki: TestPKI) -> None:
        mine, other = make_agency(), make_agency()
        trust_root_add(test_pki.root.cert_der)
        trust_root_add(test_pki.intermediate.cert_der, agency=mine)
        trust_root_add(test_pki.signer.cert_der, agency=other)
        trust_root_add(test_pki.tsa.cert_der, agency=mine, active=False)

        assert trust_roots_for(agency_id=mine.pk) == [
            test_pki.root.cert_der,
            test_pki.intermediate.cert_der,
        ]
        assert trust_roots_for(agency_id=None) == [test_pki.root.cert_der]


class TestReportRefresh:
    def test_a_signed_pdf_is_reported_valid_with_its_details_and_audited(
        self, test_pki: TestPKI, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        trust_root_add(test_pki.root.cert_der)
        document = document_with(agency, {"quyet-dinh.pdf": signed_pdf})
        sha256 = hashlib.sha256(signed_pdf).hexdigest()

        report = signature_report_refresh(
            actor=None, blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )

        assert report.status == ReportStatus.VALID
        assert report.document_id == document.pk
        assert report.details[0]["signer_cn"] == "Nguyễn Văn A"
        assert report.details[0]["coverage"] == "whole"
        assert len(report.trust_fingerprint) == 64
        event = AuditEvent.objects.get(action="signing.report_stored")
        assert event.target_id == str(report.pk)
        assert event.agency_id == agency.pk
        assert event.data["status"] == "valid"

    def test_refreshing_updates_the_same_report(self, test_pki: TestPKI, signed_pdf: bytes) -> None:
        agency = make_agency()
        document = document_with(agency, {"a.pdf": signed_pdf})
        sha256 = hashlib.sha256(signed_pdf).hexdigest()
        first = signature_report_refresh(
            actor=None, blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )

        second = signature_report_refresh(
            actor=None, blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )

        assert second.pk == first.pk
        assert second.checked_at >= first.checked_at
        assert SignatureReport.objects.count() == 1
        assert AuditEvent.objects.filter(action="signing.report_stored").count() == 2

    def test_a_new_trust_store_gives_a_new_report(
        self, test_pki: TestPKI, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        document = document_with(agency, {"a.pdf": signed_pdf})
        sha256 = hashlib.sha256(signed_pdf).hexdigest()
        untrusted = signature_report_refresh(
            actor=None, blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )
        trust_root_add(test_pki.root.cert_der, agency=agency)

        assert (
            latest_report(blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk) is None
        )
        trusted = signature_report_refresh(
            actor=None, blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )

        assert untrusted.status == ReportStatus.INVALID
        assert trusted.status == ReportStatus.VALID
        assert (
            latest_report(blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk)
            == trusted
        )

    def test_the_original_is_never_rewritten(self, test_pki: TestPKI, signed_pdf: bytes) -> None:
        agency = make_agency()
        tampered = tamper_header(signed_pdf)
        document = document_with(agency, {"a.pdf": tampered})
        attachment = Attachment.objects.select_related("blob").get(document=document)

        report = signature_report_refresh(
            actor=None,
            blob_sha256=attachment.blob.sha256,
            document_id=document.pk,
            agency_id=agency.pk,
        )

        assert report.status == ReportStatus.INVALID
        with blob_open(attachment.blob) as stream:
            assert stream.read() == tampered


class TestTask:
    def test_the_task_stores_the_report_of_a_blob(
        self, test_pki: TestPKI, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        trust_root_add(test_pki.root.cert_der, agency=agency)
        document = document_with(agency, {"a.pdf": signed_pdf})
        sha256 = hashlib.sha256(signed_pdf).hexdigest()

        result = verify_blob.enqueue(
            blob_sha256=sha256, document_id=document.pk, agency_id=agency.pk
        )

        assert result.return_value == "valid"
        assert SignatureReport.objects.get(blob_sha256=sha256).status == ReportStatus.VALID


def test_a_lost_file_is_reported_unreadable(signed_pdf: bytes) -> None:
    agency = make_agency()
    document = document_with(agency, {"a.pdf": signed_pdf})
    attachment = Attachment.objects.select_related("blob").get(document=document)
    Blob.objects.filter(pk=attachment.blob_id).update(storage_key="khong/con/nua")

    report = signature_report_refresh(
        actor=None,
        blob_sha256=attachment.blob.sha256,
        document_id=document.pk,
        agency_id=agency.pk,
    )

    assert report.status == ReportStatus.UNREADABLE
    assert report.summary == "Không tìm thấy nội dung tệp trong kho lưu trữ."
