"""The electronic copy (sao y điện tử) and the signature of attachments in separate files."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.pki import pki
from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment
from vanthu.outgoing.attachment_signing import AttachmentAlreadySignedError, attachment_sign
from vanthu.outgoing.copies import copy_make
from vanthu.outgoing.copy_signing import (
    COPY_FIELD,
    CopyAlreadySignedError,
    SourceFieldLockedError,
    copy_sign,
    source_pdf,
)
from vanthu.outgoing.drafting_io import blob_bytes, store_pdf
from vanthu.outgoing.enums import CopyForm
from vanthu.outgoing.issue import draft_issue
from vanthu.outgoing.models import CopyRecord, OutgoingRecord
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.tests.factories import Office, draft_approved
from vanthu.outgoing.tests.signing_setup import Keys, digital_draft, keys_register
from vanthu.signing.errors import CertificateExpiredError, WrongPinError
from vanthu.signing.models import Certificate
from vanthu.signing.providers import Pkcs12Provider
from vanthu.signing.sign import Appearance, FieldLock, pdf_sign
from vanthu.signing.testpki import PASSWORD, TestPKI
from vanthu.signing.tests.pdfs import nss_db, pdfsig, pyhanko_statuses, sample_pdf

__all__ = ["pki"]

pytestmark = pytest.mark.django_db

Word = tuple[float, float, float, str]
"""xMin, xMax, yMax (from the top, points) and text of a "word" (pdftotext) on page 1."""


@pytest.fixture
def keys(office: Office, pki: TestPKI) -> Keys:
    return keys_register(office, pki)


@pytest.fixture
def issued(office: Office, keys: Keys) -> OutgoingRecord:
    draft = draft_approved(office)
    return draft_issue(actor=office.clerk, draft_id=draft.pk)


@pytest.fixture
def copy(office: Office, issued: OutgoingRecord) -> CopyRecord:
    return copy_make(actor=office.clerk, record_id=issued.pk, form=CopyForm.TRUE_COPY)


@pytest.fixture
def appendix(office: Office, issued: OutgoingRecord) -> Attachment:
    blob = store_pdf(actor=office.clerk, data=sample_pdf(), filename="phu-luc.pdf")
    return Attachment.objects.create(
        document=issued.document, blob=blob, role=AttachmentRole.APPENDIX, filename="phu-luc.pdf"
    )


def page_one_words(pdf: bytes, tmp_path: Path) -> tuple[float, float, list[Word]]:
    """Return page 1's width, height and words from ``pdftotext -bbox-layout``."""
    path = tmp_path / "bbox.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert page is not None
    pattern = r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    words = [
        (float(x1), float(x2), float(y2), text) for x1, x2, y2, text in re.findall(pattern, html)
    ]
    return float(page.group(1)), float(page.group(2)), words


def top_right_words(pdf: bytes, tmp_path: Path) -> str:
    """Return the text of page 1's top right: ending at the right margin, in the top quarter."""
    width, height, words = page_one_words(pdf, tmp_path)
    return " ".join(
        text
        for x1, x2, y2, text in words
        if x1 > width * 0.4 and width - 50 < x2 < width - 40 and y2 < height / 4
    )


def assert_valid_and_trusted(pdf: bytes, pki: TestPKI, tmp_path: Path) -> None:
    statuses = pyhanko_statuses(pdf, pki.root.cert_der)
    assert statuses
    assert all(status.bottom_line for status in statuses)
    report = pdfsig(pdf, nss_db(tmp_path / "nss", pki.root_path), tmp_path)
    assert report.count("Signature is Valid") == len(statuses)
    assert report.count("Certificate is Trusted") == len(statuses)


def test_the_electronic_copy_carries_the_copy_block_signed_by_the_agency(
    office: Office, copy: CopyRecord, pki: TestPKI, tmp_path: Path
) -> None:
    """GIVEN a numbered copy WHEN the clerk signs it THEN its file is the source plus one
    valid, trusted signature showing 'SAO Y; <agency>; <time>' at the top right of page 1."""
    source = source_pdf(copy.source)

    signed = copy_sign(actor=office.clerk, copy_id=copy.pk, pin=PASSWORD)

    assert signed.signed_pdf is not None
    pdf = blob_bytes(signed.signed_pdf)
    assert pdf.startswith(source)  # incremental update only
    assert len(pdf) > len(source)
    assert_valid_and_trusted(pdf, pki, tmp_path)
    corner = top_right_words(pdf, tmp_path)
    assert "SAO Y;" in corner
    assert "Kiên Giang;" in corner
    assert "+07:00" in corner
    event = AuditEvent.objects.get(action="outgoing.copy_signed")
    assert event.data["text"].startswith(f"SAO Y; {office.agency.name}; ")
    with pytest.raises(CopyAlreadySignedError):
        copy_sign(actor=office.clerk, copy_id=copy.pk, pin=PASSWORD)


def _signed_source(
    office: Office, issued: OutgoingRecord, pki: TestPKI, *, fillable: tuple[str, ...]
) -> bytes:
    """Give ``issued`` a signed PDF whose signature locks every form field but ``fillable``."""
    plain = source_pdf(issued.document)
    signed = pdf_sign(
        pdf=plain,
        provider=Pkcs12Provider(pki.signer.p12),
        pin=pki.signer.password,
        appearance=Appearance("ChuKyNguoiKy"),
        lock=FieldLock(fillable=fillable),
    )
    Attachment.objects.create(
        document=issued.document,
        blob=store_pdf(actor=office.clerk, data=signed, filename="da-ky.pdf"),
        role=AttachmentRole.SIGNED,
        filename="da-ky.pdf",
    )
    return signed


def test_a_signed_source_that_leaves_the_copy_field_open_keeps_every_signature_valid(
    office: Office, issued: OutgoingRecord, copy: CopyRecord, pki: TestPKI, tmp_path: Path
) -> None:
    """The leader's FieldMDP-locked signature stays valid under the copy's signature."""
    source = _signed_source(office, issued, pki, fillable=("ChuKyCoQuan", COPY_FIELD))

    signed = copy_sign(actor=office.clerk, copy_id=copy.pk, pin=PASSWORD)

    assert signed.signed_pdf is not None
    pdf = blob_bytes(signed.signed_pdf)
    assert pdf.startswith(source)
    assert len(pyhanko_statuses(pdf, pki.root.cert_der)) == 2
    assert_valid_and_trusted(pdf, pki, tmp_path)


def test_a_signed_source_that_locks_the_copy_field_is_refused(
    office: Office, issued: OutgoingRecord, copy: CopyRecord, pki: TestPKI
) -> None:
    """Signing anyway would break the source's signature: refused, nothing stored."""
    _signed_source(office, issued, pki, fillable=("ChuKyCoQuan",))

    with pytest.raises(SourceFieldLockedError):
        copy_sign(actor=office.clerk, copy_id=copy.pk, pin=PASSWORD)

    assert CopyRecord.objects.get(pk=copy.pk).signed_pdf_id is None


def test_a_re_copy_says_sao_luc(office: Office, issued: OutgoingRecord, keys: Keys) -> None:
    made = copy_make(actor=office.clerk, record_id=issued.pk, form=CopyForm.RE_COPY)
    signed = copy_sign(actor=office.clerk, copy_id=made.pk, pin=PASSWORD)
    event = AuditEvent.objects.get(action="outgoing.copy_signed")
    assert event.data["text"].startswith("SAO LỤC; ")
    assert signed.signed_pdf is not None


def test_copy_refusals_store_nothing(
    office: Office, other_office: Office, copy: CopyRecord, keys: Keys
) -> None:
    with pytest.raises(PermissionDeniedError):
        copy_sign(actor=office.specialist, copy_id=copy.pk, pin=PASSWORD)
    with pytest.raises(NotFoundError):
        copy_sign(actor=other_office.clerk, copy_id=copy.pk, pin=PASSWORD)
    with pytest.raises(WrongPinError):
        copy_sign(actor=office.clerk, copy_id=copy.pk, pin="sai-mat-khau")
    Certificate.objects.filter(pk=keys.seal_certificate.pk).update(
        not_after=timezone.now() - dt.timedelta(days=1)
    )
    with pytest.raises(CertificateExpiredError):
        copy_sign(actor=office.clerk, copy_id=copy.pk, pin=PASSWORD)

    copy.refresh_from_db()
    assert copy.signed_pdf is None
    assert not AuditEvent.objects.filter(action="outgoing.copy_signed").exists()


def test_a_separate_attachment_gets_the_number_line_in_a_new_signed_file(
    office: Office,
    issued: OutgoingRecord,
    appendix: Attachment,
    pki: TestPKI,
    tmp_path: Path,
) -> None:
    """GIVEN an issued document's PDF attachment WHEN the clerk signs it THEN a new SIGNED
    attachment derived from it shows 'Số 01/…; date; time' at the top right of page 1."""
    original = blob_bytes(appendix.blob)
    original_blob = appendix.blob_id

    made = attachment_sign(
        actor=office.clerk, record_id=issued.pk, attachment_id=appendix.pk, pin=PASSWORD
    )

    assert made.role == AttachmentRole.SIGNED
    assert made.derived_from_id == appendix.pk
    assert made.document_id == issued.document_id
    appendix.refresh_from_db()
    assert appendix.blob_id == original_blob
    assert blob_bytes(appendix.blob) == original
    pdf = blob_bytes(made.blob)
    assert pdf.startswith(original)
    assert_valid_and_trusted(pdf, pki, tmp_path)
    document = issued.document
    corner = top_right_words(pdf, tmp_path)
    assert f"Số {document.code_number}/{document.code_notation};" in corner
    assert "+07:00" in corner
    assert AuditEvent.objects.filter(action="outgoing.attachment_signed").count() == 1
    with pytest.raises(AttachmentAlreadySignedError):
        attachment_sign(
            actor=office.clerk, record_id=issued.pk, attachment_id=appendix.pk, pin=PASSWORD
        )


def test_attachment_refusals_store_nothing(
    office: Office, other_office: Office, issued: OutgoingRecord, appendix: Attachment
) -> None:
    with pytest.raises(PermissionDeniedError):
        attachment_sign(
            actor=office.specialist, record_id=issued.pk, attachment_id=appendix.pk, pin=PASSWORD
        )
    with pytest.raises(NotFoundError):
        attachment_sign(
            actor=other_office.clerk, record_id=issued.pk, attachment_id=appendix.pk, pin=PASSWORD
        )
    main_pdf = Attachment.objects.get(document=issued.document, role=AttachmentRole.PDFA)
    with pytest.raises(NotFoundError):  # only separate attachments, not the document itself
        attachment_sign(
            actor=office.clerk, record_id=issued.pk, attachment_id=main_pdf.pk, pin=PASSWORD
        )
    with pytest.raises(WrongPinError):
        attachment_sign(
            actor=office.clerk, record_id=issued.pk, attachment_id=appendix.pk, pin="sai"
        )

    assert not Attachment.objects.filter(derived_from=appendix).exists()
    assert not AuditEvent.objects.filter(action="outgoing.attachment_signed").exists()


def _post(user: User, url: str, body: dict[str, Any]) -> Any:
    client = Client()
    client.force_login(user)
    return client.post(url, body, content_type="application/json")


def test_the_api_signs_a_copy_and_an_attachment(
    office: Office, copy: CopyRecord, issued: OutgoingRecord, appendix: Attachment
) -> None:
    url = f"/api/v1/outgoing/copies/{copy.pk}/sign"
    wrong = _post(office.clerk, url, {"pin": "sai"})
    assert (wrong.status_code, wrong.json()["code"]) == (400, "signing_wrong_pin")
    refused = _post(office.specialist, url, {"pin": PASSWORD})
    assert refused.status_code == 403
    assert set(refused.json()) == {"code", "message", "fields"}

    done = _post(office.clerk, url, {"pin": PASSWORD})
    assert done.status_code == 200, done.json()
    copy.refresh_from_db()
    assert copy.signed_pdf is not None
    assert done.json() == {
        "id": copy.pk,
        "number": "01/SY-SNV",
        "form": CopyForm.TRUE_COPY.value,
        "signed_blob_sha256": copy.signed_pdf.sha256,
    }
    again = _post(office.clerk, url, {"pin": PASSWORD})
    assert (again.status_code, again.json()["code"]) == (409, "copy_already_signed")

    signed = _post(
        office.clerk,
        f"/api/v1/outgoing/{issued.pk}/attachments/{appendix.pk}/sign",
        {"pin": PASSWORD},
    )
    assert signed.status_code == 200, signed.json()
    assert signed.json()["derived_from_id"] == appendix.pk
    assert Attachment.objects.get(pk=signed.json()["id"]).role == AttachmentRole.SIGNED
    missing = _post(
        office.clerk, f"/api/v1/outgoing/{issued.pk}/attachments/999999/sign", {"pin": PASSWORD}
    )
    assert missing.status_code == 404


def test_the_record_page_offers_the_button_and_then_the_signed_file(
    office: Office, other_office: Office, copy: CopyRecord, issued: OutgoingRecord, keys: Keys
) -> None:
    client = Client()
    client.force_login(office.clerk)
    sign_url = reverse("outgoing:copy_sign", kwargs={"copy_id": copy.pk})
    file_url = reverse("outgoing:copy_file", kwargs={"copy_id": copy.pk})
    page = render_to_string(
        "outgoing/_copy_sign.html", {"copy": copy, "may_copy": True, "csrf_token": "x"}
    )
    assert sign_url in page and "Ký số bản sao" in page

    wrong = client.post(sign_url, {"pin": "sai"}, follow=True)
    assert wrong.redirect_chain[-1][0] == reverse("outgoing:record", kwargs={"pk": issued.pk})
    assert str(WrongPinError.default_message) in wrong.content.decode()
    assert CopyRecord.objects.get(pk=copy.pk).signed_pdf_id is None
    assert client.get(file_url).status_code == 404

    done = client.post(sign_url, {"pin": PASSWORD})
    assert done.status_code == 302
    copy.refresh_from_db()
    assert copy.signed_pdf is not None
    page = render_to_string("outgoing/_copy_sign.html", {"copy": copy, "may_copy": True})
    assert file_url in page and sign_url not in page
    response = client.get(file_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == blob_bytes(copy.signed_pdf)  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(action="outgoing.copy_file_opened").count() == 1

    outsider = Client()
    outsider.force_login(other_office.clerk)
    assert outsider.get(file_url).status_code == 404
    assert outsider.post(sign_url, {"pin": PASSWORD}).status_code == 404


def test_a_copy_of_a_document_signed_by_leader_and_agency_keeps_all_three_valid(
    office: Office, keys: Keys, pki: TestPKI, tmp_path: Path
) -> None:
    """The real flow: the leader's signature leaves the copy field fillable, so the sao y
    signature added later breaks neither earlier signature (pyHanko and pdfsig agree)."""
    draft = digital_draft(office)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    issued_signed = draft_sign(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD).record
    assert issued_signed is not None
    made = copy_make(actor=office.clerk, record_id=issued_signed.pk, form=CopyForm.TRUE_COPY)
    signed = copy_sign(actor=office.clerk, copy_id=made.pk, pin=PASSWORD)
    assert signed.signed_pdf is not None
    pdf = blob_bytes(signed.signed_pdf)
    statuses = pyhanko_statuses(pdf, pki.root.cert_der)
    assert len(statuses) == 3 and all(status.bottom_line for status in statuses)
    report = pdfsig(pdf, nss_db(tmp_path / "nss", pki.root_path), tmp_path)
    assert report.count("Signature is Valid") == 3
