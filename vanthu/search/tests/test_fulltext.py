"""The text of stored files reaches the index: a born-digital PDF and a DOCX from the blob store."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Document, DocumentType
from vanthu.documents.tests.factories import agency_make
from vanthu.documents.uploads import blob_store_upload
from vanthu.search.fulltext import attachments_text

pytestmark = pytest.mark.django_db
SENTENCE = "Kế hoạch kiểm tra công tác văn thư tại tỉnh Đồng Tháp"


def _pdf() -> bytes:
    return bytes(HTML(string=f"<p>{SENTENCE}</p>").write_pdf())


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(SENTENCE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("content", "name"), [(_pdf(), "vb.pdf"), (_docx(), "vb.docx")])
def test_a_stored_file_gives_its_text(content: bytes, name: str) -> None:
    document = Document.objects.create(
        owner_agency=agency_make(),
        document_type=DocumentType.objects.get(code="10"),
        code_number="26",
        code_notation="KH-SNV",
        issued_date=dt.date(2026, 4, 23),
        organ_name="Sở Nội vụ",
        subject="Kiểm tra",
    )
    blob = blob_store_upload(actor=None, fileobj=io.BytesIO(content), filename=name)
    attachment = Attachment.objects.create(
        document=document, blob=blob, role=AttachmentRole.ORIGINAL, filename=name
    )
    assert SENTENCE in " ".join(attachments_text([attachment]).split())
