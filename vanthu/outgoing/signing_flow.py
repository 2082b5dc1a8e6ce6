"""The "Ký số" step of outgoing documents (Decree 30 Annex I §II.7–8, Circular 01/2019 Art. 11).

Order: the leader signs first, the number and date are inserted at the agency signature, and
nothing may change after a signature. So:

1. the assigned signer signs the approved version rendered WITHOUT number and date; the same
   revision lays two empty text fields over the blanks of the "Số:" line and the date line
   (an approval signature with a FieldMDP lock: only those two fields and the agency's
   signature field may be filled later; any other change breaks it);
2. the clerk's step, inside ``draft_issue``'s transaction (register book locked), allocates the
   number and date, fills the two fields and adds the agency signature with the seal in ONE
   incremental update, then issues. pyHanko reports the first signature's later change as
   "form filling" and both signatures valid; poppler's pdfsig shows both valid and trusted.

Any failure (wrong PIN, expired certificate, TSA down) raises before anything is saved: the
leader's step stores nothing, the clerk's step rolls back the issue and no number is used.
``signature_state`` follows the steps (digital_pending → leader_signed → digital_signed); the
pages and queues read it through ``signature_steps``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.dates import date_line
from vanthu.core.errors import ConflictError, PermissionDeniedError
from vanthu.documents.numbering import format_number
from vanthu.outgoing.copy_signing import COPY_FIELD
from vanthu.outgoing.distribution import DistributionInput
from vanthu.outgoing.drafting_io import (
    DraftContent,
    blob_bytes,
    docx_to_pdf,
    render_docx,
    store_pdf,
)
from vanthu.outgoing.enums import DraftStatus, SignatureState, SigningMode, VersionKind
from vanthu.outgoing.issue import draft_issue
from vanthu.outgoing.models import OutgoingDraft, OutgoingRecord
from vanthu.outgoing.permissions import is_clerk
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.signature_steps import waits_for_agency, waits_for_signer
from vanthu.outgoing.signing_layout import (
    DATE_FIELD,
    NUMBER_FIELD,
    SigningLayout,
    signing_layout,
)
from vanthu.signing.certificates import check_usable, image_of, provider_for, validation_context
from vanthu.signing.formfields import text_fields_add, text_fields_fill
from vanthu.signing.models import Certificate
from vanthu.signing.selectors import certificate_active_for
from vanthu.signing.sign import Appearance, Box, FieldLock, Level, pdf_sign
from vanthu.signing.stamps import image_style, seal_box, signer_box
from vanthu.signing.tasks import verify_blob

SIGNER_FIELD = "ChuKyNguoiKy"
AGENCY_FIELD = "ChuKyCoQuan"
_DEFAULT_SIGNATURE_MM = (Decimal(40), Decimal(18))
_DEFAULT_SEAL_MM = Decimal(36)


class DraftNotDigitalError(ConflictError):
    code = "draft_not_digital"
    default_message = gettext_lazy("Dự thảo này được duyệt ký trên giấy, không ký số.")


class DraftSignStateError(ConflictError):
    code = "draft_sign_state"
    default_message = gettext_lazy(
        "Dự thảo chưa đến bước ký số này (người ký ký trước, văn thư ký số cơ quan sau)."
    )


@dataclass(frozen=True)
class SignOutcome:
    """What a "Ký số" did: the signer's signature, or the agency's (and the issued record)."""

    draft: OutgoingDraft
    step: str
    record: OutgoingRecord | None = None


def _tsa_url() -> str | None:
    return str(getattr(settings, "VANTHU_SIGNING_TSA_URL", "")) or None


def _signer_texts(draft: OutgoingDraft) -> tuple[str, str, str]:
    """Return the position line, the signer's name and the place name of the approved version."""
    version = draft.approved_version
    if version is not None and version.kind == VersionKind.STRUCTURED:
        content = DraftContent.model_validate(version.content)
        return content.signer_position, content.signer_name, content.place_name
    signer = draft.signer
    if signer is None:
        return "", "", draft.agency.place_name
    return signer.position_title, signer.full_name, draft.agency.place_name


def _unnumbered_pdf(draft: OutgoingDraft) -> bytes:
    version = draft.approved_version
    assert version is not None  # noqa: S101 - checked by the caller
    if version.kind == VersionKind.STRUCTURED:
        return docx_to_pdf(render_docx(DraftContent.model_validate(version.content)))
    assert version.source_blob is not None  # noqa: S101 - a model constraint
    return docx_to_pdf(blob_bytes(version.source_blob))


def _layout(draft: OutgoingDraft, pdf: bytes) -> SigningLayout:
    position, name, _place = _signer_texts(draft)
    return signing_layout(pdf, position=position, name=name)


def _signer_box(layout: SigningLayout, certificate: Certificate | None) -> Box | None:
    if layout.block is None:
        return None
    width, height = _DEFAULT_SIGNATURE_MM
    if certificate is not None and certificate.image_width_mm and certificate.image_height_mm:
        width, height = certificate.image_width_mm, certificate.image_height_mm
    return signer_box(layout.block, width_mm=float(width), height_mm=float(height))


def _image_appearance(field: str, box: Box | None, png: bytes | None) -> Appearance:
    if box is None or png is None:
        return Appearance(field)
    return Appearance(field, page=-1, box=box, style=image_style(png))


def _check_signer_step(actor: User, draft: OutgoingDraft) -> None:
    if draft.signing_mode != SigningMode.DIGITAL:
        raise DraftNotDigitalError
    if draft.status != DraftStatus.APPROVED or draft.approved_version is None:
        raise DraftSignStateError
    if draft.signer_id != actor.pk:
        raise PermissionDeniedError(_("Chỉ người được giao ký văn bản mới ký số được."))
    if not waits_for_signer(draft):  # signed already
        raise DraftSignStateError


def draft_sign_as_signer(*, actor: User, draft_id: int, pin: str) -> OutgoingDraft:
    """Sign the approved version as its assigned signer (image between position and name)."""
    draft = draft_get_for(actor=actor, pk=draft_id)
    _check_signer_step(actor, draft)
    certificate = certificate_active_for(agency_id=draft.agency_id, user=actor)
    check_usable(certificate)
    pdf = _unnumbered_pdf(draft)
    layout = _layout(draft, pdf)
    tsa = _tsa_url()
    signed = pdf_sign(
        pdf=pdf,
        provider=provider_for(certificate),
        pin=pin,
        appearance=_image_appearance(
            SIGNER_FIELD, _signer_box(layout, certificate), image_of(certificate)
        ),
        level=Level.B_T if tsa else Level.B_B,
        tsa_url=tsa,
        # The agency signature and a later electronic copy (sao y) stay possible.
        lock=FieldLock(
            fillable=(*(field.name for field in layout.fields), AGENCY_FIELD, COPY_FIELD)
        ),
        prepare=[text_fields_add(layout.fields)],
    )
    with transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        _check_signer_step(actor, draft)
        draft.signer_signed_pdf = store_pdf(
            actor=actor, data=signed, filename=f"du-thao-{draft.pk}-da-ky.pdf"
        )
        draft.signature_state = SignatureState.LEADER_SIGNED
        draft.save(update_fields=["signer_signed_pdf", "signature_state", "updated_at"])
        record(
            action="outgoing.draft_signed",
            actor=actor,
            target=draft,
            data={"certificate": certificate.fingerprint_sha256, "fields": len(layout.fields)},
        )
    return draft


def draft_sign_as_agency(
    *,
    actor: User,
    draft_id: int,
    pin: str,
    distribution: Sequence[DistributionInput] = (),
    copies: int | None = None,
) -> OutgoingRecord:
    """Apply the agency signature: number and date filled in, seal image, then issue."""
    if not is_clerk(actor):
        raise PermissionDeniedError(_("Chỉ văn thư mới được ký số của cơ quan."))
    draft = draft_get_for(actor=actor, pk=draft_id)
    if draft.signing_mode != SigningMode.DIGITAL:
        raise DraftNotDigitalError
    if not waits_for_agency(draft) or draft.signer_signed_pdf is None:
        raise DraftSignStateError
    seal = certificate_active_for(agency_id=draft.agency_id, user=None)
    check_usable(seal)
    signed_by_leader = blob_bytes(draft.signer_signed_pdf)
    layout = _layout(draft, signed_by_leader)
    leader_box = _signer_box(layout, _leader_certificate(draft))
    _position, _name, place = _signer_texts(draft)
    tsa = _tsa_url()

    def sign_numbered(number: int, notation: str, day: dt.date) -> bytes:
        """Run inside ``draft_issue``'s transaction, the book locked and the number allocated."""
        values = {
            NUMBER_FIELD: f"{_('Số')}: {format_number(number)}/{notation}",
            DATE_FIELD: date_line(place, day),
        }
        present = {field.name for field in layout.fields}
        # The draft is locked by ``draft_issue``, which saves only its status afterwards.
        OutgoingDraft.objects.filter(pk=draft.pk).update(
            signature_state=SignatureState.DIGITAL_SIGNED
        )
        record(
            action="outgoing.agency_signed",
            actor=actor,
            target=draft,
            data={"certificate": seal.fingerprint_sha256, "number": number},
        )
        return pdf_sign(
            pdf=signed_by_leader,
            provider=provider_for(seal),
            pin=pin,
            appearance=_image_appearance(AGENCY_FIELD, _seal(leader_box, seal), image_of(seal)),
            level=Level.B_LT if tsa else Level.B_B,
            tsa_url=tsa,
            validation_context=validation_context(agency_id=draft.agency_id) if tsa else None,
            prepare=[text_fields_fill({k: v for k, v in values.items() if k in present})],
        )

    issued = draft_issue(
        actor=actor,
        draft_id=draft_id,
        distribution=distribution,
        copies=copies,
        signed_pdf=sign_numbered,
    )
    _verify_for_sender(issued)
    return issued


def _verify_for_sender(issued: OutgoingRecord) -> None:
    """After commit, check the signed PDF for the issuing agency too (its record page's badge).

    The receiving agencies check it when they accept it.
    """
    blob_sha256, document_id, agency_id = (
        issued.pdf_blob.sha256,
        issued.document_id,
        issued.agency_id,
    )
    transaction.on_commit(
        lambda: verify_blob.enqueue(
            blob_sha256=blob_sha256, document_id=document_id, agency_id=agency_id
        )
    )


def _leader_certificate(draft: OutgoingDraft) -> Certificate | None:
    if draft.signer is None:
        return None
    return (
        Certificate.objects.filter(agency_id=draft.agency_id, user=draft.signer, active=True)
        .order_by("-not_after", "-pk")
        .first()
    )


def _seal(leader_box: Box | None, seal: Certificate) -> Box | None:
    if leader_box is None:
        return None
    width = float(seal.image_width_mm or _DEFAULT_SEAL_MM)
    height = float(seal.image_height_mm or seal.image_width_mm or _DEFAULT_SEAL_MM)
    return seal_box(leader_box, diameter_mm=width, height_mm=height)


def draft_sign(
    *,
    actor: User,
    draft_id: int,
    pin: str,
    distribution: Sequence[DistributionInput] = (),
    copies: int | None = None,
) -> SignOutcome:
    """Role-dependent "Ký số": the assigned signer signs first, then the clerk for the agency."""
    draft = draft_get_for(actor=actor, pk=draft_id)
    if draft.signer_id == actor.pk and not waits_for_agency(draft):
        return SignOutcome(draft_sign_as_signer(actor=actor, draft_id=draft_id, pin=pin), "signer")
    issued = draft_sign_as_agency(
        actor=actor, draft_id=draft_id, pin=pin, distribution=distribution, copies=copies
    )
    draft.refresh_from_db()
    return SignOutcome(draft, "agency", issued)
