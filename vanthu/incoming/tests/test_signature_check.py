"""Every PDF registered or attached is verified after commit; reports follow the record's rights.

Needs the signing app installed (``--ds=vanthu.signing.tests.verify_settings`` until it is
wired into the project's settings).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image
from pypdf import PdfWriter

from vanthu.incoming.attachments import incoming_attach, incoming_register_with_files
from vanthu.incoming.enums import Channel
from vanthu.incoming.tests.factories import Office, data
from vanthu.signing.models import SignatureReport
from vanthu.signing.testpki import TestPKI, build_test_pki
from vanthu.signing.tests.test_report_store import trust_root_add
from vanthu.signing.tests.verify_pdfs import sign


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    return build_test_pki(tmp_path_factory.mktemp("incoming-pki"))


@pytest.fixture(scope="module")
def signed_pdf(pki: TestPKI) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = Path(pki.directory) / "blank.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return sign(path.read_bytes(), pki.signer)


@pytest.fixture(autouse=True)
def _offline(settings: Any) -> None:
    settings.VANTHU_SIGNATURE_FETCH = False


def _verifications(callbacks: list[Callable[..., Any]]) -> list[Callable[..., Any]]:
    """The after-commit callbacks that verify signatures (the search queue has its own)."""
    return [c for c in callbacks if c.__qualname__.startswith("schedule_verification")]


def test_a_registered_pdf_gets_its_report_after_commit(
    office: Office,
    pki: TestPKI,
    signed_pdf: bytes,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    trust_root_add(pki.root.cert_der, agency=office.agency)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record = incoming_register_with_files(
            actor=office.clerk,
            data=data(channel=Channel.ELECTRONIC),
            files=[ContentFile(signed_pdf, name="cong-van.pdf")],
        )

    assert len(_verifications(callbacks)) == 1
    report = SignatureReport.objects.get(document=record.document)
    assert report.status == "valid_with_warnings"  # offline: revocation not checked
    assert report.details[0]["signer_cn"] == "Nguyễn Văn A"


def test_only_pdfs_are_verified(
    office: Office, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    record = office.register()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    png = buffer.getvalue()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        incoming_attach(actor=office.clerk, incoming=record, file=ContentFile(png, name="anh.png"))

    assert _verifications(callbacks) == []
    assert not SignatureReport.objects.exists()


def test_reports_follow_who_sees_the_incoming_record(
    client: Client,
    office: Office,
    other_office: Office,
    signed_pdf: bytes,
) -> None:
    record = incoming_register_with_files(
        actor=office.clerk,
        data=data(channel=Channel.ELECTRONIC),
        files=[ContentFile(signed_pdf, name="cong-van.pdf")],
    )
    url = f"/api/v1/documents/{record.document_id}/signatures"

    statuses = {}
    for name, user in [
        ("clerk", office.clerk),
        ("unassigned_specialist", office.specialist_a),
        ("other_agency", other_office.clerk),
    ]:
        client.force_login(user)
        statuses[name] = client.get(url).status_code

    assert statuses == {"clerk": 200, "unassigned_specialist": 404, "other_agency": 404}
