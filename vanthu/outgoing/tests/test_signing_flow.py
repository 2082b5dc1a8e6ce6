"""The "Ký số" step: the leader signs, then the clerk numbers, seals and issues."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pyhanko.sign.diff_analysis import ModificationLevel

from tests.pki import pki, services
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment
from vanthu.outgoing.drafting_io import blob_bytes
from vanthu.outgoing.enums import SignatureState
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.signing_flow import (
    DraftNotDigitalError,
    DraftSignStateError,
    draft_sign,
    draft_sign_as_agency,
    draft_sign_as_signer,
)
from vanthu.outgoing.tests.factories import Office, draft_approved
from vanthu.outgoing.tests.signing_setup import Keys, digital_draft, keys_register
from vanthu.signing.errors import (
    CertificateExpiredError,
    CertificateUntrustedError,
    TimestampUnavailableError,
    WrongPinError,
)
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.testpki import PASSWORD, Services, TestPKI
from vanthu.signing.tests.pdfs import nss_db, pdfsig, pyhanko_statuses

__all__ = ["pki", "services"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(office: Office, pki: TestPKI) -> Keys:
    return keys_register(office, pki)


def test_leader_then_clerk_gives_a_numbered_document_with_two_valid_signatures(
    office: Office, keys: Keys, pki: TestPKI, tmp_path: Path
) -> None:
    """GIVEN an approved digital draft WHEN the leader then the clerk sign THEN it is issued
    with the number and date filled in, and both signatures are valid for pyHanko and pdfsig."""
    draft = digital_draft(office)
    assert draft.signature_state == SignatureState.DIGITAL_PENDING

    first = draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    assert first.step == "signer"
    assert first.draft.signer_signed_pdf is not None
    assert _state(draft) == SignatureState.LEADER_SIGNED
    second = draft_sign(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD)

    assert second.step == "agency"
    assert _state(draft) == SignatureState.DIGITAL_SIGNED
    assert second.draft.signature_state == SignatureState.DIGITAL_SIGNED
    assert second.record is not None
    assert second.record.number == 1
    roles = set(
        Attachment.objects.filter(document=second.record.document).values_list("role", flat=True)
    )
    assert AttachmentRole.SIGNED in roles
    pdf = blob_bytes(second.record.pdf_blob)
    assert pdf.startswith(blob_bytes(first.draft.signer_signed_pdf))  # incremental only
    leader, agency = pyhanko_statuses(pdf, pki.root.cert_der)
    assert leader.bottom_line and agency.bottom_line
    assert leader.modification_level == ModificationLevel.FORM_FILLING
    assert agency.modification_level == ModificationLevel.NONE
    report = pdfsig(pdf, nss_db(tmp_path / "nss", pki.root_path), tmp_path)
    assert report.count("Signature is Valid") == 2
    assert report.count("Certificate is Trusted") == 2
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Số: 01/SNV-VP" in text
    assert f"năm {second.record.issued_date.year}" in text


def _state(draft: OutgoingDraft) -> str:
    return OutgoingDraft.objects.values_list("signature_state", flat=True).get(pk=draft.pk)


def test_wrong_pin_at_the_agency_signature_uses_no_number(
    office: Office, keys: Keys, pki: TestPKI
) -> None:
    draft = digital_draft(office)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)

    with pytest.raises(WrongPinError):
        draft_sign(actor=office.clerk, draft_id=draft.pk, pin="sai-mat-khau")

    draft.refresh_from_db()
    assert draft.status == "approved"
    assert draft.signature_state == SignatureState.LEADER_SIGNED  # rolled back with the issue
    outcome = draft_sign(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD)
    assert outcome.record is not None
    assert outcome.record.number == 1  # the failed attempt used no number


def test_wrong_pin_of_the_leader_stores_nothing(office: Office, keys: Keys) -> None:
    draft = digital_draft(office)
    with pytest.raises(WrongPinError):
        draft_sign(actor=office.leader, draft_id=draft.pk, pin="0000")
    draft.refresh_from_db()
    assert draft.signer_signed_pdf is None
    assert draft.signature_state == SignatureState.DIGITAL_PENDING


def test_time_stamp_server_down_leaves_the_draft_unsigned(
    office: Office, keys: Keys, settings: Any
) -> None:
    settings.VANTHU_SIGNING_TSA_URL = "http://127.0.0.1:9/tsa"
    draft = digital_draft(office)
    with pytest.raises(TimestampUnavailableError):
        draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    draft.refresh_from_db()
    assert draft.signer_signed_pdf is None


def test_with_a_time_stamp_authority_the_issued_pdf_is_b_lt(
    office: Office, keys: Keys, pki: TestPKI, services: Services, settings: Any
) -> None:
    settings.VANTHU_SIGNING_TSA_URL = services.tsa_url
    draft = digital_draft(office)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    outcome = draft_sign(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD)

    assert outcome.record is not None
    pdf = blob_bytes(outcome.record.pdf_blob)
    assert b"/DSS" in pdf
    statuses = pyhanko_statuses(pdf, pki.root.cert_der)
    assert all(s.bottom_line and s.timestamp_validity is not None for s in statuses)


def test_order_and_roles_are_enforced(office: Office, keys: Keys) -> None:
    draft = digital_draft(office)
    with pytest.raises(DraftSignStateError):  # the clerk cannot go first
        draft_sign_as_agency(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD)
    with pytest.raises(PermissionDeniedError):  # only the assigned signer signs
        draft_sign(actor=office.head, draft_id=draft.pk, pin=PASSWORD)
    paper = draft_approved(office)
    with pytest.raises(DraftNotDigitalError):
        draft_sign(actor=office.leader, draft_id=paper.pk, pin=PASSWORD)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    with pytest.raises(DraftSignStateError):  # the signer signs once
        draft_sign_as_signer(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    assert _state(draft) == SignatureState.LEADER_SIGNED


def _ink_box(png: Path, colour: str) -> tuple[int, int, int, int]:
    from PIL import Image

    image = Image.open(png).convert("RGB")
    pixels = image.load()
    assert pixels is not None
    width, height = image.size
    found = [
        (x, y)
        for y in range(height)
        for x in range(width)
        if _is(colour, pixels[x, y])  # type: ignore[arg-type]
    ]
    assert found, colour
    xs, ys = [p[0] for p in found], [p[1] for p in found]
    return min(xs), min(ys), max(xs), max(ys)


def _is(colour: str, rgb: tuple[int, int, int]) -> bool:
    red, green, blue = rgb
    if colour == "blue":
        return blue > 150 and red < 90 and green < 110
    return red > 170 and green < 80 and blue < 90


def test_signature_and_seal_sit_where_decree_30_puts_them(
    office: Office, keys: Keys, tmp_path: Path
) -> None:
    from vanthu.drafting.layout import read_layout

    draft = digital_draft(office)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    outcome = draft_sign(actor=office.clerk, draft_id=draft.pk, pin=PASSWORD)
    assert outcome.record is not None
    pdf = blob_bytes(outcome.record.pdf_blob)
    (tmp_path / "doc.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(tmp_path / "doc.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    page = read_layout(pdf)[0]
    position = page.find(r"^PHÓ GIÁM ĐỐC$")
    name = page.find(r"^Nguyễn Văn Đức$")
    assert position is not None and name is not None
    # The number and date fields cover the blanks, on the baseline of the lines they replace.
    filled, blank = page.find(r"^Số: 01/SNV-VP$"), page.find(r"^Số:$")
    assert filled is not None and blank is not None
    assert abs(filled.y_min - blank.y_min) < 2
    assert abs(filled.center_x - blank.center_x) < 40
    blue = _ink_box(tmp_path / "page.png", "blue")
    red = _ink_box(tmp_path / "page.png", "red")

    # The signature: centred on the name, between the position line and the name.
    assert abs((blue[0] + blue[2]) / 2 - name.center_x) < 6
    assert blue[1] >= position.y_max - 1 and blue[3] <= name.y_min + 1
    # The seal: real size (36 mm = 102 pt at 72 dpi), covering about a third of the signature
    # on its left.
    assert abs((red[2] - red[0]) - 102) <= 4
    signature_width = blue[2] - blue[0]
    assert abs((red[2] - blue[0]) - signature_width / 3) <= 6
    assert red[0] < blue[0]


def test_an_expired_or_untrusted_certificate_cannot_sign(office: Office, keys: Keys) -> None:
    draft = digital_draft(office)
    Certificate.objects.filter(pk=keys.leader_certificate.pk).update(
        not_after=timezone.now() - dt.timedelta(days=1)
    )
    with pytest.raises(CertificateExpiredError):
        draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    Certificate.objects.filter(pk=keys.leader_certificate.pk).update(
        not_after=timezone.now() + dt.timedelta(days=100)
    )
    TrustRoot.objects.update(active=False)
    with pytest.raises(CertificateUntrustedError):
        draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    draft.refresh_from_db()
    assert draft.signer_signed_pdf is None
