"""The electronic copy (sao y điện tử, §1.12): the copy block signed by the agency on page 1.

The clerk takes the source document's PDF (the signed file of an issued document, or the PDF of
a received one the clerk may see) and adds the agency's image-less signature at the top right
of page 1 showing ``SAO Y; <agency>; <time>`` (``SAO LỤC`` / ``TRÍCH SAO`` for the other forms)
in Liberation Serif 10 pt. pyHanko appends one revision: the source bytes stay a prefix of the
copy. A wrong PIN, an expired or untrusted certificate raise before anything is stored.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.audit.services import record
from vanthu.core.errors import ConflictError, NotFoundError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Blob, Document
from vanthu.outgoing.drafting_io import blob_bytes, store_pdf
from vanthu.outgoing.enums import CopyForm
from vanthu.outgoing.models import CopyRecord
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.signing.certificates import check_usable, provider_for
from vanthu.signing.selectors import certificate_active_for
from vanthu.signing.sign import Level, pdf_sign
from vanthu.signing.stamps import copy_text, corner_text_appearance

COPY_FIELD = "ChuKyBanSao"
PDF = "application/pdf"
COPY_HEADINGS = {
    CopyForm.TRUE_COPY: "SAO Y",
    CopyForm.RE_COPY: "SAO LỤC",
    CopyForm.EXTRACT: "TRÍCH SAO",
}
_SOURCE_ROLES = (AttachmentRole.SIGNED, AttachmentRole.PDFA, AttachmentRole.ORIGINAL)


class CopyAlreadySignedError(ConflictError):
    code = "copy_already_signed"
    default_message = gettext_lazy("Bản sao này đã được ký số.")


class CopySourceMissingError(ConflictError):
    code = "copy_source_missing"
    default_message = gettext_lazy("Văn bản được sao không có tệp PDF để làm bản sao điện tử.")


class SourceFieldLockedError(ConflictError):
    code = "copy_source_locked"
    default_message = gettext_lazy(
        "Một chữ ký số trên văn bản gốc khóa mọi trường ký sau nó: thêm chữ ký bản sao sẽ làm "
        "chữ ký đó không còn hợp lệ, nên không ký số được."
    )


def ensure_fillable(pdf: bytes, field_name: str) -> None:
    """Refuse when a signature already in ``pdf`` locks ``field_name`` (FieldMDP).

    Adding the field anyway would leave that signature reported as modified.
    """
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError):
        return  # not readable as signed: ``pdf_sign`` reports the PDF itself
    for signature in signatures:
        lock = signature.fieldmdp
        if lock is not None and lock.is_locked(field_name):
            raise SourceFieldLockedError


def tsa_url() -> str | None:
    return str(getattr(settings, "VANTHU_SIGNING_TSA_URL", "")) or None


def source_pdf(document: Document) -> bytes:
    """Return the PDF of ``document`` itself (signed, else PDF/A, else a PDF original)."""
    files = (
        Attachment.objects.filter(document=document, role__in=_SOURCE_ROLES, blob__media_type=PDF)
        .exclude(derived_from__role=AttachmentRole.APPENDIX)
        .select_related("blob")
    )
    by_role = {item.role: item for item in files.order_by("pk")}
    for role in _SOURCE_ROLES:
        if role in by_role:
            return blob_bytes(by_role[role].blob)
    raise CopySourceMissingError


def _copy_get_for(actor: User, copy_id: int, *, lock: bool = False) -> CopyRecord:
    if actor.agency_id is None:
        raise NotFoundError
    rows = CopyRecord.objects.filter(pk=copy_id, agency_id=actor.agency_id)
    if lock:
        rows = rows.select_for_update()
    copy = rows.select_related("source", "agency").first()
    if copy is None or not can_see_confidentiality(actor, copy.source.confidentiality):
        raise NotFoundError
    return copy


def copy_sign(*, actor: User, copy_id: int, pin: str) -> CopyRecord:
    """Make the electronic copy of a numbered copy: the copy block signed by the agency."""
    ensure(is_clerk(actor), _("Chỉ văn thư mới được ký số bản sao."))
    copy = _copy_get_for(actor, copy_id)
    if copy.signed_pdf_id is not None:
        raise CopyAlreadySignedError
    seal = certificate_active_for(agency_id=copy.agency_id, user=None)
    check_usable(seal)
    pdf = source_pdf(copy.source)
    ensure_fillable(pdf, COPY_FIELD)
    moment = timezone.now()
    text = copy_text(
        form=COPY_HEADINGS[CopyForm(copy.form)], agency=copy.agency.name, moment=moment
    )
    tsa = tsa_url()
    signed = pdf_sign(
        pdf=pdf,
        provider=provider_for(seal),
        pin=pin,
        appearance=corner_text_appearance(field_name=COPY_FIELD, text=text, pdf=pdf),
        level=Level.B_T if tsa else Level.B_B,
        tsa_url=tsa,
    )
    with transaction.atomic():
        copy = _copy_get_for(actor, copy_id, lock=True)
        if copy.signed_pdf_id is not None:
            raise CopyAlreadySignedError
        copy.signed_pdf = store_pdf(
            actor=actor, data=signed, filename=f"ban-sao-{copy.number}-{copy.year}.pdf"
        )
        copy.save(update_fields=["signed_pdf", "updated_at"])
        record(
            action="outgoing.copy_signed",
            actor=actor,
            target=copy,
            data={"certificate": seal.fingerprint_sha256, "text": text},
        )
    return copy


def copy_signed_file(*, actor: User, copy_id: int) -> tuple[CopyRecord, Blob]:
    """Return a visible copy and its signed file for download (audited)."""
    copy = _copy_get_for(actor, copy_id)
    if copy.signed_pdf is None:
        raise NotFoundError(_("Bản sao này chưa được ký số."))
    record(action="outgoing.copy_file_opened", actor=actor, target=copy, data={})
    return copy, copy.signed_pdf
