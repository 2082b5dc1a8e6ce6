"""Copies (sao y, sao lục, trích sao) numbered in the agency's one copy book (§1.12)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text
from vanthu.documents.enums import RegisterKind
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import DocumentType, RegisterBook
from vanthu.documents.numbering import number_allocate, today_in_vietnam
from vanthu.outgoing.enums import CopyForm, RecordStatus
from vanthu.outgoing.errors import RecordRecalledError, RegisterBookMissingError
from vanthu.outgoing.models import CopyRecord
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import record_get_for


def copy_make(
    *,
    actor: User,
    record_id: int,
    form: CopyForm,
    signer_position: str = "",
    signer_name: str = "",
    recipients: str = "",
    extract_note: str = "",
) -> CopyRecord:
    """Make a numbered copy of an issued document: ``Số: 12/SY-VP`` (the clerk)."""
    ensure(is_clerk(actor), _("Chỉ văn thư mới được sao văn bản."))
    extract_note = clean_text(extract_note)[:500]
    if form == CopyForm.EXTRACT and not extract_note:
        raise InvalidInputError(
            fields={"extract_note": [_("Trích sao cần ghi rõ phần được trích.")]}
        )
    source = record_get_for(actor=actor, pk=record_id)
    if source.status == RecordStatus.RECALLED:
        raise RecordRecalledError
    book = (
        RegisterBook.objects.filter(
            agency_id=source.agency_id, kind=RegisterKind.COPY, is_active=True
        )
        .order_by("pk")
        .first()
    )
    if book is None:
        raise RegisterBookMissingError(_("Cơ quan chưa mở sổ đăng ký bản sao."))
    abbreviation = DocumentType.objects.get(code=form.value).abbreviation
    day = today_in_vietnam()
    with sqlite_writer_queue(), transaction.atomic():
        allocation = number_allocate(book=book, actor=actor, on=day)
        copy = CopyRecord.objects.create(
            agency_id=source.agency_id,
            source=source.document,
            form=form,
            register_book=book,
            allocation=allocation,
            number=allocation.number,
            year=day.year,
            code_notation=f"{abbreviation}-{source.agency.abbreviation}",
            copied_on=day,
            made_by=actor,
            signer_position=clean_text(signer_position)[:100],
            signer_name=clean_text(signer_name)[:50],
            recipients=clean_text(recipients),
            extract_note=extract_note,
        )
        record(
            action="outgoing.copy_made",
            actor=actor,
            target=copy,
            data={"record_id": source.pk, "form": form.value, "number": copy.number},
        )
    return copy
