"""The dossier as one PDF: cover and table of contents (Mục lục văn bản, Annex V §IV), then
each document's stored PDF in chronological order, merged with pypdf."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.core.dates import format_date
from vanthu.documents.blobs import blob_open
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.mediatypes import PDF
from vanthu.documents.models import Blob, Document
from vanthu.dossiers.exports.xml import chronological
from vanthu.dossiers.models import Dossier, DossierItem

# Which stored file stands for the document, best first.
_ROLE_ORDER = (AttachmentRole.SIGNED, AttachmentRole.PDFA, AttachmentRole.ORIGINAL)


@dataclass(frozen=True, slots=True)
class TocRow:
    """One row of the Mục lục văn bản."""

    ordinal: int
    code: str
    date: str
    subject: str
    author: str
    page: str
    note: str


def document_pdf(document: Document) -> Blob | None:
    """Return the PDF that stands for ``document`` (signed, PDF/A, original), if any."""
    attachments = {
        attachment.role: attachment.blob
        for attachment in document.attachments.select_related("blob").order_by("pk")
        if attachment.blob.media_type == PDF
    }
    for role in _ROLE_ORDER:
        if role in attachments:
            return attachments[role]
    outgoing = getattr(document, "outgoing", None)
    return outgoing.pdf_blob if outgoing is not None else None


def toc_rows(items: Sequence[DossierItem], pdfs: dict[int, Blob | None]) -> list[TocRow]:
    """Return the table of contents of the items (already in chronological order)."""
    rows, page = [], 1
    for position, item in enumerate(items, start=1):
        doc = item.document
        code = f"{doc.code_number}/{doc.code_notation}" if doc.code_number else ""
        rows.append(
            TocRow(
                ordinal=position,
                code=code,
                date=format_date(doc.issued_date),
                subject=f"{doc.document_type.name}: {doc.subject}",
                author=doc.organ_name,
                page=f"{page}-{page + item.pages - 1}" if item.pages > 1 else str(page),
                note="" if pdfs[item.pk] is not None else _("Không có bản PDF"),
            )
        )
        page += item.pages
    return rows


def dossier_pdf(dossier: Dossier, items: Sequence[DossierItem]) -> bytes:
    """Return the dossier as one PDF (cover and contents, then the documents)."""
    ordered = chronological(items)
    pdfs = {item.pk: document_pdf(item.document) for item in ordered}
    html = render_to_string(
        "dossiers/export.html",
        {
            "dossier": dossier,
            "rows": toc_rows(ordered, pdfs),
            "start": format_date(dossier.start_date) if dossier.start_date else "",
            "end": format_date(dossier.end_date) if dossier.end_date else "",
        },
    )
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(HTML(string=html).write_pdf())))
    for item in ordered:
        blob = pdfs[item.pk]
        if blob is not None:
            with blob_open(blob) as handle:
                writer.append(PdfReader(io.BytesIO(handle.read())))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
