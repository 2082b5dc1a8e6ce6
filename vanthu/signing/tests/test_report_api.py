"""API and badge of validation reports: a document's files, checking an upload, the partial."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client

from vanthu.accounts.enums import Clearance
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.signing.enums import ReportStatus
from vanthu.signing.models import SignatureReport
from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.test_report_store import document_with, trust_root_add
from vanthu.signing.tests.verify_pdfs import sign, tamper_header

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def signed_pdf(test_pki: TestPKI, pki_services: Services, plain_pdf: bytes) -> bytes:
    return sign(plain_pdf, test_pki.signer)


class TestDocumentSignatures:
    def test_each_pdf_of_the_document_gets_its_report(
        self, client: Client, test_pki: TestPKI, signed_pdf: bytes, plain_pdf: bytes
    ) -> None:
        agency = make_agency()
        trust_root_add(test_pki.root.cert_der, agency=agency)
        document = document_with(agency, {"ky-so.pdf": signed_pdf, "ban-quet.pdf": plain_pdf})
        client.force_login(make_user(agency=agency))

        response = client.get(f"/api/v1/documents/{document.pk}/signatures")

        assert response.status_code == 200
        body = response.json()
        assert body["document_id"] == document.pk
        reports = {item["filename"]: item["report"] for item in body["items"]}
        assert reports["ky-so.pdf"]["status"] == "valid"
        assert reports["ky-so.pdf"]["status_label"] == "Hợp lệ"
        assert reports["ky-so.pdf"]["signatures"][0]["signer_cn"] == "Nguyễn Văn A"
        assert reports["ban-quet.pdf"]["status"] == "unsigned"
        assert SignatureReport.objects.filter(document=document).count() == 2

    def test_a_stored_report_is_answered_without_validating_again(
        self, client: Client, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        document = document_with(agency, {"a.pdf": signed_pdf})
        client.force_login(make_user(agency=agency))
        client.get(f"/api/v1/documents/{document.pk}/signatures")

        response = client.get(f"/api/v1/documents/{document.pk}/signatures")

        assert response.status_code == 200
        assert AuditEvent.objects.filter(action="signing.report_stored").count() == 1

    @pytest.mark.parametrize("who", ["other_agency", "no_clearance"])
    def test_who_may_not_see_the_document_gets_404(
        self, client: Client, signed_pdf: bytes, who: str
    ) -> None:
        agency = make_agency()
        document = document_with(
            agency, {"a.pdf": signed_pdf}, confidentiality=Clearance.CONFIDENTIAL
        )
        user = (
            make_user(agency=make_agency(), clearance=Clearance.CONFIDENTIAL)
            if who == "other_agency"
            else make_user(agency=agency, clearance=Clearance.NONE)
        )
        client.force_login(user)

        response = client.get(f"/api/v1/documents/{document.pk}/signatures")

        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        assert not SignatureReport.objects.exists()

    def test_an_unknown_document_is_404_and_anonymous_is_401(self, client: Client) -> None:
        assert client.get("/api/v1/documents/999999/signatures").status_code == 401
        client.force_login(make_user())
        assert client.get("/api/v1/documents/999999/signatures").status_code == 404


class TestVerifyUpload:
    def test_an_uploaded_file_is_checked_and_nothing_is_stored(
        self, client: Client, test_pki: TestPKI, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        trust_root_add(test_pki.root.cert_der)
        client.force_login(make_user(agency=agency))

        valid = client.post("/api/v1/signatures/verify", {"file": _upload(signed_pdf)})
        broken = client.post(
            "/api/v1/signatures/verify", {"file": _upload(tamper_header(signed_pdf))}
        )

        assert valid.status_code == broken.status_code == 200
        assert valid.json()["status"] == "valid"
        assert valid.json()["checked_at"] is None
        assert broken.json()["status"] == "invalid"
        assert "thay đổi" in broken.json()["summary"]
        assert not SignatureReport.objects.exists()

    def test_not_a_pdf_is_unreadable_with_a_vietnamese_message(self, client: Client) -> None:
        client.force_login(make_user())

        response = client.post(
            "/api/v1/signatures/verify", {"file": _upload(b"hello", name="a.txt")}
        )

        assert response.status_code == 200
        assert response.json()["status"] == "unreadable"
        assert response.json()["summary"] == "Tệp không phải là tệp PDF."

    def test_too_large_is_413(self, client: Client, settings: object) -> None:
        setattr(settings, "VANTHU_MAX_UPLOAD_BYTES", 10)  # noqa: B010 - pytest-django settings
        client.force_login(make_user())

        response = client.post("/api/v1/signatures/verify", {"file": _upload(b"%PDF-" + b"x" * 20)})

        assert response.status_code == 413
        assert response.json()["code"] == "upload_too_large"


def _upload(content: bytes, name: str = "van-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class TestBadge:
    def test_the_badge_shows_the_status_and_the_details_one_click_away(
        self, client: Client, test_pki: TestPKI, signed_pdf: bytes
    ) -> None:
        agency = make_agency()
        document = document_with(agency, {"a.pdf": tamper_header(signed_pdf)})
        client.force_login(make_user(agency=agency))
        client.get(f"/api/v1/documents/{document.pk}/signatures")
        report = SignatureReport.objects.get(document=document)

        html = render_to_string("signing/_badge.html", {"report": report, "filename": "a.pdf"})

        assert report.status == ReportStatus.INVALID
        assert "Không hợp lệ" in html
        assert "<details" in html and "<summary>" in html
        assert "Nguyễn Văn A" in html
        assert "Đã bị thay đổi" in html

    def test_a_file_not_checked_yet(self) -> None:
        html = render_to_string("signing/_badge.html", {"report": None})

        assert "Chưa kiểm tra chữ ký" in html

    def test_the_tag_lists_the_pdfs_with_their_latest_report(
        self, client: Client, signed_pdf: bytes, plain_pdf: bytes
    ) -> None:
        agency = make_agency()
        user = make_user(agency=agency)
        document = document_with(agency, {"a.pdf": signed_pdf, "b.pdf": plain_pdf})
        client.force_login(user)
        client.get(f"/api/v1/documents/{document.pk}/signatures")
        template = Template(
            "{% load signing_badges %}{% signature_reports document user as items %}"
            "{% for item in items %}{% include 'signing/_badge.html' with "
            "report=item.report filename=item.attachment.filename %}{% endfor %}"
        )

        html = template.render(Context({"document": document, "user": user}))

        assert "a.pdf" in html and "b.pdf" in html
        assert "Không có chữ ký số" in html
