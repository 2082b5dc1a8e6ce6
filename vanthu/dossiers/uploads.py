"""Internal files filed straight into a dossier: working papers, photos, audio and video.

Each upload becomes a Document of the agency (the file as its original, never modified) and is
filed with the next ordinal. A failed request leaves no row and no newly stored object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text, fold
from vanthu.documents.blobs import Readable, blob_key, key_delete
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Blob, Document, DocumentType
from vanthu.documents.uploads import blob_store_upload
from vanthu.dossiers.models import Dossier, DossierItem
from vanthu.dossiers.permissions import ensure_writer
from vanthu.dossiers.services import dossier_document_add, locked_open

OTHER_TYPE = "32"  # Khác (Circular 05/2025)
MAX_PAGES = 100_000


@dataclass(frozen=True, slots=True)
class UploadMeta:
    """What the person says about the file."""

    subject: str
    issued_date: dt.date
    type_code: str = OTHER_TYPE
    pages: int = 1
    is_draft: bool = False


def _checked(meta: UploadMeta) -> tuple[str, DocumentType]:
    subject = clean_text(meta.subject)
    if not subject or len(subject) > 500:
        raise InvalidInputError(fields={"subject": [_("Cần nhập trích yếu (tối đa 500 ký tự).")]})
    if not 0 <= meta.pages <= MAX_PAGES:
        raise InvalidInputError(fields={"pages": [_("Số trang không hợp lệ.")]})
    doc_type = DocumentType.objects.filter(code=meta.type_code, is_copy_form=False).first()
    if doc_type is None:
        raise InvalidInputError(fields={"type_code": [_("Loại văn bản không hợp lệ.")]})
    return subject, doc_type


def dossier_upload(
    *, actor: User, dossier: Dossier, fileobj: Readable, filename: str, meta: UploadMeta
) -> DossierItem:
    """Store the file, make it a Document of the agency and file it into the open dossier."""
    ensure_writer(actor, dossier)
    _checked(meta)
    filename = clean_text(filename)[:255] or "tep"
    with transaction.atomic():
        locked_open(dossier)  # refuse before storing anything
    stored: list[Blob] = []
    try:
        with transaction.atomic():
            blob = blob_store_upload(actor=actor, fileobj=fileobj, filename=filename)
            stored.append(blob)
            item = _file(actor=actor, dossier=dossier, blob=blob, filename=filename, meta=meta)
            item.dossier.refresh_from_db()
            return item
    except BaseException:
        # The rows are rolled back: remove an object that no row references any more.
        for blob in stored:
            if not Blob.objects.filter(sha256=blob.sha256).exists():
                key_delete(blob_key(blob.sha256))
        raise


def _file(
    *, actor: User, dossier: Dossier, blob: Blob, filename: str, meta: UploadMeta
) -> DossierItem:
    subject, doc_type = _checked(meta)
    agency = dossier.agency
    document = Document.objects.create(
        owner_agency=agency,
        document_type=doc_type,
        issued_date=meta.issued_date,
        organ_name=agency.name,
        issuing_agency=agency,
        subject=subject,
        subject_folded=fold(subject),
        page_amount=meta.pages,
    )
    Attachment.objects.create(
        document=document, blob=blob, role=AttachmentRole.ORIGINAL, filename=filename
    )
    record(
        action="dossiers.file_uploaded",
        actor=actor,
        target=dossier,
        data={"document": document.pk, "sha256": blob.sha256, "filename": filename},
    )
    return dossier_document_add(
        actor=actor, dossier=dossier, document_id=document.pk, is_draft=meta.is_draft
    )
