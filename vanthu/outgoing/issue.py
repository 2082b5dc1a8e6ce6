"""Issue an approved draft: number, final DOCX and PDF, the Document and its outgoing record.

Everything happens in one transaction under the register book's lock: if rendering or the PDF
conversion fails, the transaction rolls back, so nothing is issued and no number is used (the
series stays gapless). The book therefore stays locked for the conversion (~1.5 s with
LibreOffice); that is acceptable because issuing is rare next to everything else.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypdf import PdfReader

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.dates import date_line
from vanthu.core.errors import ConflictError
from vanthu.documents.enums import AttachmentRole, RegisterKind
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.mediatypes import DOCX
from vanthu.documents.models import Attachment, Document, RegisterBook
from vanthu.documents.numbering import format_number, number_allocate, today_in_vietnam
from vanthu.documents.reference import CONG_VAN_CODE
from vanthu.outgoing.distribution import DistributionInput, distributions_resolve
from vanthu.outgoing.drafting_io import (
    DraftContent,
    blob_bytes,
    docx_to_pdf,
    issue_filename,
    render_docx,
    store_bytes,
    store_pdf,
)
from vanthu.outgoing.enums import DraftStatus, SigningMode, VersionKind
from vanthu.outgoing.errors import (
    DraftAlreadyIssuedError,
    DraftNotApprovedError,
    RegisterBookMissingError,
)
from vanthu.outgoing.models import DraftVersion, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.stamping import stamp_docx
from vanthu.outgoing.tasks import deliver_record
from vanthu.outgoing.transitions import transition


class DraftNeedsDigitalSignatureError(ConflictError):
    code = "draft_needs_digital_signature"
    default_message = gettext_lazy(
        "Dự thảo được duyệt ký số: không phát hành bản giấy; người ký ký số trước, sau đó văn thư "
        "dùng “Ký số cơ quan và phát hành”."
    )


def register_book_for(draft: OutgoingDraft) -> RegisterBook:
    """Return the book a draft is numbered in: secret, advisory body's, or the outgoing book."""
    books = RegisterBook.objects.filter(agency_id=draft.agency_id, is_active=True).order_by("pk")
    if draft.confidentiality > 0:
        book = books.filter(kind=RegisterKind.SECRET_OUTGOING).first()
    else:
        book = (
            books.filter(kind=RegisterKind.ADVISORY, unit_id=draft.unit_id).first()
            or books.filter(kind=RegisterKind.OUTGOING).first()
        )
    if book is None:
        raise RegisterBookMissingError
    return book


def notation_for(*, type_code: str, type_abbreviation: str, issuer: str, unit: str) -> str:
    """Return the code after the number: ``QĐ-UBND``; for a công văn ``UBND-VP`` (§1.6)."""
    if type_code == CONG_VAN_CODE or not type_abbreviation:
        return f"{issuer}-{unit}" if unit else issuer
    return f"{type_abbreviation}-{issuer}"


def _notation(draft: OutgoingDraft, version: DraftVersion, book: RegisterBook) -> str:
    if version.kind == VersionKind.STRUCTURED:
        content = DraftContent.model_validate(version.content)
        issuer, unit = content.issuer_abbreviation, content.unit_abbreviation
    else:
        issuer = book.unit.abbreviation if book.unit else draft.agency.abbreviation
        unit = draft.unit.abbreviation
    return notation_for(
        type_code=draft.document_type.code,
        type_abbreviation=draft.document_type.abbreviation,
        issuer=issuer,
        unit=unit,
    )


def _final_docx(
    *, draft: OutgoingDraft, version: DraftVersion, number: int, notation: str, day: dt.date
) -> bytes:
    if version.kind == VersionKind.STRUCTURED:
        return render_docx(
            DraftContent.model_validate(version.content), number=number, issued_on=day
        )
    assert version.source_blob is not None  # noqa: S101 — a model constraint
    return stamp_docx(
        blob_bytes(version.source_blob),
        number_line=f"Số: {format_number(number)}/{notation}",
        date_line=date_line(draft.agency.place_name, day),
    )


def _signer(draft: OutgoingDraft, version: DraftVersion) -> tuple[str, str, str]:
    """Return the signer's position and name and the recipients text for the metadata."""
    if version.kind == VersionKind.STRUCTURED:
        content = DraftContent.model_validate(version.content)
        return content.signer_position, content.signer_name, "\n".join(content.recipients)
    signer = draft.signer
    return (signer.position_title, signer.full_name, "") if signer else ("", "", "")


def _document_create(
    *,
    draft: OutgoingDraft,
    version: DraftVersion,
    number: int,
    notation: str,
    day: dt.date,
    pages: int,
) -> Document:
    position, name, to_places = _signer(draft, version)
    return Document.objects.create(
        owner_agency_id=draft.agency_id,
        document_type=draft.document_type,
        code_number=format_number(number),
        code_notation=notation,
        issued_date=day,
        organ_name=draft.agency.name,
        issuing_agency_id=draft.agency_id,
        subject=draft.subject,
        signer_position=position[:100],
        signer_name=name[:50],
        page_amount=pages,
        urgency=draft.urgency,
        confidentiality=draft.confidentiality,
        to_places=to_places,
    )


SignedPdfMaker = Callable[[int, str, dt.date], bytes]
"""Signing hook: given (number, notation, date) return the signed PDF to issue instead of the
converted one (``signing_flow``: fill the number/date fields and add the agency signature)."""


def draft_issue(
    *,
    actor: User,
    draft_id: int,
    distribution: Sequence[DistributionInput] = (),
    copies: int | None = None,
    signed_pdf: SignedPdfMaker | None = None,
) -> OutgoingRecord:
    """Number, register and issue an approved draft (the clerk), then deliver it after commit.

    With ``signed_pdf`` the issued PDF is the one it returns (digitally signed, role SIGNED); it
    runs inside the transaction, so a signing failure leaves no number used.
    """
    ensure(is_clerk(actor), _("Chỉ văn thư mới được cấp số và phát hành văn bản."))
    rows = distributions_resolve(distribution, agency_id=actor.agency_id or 0)
    with sqlite_writer_queue(), transaction.atomic():
        draft = draft_get_for(actor=actor, pk=draft_id, lock=True)
        if draft.status == DraftStatus.ISSUED:
            raise DraftAlreadyIssuedError
        if draft.status != DraftStatus.APPROVED or draft.approved_version is None:
            raise DraftNotApprovedError
        if draft.signing_mode == SigningMode.DIGITAL and signed_pdf is None:
            raise DraftNeedsDigitalSignatureError
        version = draft.approved_version
        book = register_book_for(draft)
        day = today_in_vietnam()
        allocation = number_allocate(book=book, actor=actor, on=day)
        number = allocation.number
        notation = _notation(draft, version, book)
        # Rendering and converting while the book is locked (see the module docstring).
        final = _final_docx(draft=draft, version=version, number=number, notation=notation, day=day)
        pdf = docx_to_pdf(final) if signed_pdf is None else signed_pdf(number, notation, day)
        docx_blob = store_bytes(
            actor=actor,
            data=final,
            media_type=DOCX,
            filename=issue_filename(number=number, notation=notation, day=day, suffix="docx"),
        )
        pdf_blob = store_pdf(
            actor=actor,
            data=pdf,
            filename=issue_filename(number=number, notation=notation, day=day, suffix="pdf"),
        )
        document = _document_create(
            draft=draft,
            version=version,
            number=number,
            notation=notation,
            day=day,
            pages=len(PdfReader(io.BytesIO(pdf)).pages),
        )
        original = Attachment.objects.create(
            document=document,
            blob=docx_blob,
            role=AttachmentRole.ORIGINAL,
            filename=issue_filename(number=number, notation=notation, day=day, suffix="docx"),
        )
        Attachment.objects.create(
            document=document,
            blob=pdf_blob,
            role=AttachmentRole.PDFA if signed_pdf is None else AttachmentRole.SIGNED,
            filename=issue_filename(number=number, notation=notation, day=day, suffix="pdf"),
            derived_from=original,
        )
        outgoing = OutgoingRecord.objects.create(
            agency_id=draft.agency_id,
            draft=draft,
            document=document,
            register_book=book,
            allocation=allocation,
            number=number,
            year=day.year,
            issued_date=day,
            issued_by=actor,
            original_blob=docx_blob,
            pdf_blob=pdf_blob,
            copies=copies,
        )
        for row in rows:
            row.record = outgoing
            row.save(force_insert=True)
        transition(draft, DraftStatus.ISSUED)
        record(
            action="outgoing.issued",
            actor=actor,
            target=outgoing,
            data={
                "draft_id": draft.pk,
                "book_id": book.pk,
                "number": number,
                "notation": notation,
                "year": day.year,
                "recipients": len(rows),
            },
        )
        if rows:
            transaction.on_commit(
                partial(deliver_record.enqueue, record_id=outgoing.pk, actor_id=actor.pk)
            )
    return outgoing
