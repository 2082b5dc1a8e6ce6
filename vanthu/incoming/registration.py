"""Registering an incoming document (đăng ký văn bản đến, Decree 30 Art. 22; Annex VI).

The arrival number is allocated in the registering transaction, from the agency's incoming
register book (its secret book for a confidential document), so a failed registration uses
no number. A suspected duplicate is refused unless the clerk confirms it with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text, fold
from vanthu.documents.enums import Confidentiality, Language, RegisterKind, Urgency
from vanthu.documents.locks import sqlite_writer_queue
from vanthu.documents.models import Document, DocumentType, RegisterBook
from vanthu.documents.numbering import (
    allocation_audit_data,
    format_number,
    number_take,
    today_in_vietnam,
)
from vanthu.incoming.duplicates import (
    earlier_registration,
    earlier_with_content,
    incoming_summary,
)
from vanthu.incoming.enums import URGENCY_RANK, Channel, IncomingStatus
from vanthu.incoming.errors import DuplicateIncomingError, RegisterBookMissingError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import ensure_clerk
from vanthu.incoming.routing import routing_apply
from vanthu.incoming.type_cache import document_type_by_code, type_abbreviations
from vanthu.incoming.validation import (
    Errors,
    check_dates,
    check_page_amount,
    check_texts,
    notation_problem,
)
from vanthu.workflow.enums import TraceAction
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.services import trace_audit_data, trace_entry_add

_TEXT_FIELDS = (
    "code_number",
    "code_notation",
    "organ_name",
    "subject",
    "signer_position",
    "signer_full_name",
    "to_places",
    "description",
    "duplicate_reason",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomingData:
    """The Annex VI fields a clerk enters; the system fills the rest."""

    type_code: str
    issued_date: dt.date
    organ_name: str
    subject: str
    code_number: str = ""
    code_notation: str = ""
    signer_position: str = ""
    signer_full_name: str = ""
    language: str = Language.VI
    page_amount: int = 1
    urgency: str = Urgency.NORMAL
    confidentiality: int = Confidentiality.NORMAL
    to_places: str = ""
    description: str = ""
    due_date: dt.date | None = None
    channel: str = Channel.PAPER
    register_book_id: int | None = None
    confirm_duplicate: bool = False
    duplicate_reason: str = ""


def _cleaned(data: IncomingData) -> dict[str, str]:
    return {field: clean_text(getattr(data, field)) for field in _TEXT_FIELDS}


def _check_choices(data: IncomingData, errors: Errors) -> None:
    choices = (
        ("language", data.language, Language.values),
        ("urgency", data.urgency, Urgency.values),
        ("confidentiality", data.confidentiality, Confidentiality.values),
        ("channel", data.channel, Channel.values),
    )
    for field, value, allowed in choices:
        if value not in allowed:
            errors.setdefault(field, []).append(_("Giá trị không nằm trong danh sách cho phép."))


def _document_type(code: str, errors: Errors) -> DocumentType | None:
    document_type = document_type_by_code(code)
    if document_type is None:
        errors.setdefault("type_code", []).append(_("Không có loại văn bản với mã này."))
    return document_type


def _check_notation(notation: str, document_type: DocumentType | None, errors: Errors) -> None:
    if not notation or document_type is None:
        return
    problem = notation_problem(
        notation, document_type=document_type, type_abbreviations=type_abbreviations()
    )
    if problem:
        errors.setdefault("code_notation", []).append(problem)


def _validate(data: IncomingData, texts: dict[str, str], *, arrival_date: dt.date) -> DocumentType:
    errors: Errors = {}
    check_texts(texts, errors)
    check_page_amount(data.page_amount, errors)
    _check_choices(data, errors)
    check_dates(
        issued_date=data.issued_date,
        arrival_date=arrival_date,
        today=today_in_vietnam(),
        due_date=data.due_date,
        errors=errors,
    )
    document_type = _document_type(data.type_code, errors)
    _check_notation(texts["code_notation"], document_type, errors)
    if data.confirm_duplicate and not texts["duplicate_reason"]:
        errors.setdefault("duplicate_reason", []).append(
            _("Cần nêu lý do khi đăng ký lại văn bản trùng.")
        )
    if errors or document_type is None:
        raise InvalidInputError(fields=errors)
    return document_type


# Read on every registration: written out (building the ORM query costs far more than running
# it). The first active book of the kind, or the one asked for if it is such a book.
_BOOK_SQL = (
    "SELECT * FROM documents_registerbook WHERE agency_id = %s AND kind = %s AND is_active"
    " ORDER BY id LIMIT 1"
)
_BOOK_BY_ID_SQL = _BOOK_SQL.replace(" ORDER BY", " AND id = %s ORDER BY")


def register_book_for(
    *, agency: Agency, confidentiality: int, register_book_id: int | None = None
) -> RegisterBook:
    """Return the active incoming book (the secret one for a confidential document) to use."""
    kind = RegisterKind.SECRET_INCOMING if confidentiality else RegisterKind.INCOMING
    sql, params = _BOOK_SQL, [agency.pk, kind.value]
    if register_book_id is not None:
        sql, params = _BOOK_BY_ID_SQL, [*params, register_book_id]
    book = next(iter(RegisterBook.objects.raw(sql, params)), None)
    if book is None:
        field = "register_book_id" if register_book_id is not None else "confidentiality"
        raise RegisterBookMissingError(
            fields={field: [str(RegisterBookMissingError.default_message)]}
        )
    book.agency = agency  # the caller's instance: no second read of the agency
    return book


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration:
    """A record just registered, with what was written beside it (no need to read it back)."""

    incoming: IncomingRecord
    trace: list[TraceEntry]
    assignments: list[Assignment]


@dataclass(frozen=True, slots=True, kw_only=True)
class PreparedRegistration:
    """A registration checked outside the transaction, ready to be committed."""

    data: IncomingData
    agency: Agency
    arrival_date: dt.date
    texts: dict[str, str]
    document_type: DocumentType
    book: RegisterBook


def registration_prepare(
    *, actor: User, data: IncomingData, on: dt.date | None = None
) -> PreparedRegistration:
    """Check who registers and what (all Annex VI rules); refuse with every field's problem.

    ``on`` is the arrival date (default: today in Vietnam; never in the future).
    """
    agency = ensure_clerk(actor)
    arrival_date = on or today_in_vietnam()
    if arrival_date > today_in_vietnam():
        raise InvalidInputError(fields={"arrival_date": [_("Ngày đến không được sau hôm nay.")]})
    texts = _cleaned(data)
    document_type = _validate(data, texts, arrival_date=arrival_date)
    if not can_see_confidentiality(actor, data.confidentiality):
        raise PermissionDeniedError(_("Bạn không được phép vào sổ văn bản ở độ mật này."))
    book = register_book_for(
        agency=agency,
        confidentiality=data.confidentiality,
        register_book_id=data.register_book_id,
    )
    return PreparedRegistration(
        data=data,
        agency=agency,
        arrival_date=arrival_date,
        texts=texts,
        document_type=document_type,
        book=book,
    )


def registration_commit(
    *, actor: User, prepared: PreparedRegistration, content_sha256s: Collection[str] = ()
) -> Registration:
    """Create the Document and its registration (inside the caller's transaction).

    The same number, notation and issuer in the year, or a file of the same content already
    registered this year, is a suspected duplicate: refused unless confirmed with a reason.
    """
    data, texts, agency = prepared.data, prepared.texts, prepared.agency
    earlier = earlier_registration(
        agency_id=agency.pk, texts=texts, issued_date=data.issued_date
    ) or earlier_with_content(
        agency_id=agency.pk, year=prepared.arrival_date.year, sha256s=content_sha256s
    )
    if earlier is not None and not data.confirm_duplicate:
        raise DuplicateIncomingError(earlier=incoming_summary(earlier, actor=actor))
    document = Document.objects.create(
        owner_agency=agency,
        document_type=prepared.document_type,
        code_number=texts["code_number"],
        code_notation=texts["code_notation"],
        issued_date=data.issued_date,
        organ_name=texts["organ_name"],
        subject=texts["subject"],
        subject_folded=fold(texts["subject"])[:500],
        signer_position=texts["signer_position"],
        signer_name=texts["signer_full_name"],
        language=data.language,
        page_amount=data.page_amount,
        urgency=data.urgency,
        confidentiality=data.confidentiality,
        to_places=texts["to_places"],
        description=texts["description"],
    )
    return record_create(
        actor=actor,
        document=document,
        book=prepared.book,
        arrival_date=prepared.arrival_date,
        channel=Channel(data.channel),
        due_date=data.due_date,
        duplicate_of=earlier,
        duplicate_reason=texts["duplicate_reason"] if earlier is not None else "",
    )


def record_create(
    *,
    actor: User,
    document: Document,
    book: RegisterBook,
    arrival_date: dt.date,
    channel: Channel,
    due_date: dt.date | None = None,
    duplicate_of: IncomingRecord | None = None,
    duplicate_reason: str = "",
    audit_data: dict[str, Any] | None = None,
) -> Registration:
    """Register ``document`` in ``book`` with the next arrival number (in the caller's
    transaction), trace it, and route it when the agency's rule says so.

    One audit event, ``incoming.registered``, tells all of it: the record, the number taken
    (``allocation_*``) and the trace entry written (``trace_*``).
    """
    agency = book.agency
    allocation = number_take(book=book, actor=actor, on=arrival_date)
    incoming = IncomingRecord.objects.create(
        document=document,
        agency=agency,
        register_book=book,
        allocation=allocation,
        arrival_number=allocation.number,
        arrival_year=allocation.year,
        arrival_date=arrival_date,
        channel=channel,
        received_by=actor,
        due_date=due_date,
        organ_folded=fold(document.organ_name)[:200],
        duplicate_of=duplicate_of,
        duplicate_reason=duplicate_reason,
        urgency_rank=URGENCY_RANK[document.urgency],
    )
    entry = trace_entry_add(
        actor=actor,
        document=document,
        agency=agency,
        action=TraceAction.REGISTERED,
        status=IncomingStatus.REGISTERED,
        text=_("Vào sổ %(book)s, số đến %(number)s")
        % {"book": book.name, "number": format_number(allocation.number)},
    )
    record(
        action="incoming.registered",
        actor=actor,
        target=incoming,
        data={
            "document_id": document.pk,
            "register_book_id": book.pk,
            "arrival_year": allocation.year,
            "arrival_number": allocation.number,
            "duplicate_of": duplicate_of.pk if duplicate_of is not None else None,
            "allocation_id": allocation.pk,
            **{
                f"allocation_{key}": value
                for key, value in allocation_audit_data(allocation).items()
            },
            **{f"trace_{key}": value for key, value in trace_audit_data(entry).items()},
            **(audit_data or {}),
        },
    )
    routed = routing_apply(actor=actor, incoming=incoming)
    if routed is None:
        return Registration(incoming=incoming, trace=[entry], assignments=[])
    return Registration(
        incoming=incoming, trace=[entry, routed.trace_entry], assignments=routed.assignments
    )


def registration_run(*, actor: User, data: IncomingData, on: dt.date | None = None) -> Registration:
    """Register like ``incoming_register``; return the record with its trace and assignments."""
    prepared = registration_prepare(actor=actor, data=data, on=on)
    with sqlite_writer_queue(), transaction.atomic():
        return registration_commit(actor=actor, prepared=prepared)


def incoming_register(
    *, actor: User, data: IncomingData, on: dt.date | None = None
) -> IncomingRecord:
    """Register an incoming document in the actor's agency and give it its arrival number.

    ``on`` is the arrival date (default: today in Vietnam; never in the future).
    """
    return registration_run(actor=actor, data=data, on=on).incoming
