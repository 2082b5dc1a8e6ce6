"""Builders for the dossiers tests: documents with a stored PDF, a plan with headings."""

from __future__ import annotations

import datetime as dt
import io
import itertools

from pypdf import PdfWriter

from vanthu.accounts.models import Agency, User
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Document, DocumentType
from vanthu.documents.uploads import blob_store_upload
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier, FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.plan_services import file_plan_create, heading_add, plan_item_add
from vanthu.dossiers.services import dossier_document_add, dossier_open

_serial = itertools.count(1)


def pdf_bytes(pages: int, *, width: int = 595) -> bytes:
    """Return a PDF of ``pages`` blank pages ``width`` points wide (A4 by default)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def document_make(
    agency: Agency,
    *,
    actor: User | None = None,
    subject: str = "Báo cáo công tác văn thư, lưu trữ",
    issued_date: dt.date = dt.date(2026, 3, 10),
    pages: int = 2,
    confidentiality: int = 0,
    code_number: str | None = None,
    code_notation: str = "BC-SNV",
    organ_name: str = "Sở Nội vụ tỉnh Kiên Giang",
    type_code: str = "14",
    with_pdf: bool = True,
    width: int = 595,
) -> Document:
    """Create a document owned by ``agency`` (with a stored PDF of ``pages`` pages)."""
    document = Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code=type_code),
        code_number=code_number if code_number is not None else str(next(_serial)),
        code_notation=code_notation,
        issued_date=issued_date,
        organ_name=organ_name,
        subject=subject,
        page_amount=pages,
        confidentiality=confidentiality,
    )
    if with_pdf:
        blob = blob_store_upload(
            actor=actor,
            fileobj=io.BytesIO(pdf_bytes(pages, width=width)),
            filename=f"{document.pk}.pdf",
        )
        Attachment.objects.create(
            document=document, blob=blob, role=AttachmentRole.ORIGINAL, filename="vb.pdf"
        )
    return document


def plan_make(editor: User, *, year: int = 2026) -> tuple[FilePlan, FilePlanHeading, FilePlanItem]:
    """Create a plan with heading I (TCCB) and one item ``01.TCCB``."""
    plan = file_plan_create(actor=editor, year=year)
    heading = heading_add(actor=editor, plan=plan, title="Tổ chức, cán bộ", abbreviation="TCCB")
    item = plan_item_add(
        actor=editor,
        heading=heading,
        title="Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2026",
        retention=Retention.Y20,
        keywords="văn thư, lưu trữ",
    )
    return plan, heading, item


def reception_dossier(owner: User) -> Dossier:
    """Open the dossier "Hồ sơ tiếp công dân" (08.VP, 10 years) of ``owner``."""
    return dossier_open(actor=owner, title="Hồ sơ tiếp công dân", code="08.VP", retention="10")


def dossier_with_document(
    creator: User,
    code: str,
    *,
    close: bool = False,
    retention: Retention = Retention.Y20,
    issued_date: dt.date = dt.date(2025, 6, 2),
    confidentiality: int = 0,
) -> Dossier:
    """Open dossier ``code`` of ``creator`` holding one document (no PDF), closed if asked."""
    dossier = dossier_open(actor=creator, title=f"Hồ sơ {code}", code=code, retention=retention)
    assert creator.agency is not None
    document = document_make(
        creator.agency,
        issued_date=issued_date,
        with_pdf=False,
        confidentiality=confidentiality,
    )
    dossier_document_add(actor=creator, dossier=dossier, document_id=document.pk)
    if close:
        dossier = dossier_close(actor=creator, dossier=dossier, retention=retention)
    dossier.refresh_from_db()
    return dossier
