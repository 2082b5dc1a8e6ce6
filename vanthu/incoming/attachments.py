"""Files of incoming records: scans of paper documents and electronic originals.

A file is stored as a Blob by the documents kernel (type sniffed from its bytes, never
modified) and attached to the record's Document. A file whose content (SHA-256) is already
attached to an incoming record of the same agency and year is a suspected duplicate, refused
unless confirmed with a reason. A failed request leaves no row and no newly stored object.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.blobs import blob_key, key_delete
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.mediatypes import DOCX, JPEG, PDF, PNG, TIFF, ZIP
from vanthu.documents.models import Attachment, Blob
from vanthu.documents.uploads import blob_store_upload
from vanthu.incoming.duplicates import earlier_with_content, incoming_summary
from vanthu.incoming.enums import Channel
from vanthu.incoming.errors import AttachmentExistsError, DuplicateIncomingError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import is_clerk
from vanthu.incoming.registration import (
    IncomingData,
    registration_commit,
    registration_prepare,
)
from vanthu.incoming.signature_check import schedule_verification
from vanthu.incoming.validation import MAX_LENGTHS

# What may be attached: scans of paper documents, electronic documents (issue 3, Receive).
ALLOWED_TYPES: dict[str, frozenset[str]] = {
    Channel.PAPER: frozenset({PDF, JPEG, PNG, TIFF}),
    Channel.ELECTRONIC: frozenset({PDF, DOCX, ZIP}),
}
# The roles a clerk gives a file; the others (signed, OCR, PDF/A) are made by the system.
CLERK_ROLES = frozenset({AttachmentRole.ORIGINAL, AttachmentRole.APPENDIX})
_DEFAULT_NAME = "tep-dinh-kem"


def ensure_may_attach(actor: User, incoming: IncomingRecord) -> None:
    """Refuse unless ``actor`` is a clerk of the record's agency (or the registering clerk)."""
    if not actor.is_active or actor.agency_id != incoming.agency_id:
        raise PermissionDeniedError
    if not (is_clerk(actor) or incoming.received_by_id == actor.pk):
        raise PermissionDeniedError(_("Chỉ văn thư của cơ quan mới được đính kèm tệp."))
    if incoming.document.owner_agency_id != incoming.agency_id:
        # A delivered document is the issuing agency's, shared by every receiver: unchanged.
        raise PermissionDeniedError(
            _("Văn bản nhận qua liên thông là văn bản của cơ quan gửi; không đính kèm thêm tệp.")
        )


def _role(role: str) -> AttachmentRole:
    if role not in CLERK_ROLES:
        raise InvalidInputError(fields={"role": [_("Giá trị không nằm trong danh sách cho phép.")]})
    return AttachmentRole(role)


def _filename(file: File[bytes]) -> str:
    return clean_text(str(file.name or "").rsplit("/", 1)[-1])[:255] or _DEFAULT_NAME


@contextmanager
def _stored_blobs() -> Iterator[list[Blob]]:
    """Collect the blobs stored in the block; on failure remove the objects no row references."""
    blobs: list[Blob] = []
    try:
        yield blobs
    except BaseException:
        for blob in blobs:
            if not Blob.objects.filter(sha256=blob.sha256).exists():
                key_delete(blob_key(blob.sha256))
        raise


def _attachment_create(
    *, actor: User, incoming: IncomingRecord, blob: Blob, filename: str, role: AttachmentRole
) -> Attachment:
    attachment = Attachment.objects.create(
        document=incoming.document, blob=blob, role=role, filename=filename
    )
    record(
        action="incoming.attachment_added",
        actor=actor,
        target=incoming,
        data={
            "attachment_id": attachment.pk,
            "sha256": blob.sha256,
            "media_type": blob.media_type,
            "role": role.value,
            "filename": filename,
        },
    )
    schedule_verification(attachment=attachment, agency_id=incoming.agency_id)
    return attachment


def incoming_register_with_files(
    *, actor: User, data: IncomingData, files: Sequence[File[bytes]]
) -> IncomingRecord:
    """Store the files and register the document with them as originals, in one transaction.

    Besides the number/notation check of ``incoming_register``, a file already attached to a
    record of the agency this year makes the registration a suspected duplicate.
    """
    prepared = registration_prepare(actor=actor, data=data)
    allowed = ALLOWED_TYPES[data.channel]
    with _stored_blobs() as blobs, sqlite_writer_queue(), transaction.atomic():
        names = []
        for file in files:
            names.append(_filename(file))
            blobs.append(
                blob_store_upload(
                    actor=actor, fileobj=file, filename=names[-1], allowed_types=allowed
                )
            )
        incoming = registration_commit(
            actor=actor, prepared=prepared, content_sha256s=[blob.sha256 for blob in blobs]
        ).incoming
        for blob, name in zip(blobs, names, strict=True):
            _attachment_create(
                actor=actor,
                incoming=incoming,
                blob=blob,
                filename=name,
                role=AttachmentRole.ORIGINAL,
            )
    return incoming


def _check_duplicate(
    *,
    actor: User,
    locked: IncomingRecord,
    blob: Blob,
    confirm_duplicate: bool,
    reason: str,
) -> IncomingRecord | None:
    if locked.document.attachments.filter(blob=blob).exists():
        raise AttachmentExistsError
    earlier = earlier_with_content(
        agency_id=locked.agency_id,
        year=locked.arrival_year,
        sha256s=[blob.sha256],
        exclude_pk=locked.pk,
    )
    if earlier is None:
        return None
    if not confirm_duplicate:
        raise DuplicateIncomingError(earlier=incoming_summary(earlier, actor=actor))
    if not reason:
        raise InvalidInputError(
            fields={"duplicate_reason": [_("Cần nêu lý do khi đăng ký lại văn bản trùng.")]}
        )
    return earlier


def incoming_attach(
    *,
    actor: User,
    incoming: IncomingRecord,
    file: File[bytes],
    role: str = AttachmentRole.ORIGINAL,
    confirm_duplicate: bool = False,
    duplicate_reason: str = "",
) -> Attachment:
    """Store ``file`` and attach it to the record's document (a clerk of the agency)."""
    ensure_may_attach(actor, incoming)
    attachment_role = _role(role)
    reason = clean_text(duplicate_reason)
    if len(reason) > MAX_LENGTHS["duplicate_reason"]:
        raise InvalidInputError(
            fields={
                "duplicate_reason": [
                    _("Không được dài quá %d ký tự.") % MAX_LENGTHS["duplicate_reason"]
                ]
            }
        )
    filename = _filename(file)
    with _stored_blobs() as blobs, sqlite_writer_queue(), transaction.atomic():
        locked = (
            IncomingRecord.objects.select_for_update(of=("self",))
            .select_related("document")
            .get(pk=incoming.pk)
        )
        blob = blob_store_upload(
            actor=actor,
            fileobj=file,
            filename=filename,
            allowed_types=ALLOWED_TYPES[locked.channel],
        )
        blobs.append(blob)
        earlier = _check_duplicate(
            actor=actor,
            locked=locked,
            blob=blob,
            confirm_duplicate=confirm_duplicate,
            reason=reason,
        )
        if earlier is not None and locked.duplicate_of_id is None:
            locked.duplicate_of = earlier
            locked.duplicate_reason = reason
            locked.save(update_fields=["duplicate_of", "duplicate_reason", "updated_at"])
        return _attachment_create(
            actor=actor, incoming=locked, blob=blob, filename=filename, role=attachment_role
        )


def incoming_attachment_download(
    *, actor: User, incoming: IncomingRecord, attachment_id: int
) -> Attachment:
    """Return an attachment of a record the actor sees, and record the download (Annex VI)."""
    attachment = (
        Attachment.objects.filter(pk=attachment_id, document_id=incoming.document_id)
        .select_related("blob")
        .first()
    )
    if attachment is None:
        raise NotFoundError
    record(
        action="incoming.attachment_downloaded",
        actor=actor,
        target=incoming,
        agency_id=incoming.agency_id,
        data={"attachment_id": attachment.pk, "sha256": attachment.blob.sha256},
    )
    return attachment
