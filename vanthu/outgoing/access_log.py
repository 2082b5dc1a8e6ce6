"""Audited reads of issued records: opening the page, downloading the file or an attachment.

Annex VI keeps the access history of a record, so these reads are writes to the audit trail.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import NotFoundError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Blob
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.selectors import record_get_for


def outgoing_viewed(*, actor: User, pk: int) -> OutgoingRecord:
    """Return a visible record for its page and record that ``actor`` opened it."""
    outgoing = record_get_for(actor=actor, pk=pk)
    with transaction.atomic():
        record(action="outgoing.viewed", actor=actor, target=outgoing, data={})
    return outgoing


def outgoing_file_opened(*, actor: User, pk: int, kind: str) -> tuple[OutgoingRecord, Blob, str]:
    """Return a visible record's DOCX or PDF with its file name; the download is audited."""
    outgoing = record_get_for(actor=actor, pk=pk)
    blob = outgoing.pdf_blob if kind == "pdf" else outgoing.original_blob
    document = outgoing.document
    name = f"{document.code_number}-{document.code_notation}.{kind}".replace("/", "-")
    with transaction.atomic():
        record(
            action="outgoing.file_downloaded",
            actor=actor,
            target=outgoing,
            data={"kind": kind, "blob_id": blob.pk},
        )
    return outgoing, blob, name


def outgoing_attachment_opened(
    *, actor: User, pk: int, attachment_id: int
) -> tuple[OutgoingRecord, Attachment]:
    """Return a separate attachment (or its signed file) of a visible record; audited."""
    outgoing = record_get_for(actor=actor, pk=pk)
    attachment = (
        Attachment.objects.filter(pk=attachment_id, document_id=outgoing.document_id)
        .filter(Q(role=AttachmentRole.APPENDIX) | Q(derived_from__role=AttachmentRole.APPENDIX))
        .select_related("blob")
        .first()
    )
    if attachment is None:
        raise NotFoundError(_("Không tìm thấy tệp đính kèm của văn bản này."))
    with transaction.atomic():
        record(
            action="outgoing.attachment_opened",
            actor=actor,
            target=outgoing,
            data={"attachment_id": attachment.pk, "blob_id": attachment.blob_id},
        )
    return outgoing, attachment
