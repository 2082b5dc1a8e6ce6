"""Writes of incoming documents: register, present, assign, complete, return.

Every step changes the status through ``_transition`` (the ``ALLOWED`` table, under
``select_for_update``), appends to the trace and records an audit event in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.documents.enums import Urgency
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import InvalidTransitionError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import can_route, ensure_clerk, ensure_same_agency, is_unit_head
from vanthu.incoming.registration import IncomingData, incoming_register
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction
from vanthu.workflow.models import Assignment
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import active_assignments_of
from vanthu.workflow.services import (
    assignment_create_set,
    assignments_close,
    long_text,
    trace_append,
)

__all__ = [
    "ALLOWED",
    "IncomingData",
    "incoming_assign",
    "incoming_complete",
    "incoming_present",
    "incoming_register",
    "incoming_return",
    "incoming_viewed",
]

S = IncomingStatus
ALLOWED: dict[IncomingStatus, frozenset[IncomingStatus]] = {
    S.REGISTERED: frozenset({S.PRESENTED, S.ASSIGNED, S.RETURNED}),
    S.PRESENTED: frozenset({S.ASSIGNED, S.RETURNED}),
    S.ASSIGNED: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.DONE, S.RETURNED}),
    S.IN_PROGRESS: frozenset({S.ASSIGNED, S.DONE, S.RETURNED}),
    S.RETURNED: frozenset({S.PRESENTED, S.ASSIGNED}),
    S.DONE: frozenset(),
}


def _locked(incoming: IncomingRecord) -> IncomingRecord:
    return (
        IncomingRecord.objects.select_for_update(of=("self",))
        .select_related("document", "document__document_type", "agency")
        .get(pk=incoming.pk)
    )


def _ensure_allowed(locked: IncomingRecord, target: IncomingStatus) -> None:
    if target not in ALLOWED[IncomingStatus(locked.status)]:
        raise InvalidTransitionError


def _transition(
    locked: IncomingRecord,
    target: IncomingStatus,
    *,
    actor: User,
    action: TraceAction,
    text: str,
    also_update: Sequence[str] = (),
) -> None:
    _ensure_allowed(locked, target)
    locked.status = target
    locked.save(update_fields=["status", "updated_at", *also_update])
    trace_append(
        actor=actor,
        document=locked.document,
        agency=locked.agency,
        action=action,
        status=target,
        text=text,
    )


def _lead_of(locked: IncomingRecord) -> Assignment | None:
    return (
        active_assignments_of(document_id=locked.document_id, agency_id=locked.agency_id)
        .filter(role=AssignmentRole.LEAD)
        .first()
    )


def _holds_lead(actor: User, lead: Assignment | None) -> bool:
    """Return whether ``actor`` answers for the lead: the lead person or the lead unit's head."""
    if lead is None:
        return False
    if lead.party_user_id is not None:
        return lead.party_user_id == actor.pk
    return lead.party_unit_id == actor.unit_id and is_unit_head(actor)


def incoming_present(*, actor: User, incoming: IncomingRecord, note: str = "") -> IncomingRecord:
    """Present the registered document to the agency leader (trình)."""
    ensure_clerk(actor)
    ensure_same_agency(actor, incoming.agency_id)
    note = long_text(note)
    with transaction.atomic():
        locked = _locked(incoming)
        _transition(locked, S.PRESENTED, actor=actor, action=TraceAction.PRESENTED, text=note)
        record(action="incoming.presented", actor=actor, target=locked, data={"note": note})
    return locked


def _unit_of_reassigner(actor: User, locked: IncomingRecord) -> OrgUnit:
    """Return the unit inside which a unit head may re-assign ``locked``, or refuse."""
    lead = _lead_of(locked)
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
        locked = _locked(incoming)
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
        _transition(
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


def incoming_complete(*, actor: User, incoming: IncomingRecord, note: str = "") -> IncomingRecord:
    """Mark the document handled; only the lead assignee (or the lead unit's head) may."""
    ensure_same_agency(actor, incoming.agency_id)
    note = long_text(note)
    with transaction.atomic():
        locked = _locked(incoming)
        _ensure_allowed(locked, S.DONE)
        if not _holds_lead(actor, _lead_of(locked)):
            raise PermissionDeniedError(_("Chỉ người chủ trì giải quyết mới được hoàn thành."))
        _transition(locked, S.DONE, actor=actor, action=TraceAction.COMPLETED, text=note)
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
        locked = _locked(incoming)
        _ensure_allowed(locked, S.RETURNED)
        if not (can_route(actor) or _holds_lead(actor, _lead_of(locked))):
            raise PermissionDeniedError(
                _("Chỉ người chủ trì hoặc lãnh đạo cơ quan mới được trả lại văn bản.")
            )
        _transition(locked, S.RETURNED, actor=actor, action=TraceAction.RETURNED, text=reason)
        _close(actor=actor, locked=locked, status=AssignmentStatus.SUPERSEDED)
        record(action="incoming.returned", actor=actor, target=locked, data={"reason": reason})
    return locked


def _close(*, actor: User, locked: IncomingRecord, status: AssignmentStatus) -> None:
    assignments_close(actor=actor, document=locked.document, agency=locked.agency, status=status)


def incoming_viewed(*, actor: User, incoming: IncomingRecord) -> None:
    """Record that ``actor`` opened the document (Annex VI access history)."""
    record(action="incoming.viewed", actor=actor, target=incoming, agency_id=incoming.agency_id)
