"""Internal files (photos, working papers) filed straight into a dossier."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from vanthu.accounts.tokens import token_issue
from vanthu.documents.models import Blob, Document
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.errors import DossierClosedError
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.tests.factories import document_make
from vanthu.dossiers.uploads import UploadMeta, dossier_upload
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _dossier(office: Office) -> Dossier:
    return dossier_open(
        actor=office.specialist_a, title="Hồ sơ hội nghị", code="07.VP", retention="10"
    )


def test_a_photo_becomes_a_document_of_the_agency_in_the_dossier(office: Office) -> None:
    dossier = _dossier(office)
    client = Client(
        HTTP_AUTHORIZATION=f"Bearer {token_issue(user=office.specialist_a, actor=None)}"
    )
    upload = io.BytesIO(_png())
    upload.name = "anh-hoi-nghi.png"
    response = client.post(
        f"/api/v1/dossiers/{dossier.pk}/uploads",
        {"file": upload, "subject": "Ảnh hội nghị tổng kết", "issued_date": "2026-01-20"},
    )
    assert response.status_code == 201, response.content
    document = Document.objects.get(pk=response.json()["document_id"])
    assert (document.owner_agency, document.document_type.code) == (office.agency, "32")
    attachment = document.attachments.get()
    assert (attachment.blob.media_type, attachment.filename) == ("image/png", "anh-hoi-nghi.png")
    dossier.refresh_from_db()
    assert (dossier.doc_total, dossier.page_total) == (1, 1)


def test_a_forbidden_type_answers_415_and_leaves_nothing(office: Office) -> None:
    dossier = _dossier(office)
    client = Client(
        HTTP_AUTHORIZATION=f"Bearer {token_issue(user=office.specialist_a, actor=None)}"
    )
    upload = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 200)
    upload.name = "virus.exe"
    response = client.post(
        f"/api/v1/dossiers/{dossier.pk}/uploads",
        {"file": upload, "subject": "Tệp lạ", "issued_date": "2026-01-20"},
    )
    assert (response.status_code, response.json()["code"]) == (415, "upload_type_not_allowed")
    assert not Document.objects.exists()
    assert not Blob.objects.exists()


def test_a_closed_dossier_takes_no_upload_and_stores_nothing(
    office: Office, tmp_path: Path
) -> None:
    dossier = _dossier(office)
    first = document_make(office.agency, with_pdf=False)
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=first.pk)
    dossier_close(actor=office.specialist_a, dossier=dossier, retention="10")
    meta = UploadMeta(subject="Bổ sung", issued_date=dt.date(2026, 2, 1))
    with pytest.raises(DossierClosedError):
        dossier_upload(
            actor=office.specialist_a,
            dossier=dossier,
            fileobj=io.BytesIO(_png()),
            filename="a.png",
            meta=meta,
        )
    assert not Blob.objects.exists()
    assert Document.objects.count() == 1
    stored = tmp_path / "blobs"
    assert not stored.exists() or not [p for p in stored.rglob("*") if p.is_file()]
