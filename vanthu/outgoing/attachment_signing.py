"""Attachments in separate files (Decree 30 Annex I §II.8.b): the agency's image-less signature.

A separate attachment (PDF) of an issued document gets the agency signature with no image at
the top right of page 1 showing ``Số 12/QĐ-SNV; dd/mm/yyyy; hh:mm:ss +07:00`` (Liberation
Serif 10 pt). The signed file is a NEW attachment (role "signed") derived from the original,
which is never rewritten.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import ConflictError, NotFoundError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment
from vanthu.outgoing.copy_signing import PDF, ensure_fillable, tsa_url
from vanthu.outgoing.drafting_io import blob_bytes, store_pdf
from vanthu.outgoing.enums import RecordStatus
from vanthu.outgoing.errors import RecordRecalledError
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import record_get_for
from vanthu.signing.certificates import check_usable, provider_for
from vanthu.signing.selectors import certificate_active_for
from vanthu.signing.sign import Level, pdf_sign
from vanthu.signing.stamps import attachment_text, corner_text_appearance

ATTACHMENT_FIELD = "ChuKyPhuLuc"


class AttachmentAlreadySignedError(ConflictError):
    code = "attachment_already_signed"
    default_message = gettext_lazy("Tệp đính kèm này đã được ký số.")


def appendix_get(document_id: int, attachment_id: int) -> Attachment:
    """Return the separate PDF attachment (appendix) of a document; NotFoundError otherwise."""
    attachment = (
        Attachment.objects.filter(
            pk=attachment_id,
            document_id=document_id,
            role=AttachmentRole.APPENDIX,
            blob__media_type=PDF,
        )
        .select_related("blob")
        .first()
    )
    if attachment is None:
        raise NotFoundError(_("Không tìm thấy tệp đính kèm PDF của văn bản này."))
    return attachment


def _already_signed(attachment: Attachment) -> bool:
    return Attachment.objects.filter(derived_from=attachment, role=AttachmentRole.SIGNED).exists()


def attachment_sign(*, actor: User, record_id: int, attachment_id: int, pin: str) -> Attachment:
    """Sign a separate attachment of an issued document for the agency; return the new file."""
    ensure(is_clerk(actor), _("Chỉ văn thư mới được ký số tệp đính kèm."))
    outgoing = record_get_for(actor=actor, pk=record_id)
    if outgoing.status == RecordStatus.RECALLED:
        raise RecordRecalledError
    original = appendix_get(outgoing.document_id, attachment_id)
    if _already_signed(original):
        raise AttachmentAlreadySignedError
    seal = certificate_active_for(agency_id=outgoing.agency_id, user=None)
    check_usable(seal)
    pdf = blob_bytes(original.blob)
    ensure_fillable(pdf, ATTACHMENT_FIELD)
    document = outgoing.document
    text = attachment_text(
        number_code=f"{document.code_number}/{document.code_notation}", moment=timezone.now()
    )
    tsa = tsa_url()
    signed = pdf_sign(
        pdf=pdf,
        provider=provider_for(seal),
        pin=pin,
        appearance=corner_text_appearance(field_name=ATTACHMENT_FIELD, text=text, pdf=pdf),
        level=Level.B_T if tsa else Level.B_B,
        tsa_url=tsa,
    )
    with transaction.atomic():
        original = Attachment.objects.select_for_update().get(pk=original.pk)
        if _already_signed(original):
            raise AttachmentAlreadySignedError
        stem = original.filename.rsplit(".", 1)[0] or "dinh-kem"
        blob = store_pdf(actor=actor, data=signed, filename=f"{stem}-da-ky.pdf")
        made = Attachment.objects.create(
            document_id=original.document_id,
            blob=blob,
            role=AttachmentRole.SIGNED,
            filename=f"{stem}-da-ky.pdf",
            derived_from=original,
        )
        record(
            action="outgoing.attachment_signed",
            actor=actor,
            target=outgoing,
            data={
                "attachment_id": original.pk,
                "signed_attachment_id": made.pk,
                "certificate": seal.fingerprint_sha256,
                "text": text,
            },
        )
    return made
