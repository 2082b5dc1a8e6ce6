"""The assignee's steps: start handling, notes and a proposal, the reply reference.

Each step runs under the record's row lock, appends to the trace and records an audit event in
one transaction. The reply is a free-text reference until outgoing documents exist.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import InvalidTransitionError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import ensure_same_agency
from vanthu.incoming.transitions import answers_for, holds_lead, lead_of, locked_get, transition
from vanthu.workflow.enums import AssignmentRole, TraceAction
from vanthu.workflow.selectors import active_assignments_of
from vanthu.workflow.services import TRACE_TEXT_MAX_LENGTH, long_text, trace_append

S = IncomingStatus
HANDLING = frozenset({S.ASSIGNED, S.IN_PROGRESS})
REPLY_REFERENCE_MAX_LENGTH = 255
NOTE_MAX_LENGTH = 2000


def _ensure_handling(locked: IncomingRecord) -> None:
    if locked.status not in HANDLING:
        raise InvalidTransitionError


def _ensure_lead(actor: User, locked: IncomingRecord) -> None:
    if not holds_lead(actor, lead_of(locked)):
        raise PermissionDeniedError(_("Chỉ người chủ trì giải quyết mới được thực hiện."))


def is_handler(actor: User, incoming: IncomingRecord) -> bool:
    """Return whether ``actor`` answers for an open lead or support assignment of the record."""
    assignments = active_assignments_of(
        document_id=incoming.document_id, agency_id=incoming.agency_id
    ).filter(role__in=[AssignmentRole.LEAD, AssignmentRole.SUPPORT])
    return any(answers_for(actor, assignment) for assignment in assignments)


def incoming_start(*, actor: User, incoming: IncomingRecord) -> IncomingRecord:
    """Mark the document as being handled (đang giải quyết); the lead assignee only."""
    ensure_same_agency(actor, incoming.agency_id)
    with transaction.atomic():
        locked = locked_get(incoming)
        if locked.status != S.ASSIGNED:
            raise InvalidTransitionError
        _ensure_lead(actor, locked)
        transition(
            locked,
            S.IN_PROGRESS,
            actor=actor,
            action=TraceAction.NOTE,
            text=_("Bắt đầu giải quyết."),
        )
        record(action="incoming.started", actor=actor, target=locked)
    return locked


def _checked_texts(text: str, proposal: str) -> tuple[str, str]:
    text, proposal = long_text(text), long_text(proposal)
    errors: dict[str, list[str]] = {}
    if not text and not proposal:
        errors["text"] = [_("Cần nhập ghi chú hoặc đề xuất.")]
    for field, value in (("text", text), ("proposal", proposal)):
        if len(value) > NOTE_MAX_LENGTH:
            errors[field] = [_("Không được dài quá %d ký tự.") % NOTE_MAX_LENGTH]
    if errors:
        raise InvalidInputError(fields=errors)
    return text, proposal


def incoming_note_add(
    *, actor: User, incoming: IncomingRecord, text: str = "", proposal: str = ""
) -> IncomingRecord:
    """Add a note and/or the handler's proposal (đề xuất) to the trace of the record.

    Lead and supporting assignees (persons, or heads of assigned units) may, while the
    document is being handled; a proposal replaces the record's current proposal.
    """
    ensure_same_agency(actor, incoming.agency_id)
    text, proposal = _checked_texts(text, proposal)
    with transaction.atomic():
        locked = locked_get(incoming)
        _ensure_handling(locked)
        if not is_handler(actor, locked):
            raise PermissionDeniedError(
                _("Chỉ người được giao chủ trì hoặc phối hợp mới được ghi ý kiến.")
            )
        lines = [text] if text else []
        if proposal:
            lines.append(_("Đề xuất: %s") % proposal)
            locked.proposal = proposal
            locked.save(update_fields=["proposal", "updated_at"])
        trace_append(
            actor=actor,
            document=locked.document,
            agency=locked.agency,
            action=TraceAction.NOTE,
            status=locked.status,
            text="\n".join(lines)[:TRACE_TEXT_MAX_LENGTH],
        )
        record(
            action="incoming.noted",
            actor=actor,
            target=locked,
            data={"text": text, "proposal": proposal},
        )
    return locked


def reply_reference_clean(reference: str) -> str:
    """Return the reference cleaned, or refuse it when empty or too long."""
    reference = clean_text(reference)
    if not reference:
        raise InvalidInputError(fields={"reply_reference": [_("Trường này là bắt buộc.")]})
    if len(reference) > REPLY_REFERENCE_MAX_LENGTH:
        raise InvalidInputError(
            fields={
                "reply_reference": [_("Không được dài quá %d ký tự.") % REPLY_REFERENCE_MAX_LENGTH]
            }
        )
    return reference


def reply_reference_write(*, actor: User, locked: IncomingRecord, reference: str) -> None:
    """Store the reply reference on a locked record, trace and audit it (caller's transaction)."""
    locked.reply_reference = reference
    locked.save(update_fields=["reply_reference", "updated_at"])
    trace_append(
        actor=actor,
        document=locked.document,
        agency=locked.agency,
        action=TraceAction.NOTE,
        status=locked.status,
        text=_("Văn bản trả lời: %s") % reference,
    )
    record(
        action="incoming.reply_linked",
        actor=actor,
        target=locked,
        data={"reply_reference": reference},
    )


def incoming_reply_set(*, actor: User, incoming: IncomingRecord, reference: str) -> IncomingRecord:
    """Link the reply (a reference such as "125/UBND-VP" until outgoing documents exist)."""
    ensure_same_agency(actor, incoming.agency_id)
    reference = reply_reference_clean(reference)
    with transaction.atomic():
        locked = locked_get(incoming)
        _ensure_handling(locked)
        _ensure_lead(actor, locked)
        reply_reference_write(actor=actor, locked=locked, reference=reference)
    return locked
