"""Issue 5, end to end: signed by the leader and the agency, issued, delivered to another agency
of the installation, and shown there as valid with both signatures (pyHanko and pdfsig agree)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.pki import pki, services
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.incoming.delivery import delivery_accept
from vanthu.incoming.models import IncomingDelivery
from vanthu.outgoing.drafting_io import blob_bytes
from vanthu.outgoing.enums import DistributionKind
from vanthu.outgoing.services import DistributionInput
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.signing_setup import digital_draft, keys_register
from vanthu.signing.models import SignatureReport
from vanthu.signing.testpki import PASSWORD, TestPKI
from vanthu.signing.tests.pdfs import nss_db, pdfsig

__all__ = ["pki", "services"]

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("services")
def test_the_receiving_agency_sees_both_signatures_valid(
    office: Office,
    other_office: Office,
    pki: TestPKI,
    *,
    client: Client,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    keys_register(office, pki)
    draft = digital_draft(office)
    draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
    to_other = [DistributionInput(kind=DistributionKind.AGENCY, agency_id=other_office.agency.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        issued = draft_sign(
            actor=office.clerk, draft_id=draft.pk, pin=PASSWORD, distribution=to_other
        ).record
    assert issued is not None

    delivery = IncomingDelivery.objects.get(document=issued.document)
    RegisterBook.objects.create(agency=other_office.agency, kind=RegisterKind.INCOMING, name="Đến")
    with django_capture_on_commit_callbacks(execute=True):  # the verification task runs
        incoming = delivery_accept(actor=other_office.clerk, delivery=delivery)

    stored = SignatureReport.objects.get(document=issued.document)
    assert stored.status == "valid"
    client.force_login(other_office.clerk)
    body = client.get(f"/api/v1/documents/{issued.document_id}/signatures").json()
    (item,) = body["items"]
    assert item["report"]["status"] == "valid"
    signers = [s["signer_cn"] for s in item["report"]["signatures"]]
    assert len(signers) == 2 and all(s["integrity"] for s in item["report"]["signatures"])
    html = client.get(reverse("incoming:detail", args=[incoming.pk])).content.decode()
    assert "data-signatures" in html and "Hợp lệ" in html

    # The independent validator agrees on the very file the receiver holds.
    report = pdfsig(blob_bytes(issued.pdf_blob), nss_db(tmp_path / "nss", pki.root_path), tmp_path)
    assert report.count("Signature is Valid") == 2
    assert report.count("Certificate is Trusted") == 2
