"""Writes of incoming documents: the entry point of every service of the app.

Present, assign, complete and return live here; registration, files, deliveries and the
assignee's steps in their own modules, re-exported below.

Every step changes the status through ``transition`` (the ``ALLOWED`` table, under
``select_for_update``), appends to the trace and records an audit event in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.accounts.roles import can_route, is_unit_head
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import Urgency
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.attachments import (
    incoming_attach,
    incoming_attachment_download,
    incoming_register_with_files,
)
from vanthu.incoming.delivery import (
    delivery_accept,
    delivery_refuse,
    delivery_send,
    delivery_withdraw,
)
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.handling import (
    incoming_note_add,
    incoming_reply_set,
    incoming_start,
    reply_reference_clean,
    reply_reference_write,
)
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import ensure_clerk, ensure_same_agency
from vanthu.incoming.registration import IncomingData, incoming_register, registration_run
from vanthu.incoming.transitions import (
    ALLOWED,
    ensure_allowed,
    holds_lead,
    lead_of,
    locked_get,
    transition,
)
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.enums import AssignmentStatus, TraceAction
from vanthu.workflow.parties import Party
from vanthu.workflow.services import assignment_create_set, assignments_close, long_text

__all__ = [
    "ALLOWED",
    "IncomingData",
    "delivery_accept",
    "delivery_refuse",
    "delivery_send",
    "delivery_withdraw",
    "incoming_assign",
    "incoming_attach",
    "incoming_attachment_download",
    "incoming_complete",
    "incoming_note_add",
    "incoming_present",
    "incoming_register",
    "incoming_register_with_files",
    "incoming_reply_set",
    "incoming_return",
    "incoming_start",
    "incoming_viewed",
    "registration_run",
]

S = IncomingStatus


def incoming_present(*, actor: User, incoming: IncomingRecord, note: str = "") -> IncomingRecord:
    """Present the registered document to the agency leader (trình)."""
    ensure_clerk(actor)
    ensure_same_agency(actor, incoming.agency_id)
    note = long_text(note)
    with transaction.atomic():
        locked = locked_get(incoming)
        transition(locked, S.PRESENTED, actor=actor, action=TraceAction.PRESENTED, text=note)
        record(action="incoming.presented", actor=actor, target=locked, data={"note": note})
    return locked


def _unit_of_reassigner(actor: User, locked: IncomingRecord) -> OrgUnit:
    """Return the unit inside which a unit head may re-assign ``locked``, or refuse."""
    lead = lead_of(locked)
    unit = actor.unit
    if (
        unit is None
        or not is_unit_head(actor)
        or lead is None
        or not (
            lead.party_unit_id == unit.pk
            or (lead.party_user is not None and lead.party_user.unit_id == unit.pk)
        )
    ):
        raise PermissionDeniedError(
            _("Chỉ lãnh đạo cơ quan (hoặc người được ủy quyền) mới được phân công văn bản.")
        )
    return unit


def _due_date(
    *,
    locked: IncomingRecord,
    requested: dt.date | None,
    within_unit: OrgUnit | None,
    today: dt.date,
) -> dt.date:
    if requested is None:
        if within_unit is not None and locked.due_date is not None:
            return locked.due_date
        return due_date_default(
            locked.agency,
            Urgency(locked.document.urgency),
            today,
            document_type=locked.document.document_type,
        )
    if requested < today:
        raise InvalidInputError(
            fields={"due_date": [_("Hạn giải quyết không được trước hôm nay.")]}
        )
    if within_unit is not None and locked.due_date is not None and requested > locked.due_date:
        raise InvalidInputError(
            fields={"due_date": [_("Hạn trong đơn vị không được sau hạn lãnh đạo đã giao.")]}
        )
    return requested


def incoming_assign(
    *,
    actor: User,
    incoming: IncomingRecord,
    lead: Party,
    supports: Sequence[Party] = (),
    informs: Sequence[Party] = (),
    instruction: str = "",
    due_date: dt.date | None = None,
) -> IncomingRecord:
    """Write the instruction and give the document to a lead, supports and informed parties.

    Agency leaders (and their delegates) assign anything of their agency; a unit head
    re-assigns inside the unit that holds the lead, within the leader's due date.
    """
    ensure_same_agency(actor, incoming.agency_id)
    with transaction.atomic():
        locked = locked_get(incoming)
        within_unit = None if can_route(actor) else _unit_of_reassigner(actor, locked)
        due = _due_date(
            locked=locked, requested=due_date, within_unit=within_unit, today=today_in_vietnam()
        )
        assignments = assignment_create_set(
            actor=actor,
            document=locked.document,
            agency=locked.agency,
            lead=lead,
            supports=supports,
            informs=informs,
            instruction=instruction,
            due_date=due,
            within_unit=within_unit,
        )
        if within_unit is None:
            locked.due_date = due
        transition(
            locked,
            S.ASSIGNED,
            actor=actor,
            action=TraceAction.ASSIGNED if within_unit is None else TraceAction.REASSIGNED,
            text=_assignment_text(instruction, lead, supports, due),
            also_update=["due_date"],
        )
        record(
            action="incoming.assigned",
            actor=actor,
            target=locked,
            data={
                "assignment_ids": [a.pk for a in assignments],
                "due_date": due,
                "within_unit_id": within_unit.pk if within_unit else None,
            },
        )
    return locked


def _assignment_text(instruction: str, lead: Party, supports: Sequence[Party], due: dt.date) -> str:
    lines = [instruction.strip()] if instruction.strip() else []
    lines.append(_("Chủ trì: %s") % lead.label())
    if supports:
        lines.append(_("Phối hợp: %s") % ", ".join(p.label() for p in supports))
    lines.append(_("Hạn giải quyết: %s") % f"{due:%d/%m/%Y}")
    return "\n".join(lines)


def incoming_complete(
    *,
    actor: User,
    incoming: IncomingRecord,
    note: str = "",
    reply_reference: str | None = None,
) -> IncomingRecord:
    """Mark the document handled; only the lead assignee (or the lead unit's head) may.

    ``reply_reference`` links the reply in the same step.
    """
    ensure_same_agency(actor, incoming.agency_id)
    note = long_text(note)
    reference = reply_reference_clean(reply_reference) if reply_reference is not None else None
    with transaction.atomic():
        locked = locked_get(incoming)
        ensure_allowed(locked, S.DONE)
        if not holds_lead(actor, lead_of(locked)):
            raise PermissionDeniedError(_("Chỉ người chủ trì giải quyết mới được hoàn thành."))
        if reference is not None:
            reply_reference_write(actor=actor, locked=locked, reference=reference)
        transition(locked, S.DONE, actor=actor, action=TraceAction.COMPLETED, text=note)
        _close(actor=actor, locked=locked, status=AssignmentStatus.DONE)
        record(action="incoming.completed", actor=actor, target=locked, data={"note": note})
    return locked


def incoming_return(*, actor: User, incoming: IncomingRecord, reason: str) -> IncomingRecord:
    """Send a misrouted document back to the clerk with a reason."""
    ensure_same_agency(actor, incoming.agency_id)
    reason = long_text(reason)
    if not reason:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do trả lại.")]})
    with transaction.atomic():
        locked = locked_get(incoming)
        ensure_allowed(locked, S.RETURNED)
        if not (can_route(actor) or holds_lead(actor, lead_of(locked))):
            raise PermissionDeniedError(
                _("Chỉ người chủ trì hoặc lãnh đạo cơ quan mới được trả lại văn bản.")
            )
        transition(locked, S.RETURNED, actor=actor, action=TraceAction.RETURNED, text=reason)
        _close(actor=actor, locked=locked, status=AssignmentStatus.SUPERSEDED)
        record(action="incoming.returned", actor=actor, target=locked, data={"reason": reason})
    return locked


def _close(*, actor: User, locked: IncomingRecord, status: AssignmentStatus) -> None:
    assignments_close(actor=actor, document=locked.document, agency=locked.agency, status=status)


def incoming_viewed(*, actor: User, incoming: IncomingRecord) -> None:
    """Record that ``actor`` opened the document (Annex VI access history)."""
    record(action="incoming.viewed", actor=actor, target=incoming, agency_id=incoming.agency_id)
