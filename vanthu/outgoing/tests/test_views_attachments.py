"""The record page's separate attachments: the clerk's "Ký số tệp đính kèm" with its PIN prompt
(errors beside the field, the PIN never echoed), the signed file, and the audited downloads."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.pki import pki
from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.mediatypes import DOCX
from vanthu.documents.models import Attachment, Blob
from vanthu.outgoing.drafting_io import blob_bytes, store_pdf
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.recall import outgoing_recall
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.signing_setup import Keys, keys_register
from vanthu.outgoing.tests.test_views_support import as_user, issued, reuse_one_pdf
from vanthu.signing.models import Certificate
from vanthu.signing.testpki import PASSWORD, TestPKI
from vanthu.signing.tests.pdfs import sample_pdf

__all__ = ["pki"]

pytestmark = pytest.mark.django_db
WRONG_PIN = "sai-ma-pin-246"


@pytest.fixture
def keys(office: Office, pki: TestPKI) -> Keys:
    return keys_register(office, pki)


@pytest.fixture
def record(office: Office, monkeypatch: pytest.MonkeyPatch) -> OutgoingRecord:
    reuse_one_pdf(monkeypatch, office)
    return issued(office)


@pytest.fixture
def appendix(office: Office, record: OutgoingRecord) -> Attachment:
    blob = store_pdf(actor=office.clerk, data=sample_pdf(), filename="phu-luc.pdf")
    return Attachment.objects.create(
        document=record.document, blob=blob, role=AttachmentRole.APPENDIX, filename="phu-luc.pdf"
    )


def _sign_url(record: OutgoingRecord, attachment: Attachment) -> str:
    return f"/van-ban-di/{record.pk}/dinh-kem/{attachment.pk}/ky-so/"


def _file_url(record: OutgoingRecord, attachment: Attachment) -> str:
    return f"/van-ban-di/{record.pk}/dinh-kem/{attachment.pk}/tep/"


def _pin_error(html: str) -> str:
    found = re.search(r'<ul class="field-errors" id="id_pin_error">(.*?)</ul>', html, re.S)
    assert found, "no error beside the PIN field"
    return found.group(1)


def _signed() -> Attachment | None:
    return Attachment.objects.filter(role=AttachmentRole.SIGNED, derived_from__isnull=False).first()


def test_the_clerk_gets_the_button_and_others_only_the_file(
    office: Office, record: OutgoingRecord, appendix: Attachment
) -> None:
    page = as_user(office.clerk).get(f"/van-ban-di/{record.pk}/").content.decode()
    assert f'href="{_sign_url(record, appendix)}" data-attachment-sign' in page
    assert f'href="{_file_url(record, appendix)}">phu-luc.pdf</a>' in page
    leader_page = as_user(office.leader).get(f"/van-ban-di/{record.pk}/").content.decode()
    assert "phu-luc.pdf" in leader_page
    assert "data-attachment-sign" not in leader_page
    assert as_user(office.leader).get(_sign_url(record, appendix)).status_code == 403
    assert (
        as_user(office.leader).post(_sign_url(record, appendix), {"pin": PASSWORD}).status_code
        == 403
    )
    assert _signed() is None


def test_wrong_then_right_pin_makes_the_signed_file(
    office: Office, record: OutgoingRecord, appendix: Attachment, keys: Keys
) -> None:
    client = as_user(office.clerk)
    prompt = client.get(_sign_url(record, appendix)).content.decode()
    field = re.search(r'<input type="password" name="pin"[^>]*>', prompt)
    assert field is not None and 'autocomplete="off"' in field.group(0)
    assert "phu-luc.pdf" in prompt

    empty = client.post(_sign_url(record, appendix), {})
    assert empty.status_code == 400
    assert "bắt buộc" in _pin_error(empty.content.decode())
    wrong = client.post(_sign_url(record, appendix), {"pin": WRONG_PIN})
    assert wrong.status_code == 409
    assert "PIN" in _pin_error(wrong.content.decode()) or "mật khẩu" in _pin_error(
        wrong.content.decode()
    )
    assert WRONG_PIN not in wrong.content.decode()
    assert wrong.wsgi_request.sensitive_post_parameters == ("pin",)  # type: ignore[attr-defined]
    assert _signed() is None

    done = client.post(_sign_url(record, appendix), {"pin": PASSWORD})

    assert done.status_code == 302
    assert done["Location"] == f"/van-ban-di/{record.pk}/"
    made = _signed()
    assert made is not None and made.derived_from_id == appendix.pk
    event = AuditEvent.objects.get(action="outgoing.attachment_signed")
    assert PASSWORD not in str(event.data)
    page = client.get(done["Location"]).content.decode()
    assert "Đã ký số tệp đính kèm: phu-luc-da-ky.pdf." in page
    assert f'href="{_file_url(record, made)}" data-signed-attachment' in page
    assert "data-attachment-sign" not in page  # signed once: the button is gone

    response = client.get(_file_url(record, made))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == blob_bytes(made.blob)  # type: ignore[attr-defined]
    opened = AuditEvent.objects.get(action="outgoing.attachment_opened")
    assert opened.data["attachment_id"] == made.pk

    again = client.post(_sign_url(record, appendix), {"pin": PASSWORD})
    assert again.status_code == 409
    assert "đã được ký số" in _pin_error(again.content.decode())


def test_certificate_problems_are_shown_beside_the_field(
    office: Office, record: OutgoingRecord, appendix: Attachment, pki: TestPKI
) -> None:
    client = as_user(office.clerk)
    missing = client.post(_sign_url(record, appendix), {"pin": PASSWORD})
    assert missing.status_code == 409  # no seal certificate yet: a message, not a missing page
    assert "chứng thư" in _pin_error(missing.content.decode()).lower()

    keys = keys_register(office, pki)
    Certificate.objects.filter(pk=keys.seal_certificate.pk).update(
        not_after=timezone.now() - dt.timedelta(days=1)
    )
    expired = client.post(_sign_url(record, appendix), {"pin": PASSWORD})
    assert expired.status_code == 409
    assert "hết hạn" in _pin_error(expired.content.decode())
    assert _signed() is None


def test_what_is_not_a_visible_appendix_is_not_found(
    office: Office, other_office: Office, record: OutgoingRecord, appendix: Attachment
) -> None:
    main_pdf = Attachment.objects.exclude(pk=appendix.pk).filter(document=record.document).first()
    assert main_pdf is not None
    clerk = as_user(office.clerk)
    assert clerk.get(_sign_url(record, main_pdf)).status_code == 404
    assert clerk.get(_file_url(record, main_pdf)).status_code == 404
    assert clerk.get(f"/van-ban-di/{record.pk}/dinh-kem/999999/ky-so/").status_code == 404
    outsider = as_user(other_office.clerk)
    assert outsider.get(_sign_url(record, appendix)).status_code == 404
    assert outsider.get(_file_url(record, appendix)).status_code == 404
    assert not AuditEvent.objects.filter(action="outgoing.attachment_opened").exists()


def test_a_recalled_record_offers_no_signature(
    office: Office, record: OutgoingRecord, appendix: Attachment, keys: Keys
) -> None:
    outgoing_recall(actor=office.clerk, record_id=record.pk, reason="Ban hành nhầm.")
    client = as_user(office.clerk)
    page = client.get(f"/van-ban-di/{record.pk}/").content.decode()
    assert "phu-luc.pdf" in page and "data-attachment-sign" not in page
    refused = client.post(_sign_url(record, appendix), {"pin": PASSWORD})
    assert refused.status_code == 409
    assert "thu hồi" in _pin_error(refused.content.decode())
    assert _signed() is None


def test_an_appendix_that_is_not_a_pdf_offers_no_signature(
    office: Office, record: OutgoingRecord, appendix: Attachment
) -> None:
    blob = store_pdf(actor=office.clerk, data=sample_pdf() + b"\n%docx", filename="phu-luc.docx")
    Blob.objects.filter(pk=blob.pk).update(media_type=DOCX)
    docx = Attachment.objects.create(
        document=record.document, blob=blob, role=AttachmentRole.APPENDIX, filename="phu-luc.docx"
    )
    page = as_user(office.clerk).get(f"/van-ban-di/{record.pk}/").content.decode()
    assert f'href="{_file_url(record, docx)}">phu-luc.docx</a>' in page
    assert _sign_url(record, docx) not in page
    assert f'href="{_sign_url(record, appendix)}" data-attachment-sign' in page
