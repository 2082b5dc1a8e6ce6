"""The status machine of an incoming record and who holds its lead assignment.

Every step changes the status through ``transition`` (the ``ALLOWED`` table, on a row taken
with ``locked_get`` under ``select_for_update``) and appends to the trace in the caller's
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from vanthu.accounts.models import User
from vanthu.accounts.roles import is_unit_head
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.errors import InvalidTransitionError
from vanthu.incoming.models import IncomingRecord
from vanthu.workflow.enums import AssignmentRole, TraceAction
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.selectors import active_assignments_of
from vanthu.workflow.services import trace_append

S = IncomingStatus
ALLOWED: dict[IncomingStatus, frozenset[IncomingStatus]] = {
    S.REGISTERED: frozenset({S.PRESENTED, S.ASSIGNED, S.RETURNED}),
    S.PRESENTED: frozenset({S.ASSIGNED, S.RETURNED}),
    S.ASSIGNED: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.DONE, S.RETURNED}),
    S.IN_PROGRESS: frozenset({S.ASSIGNED, S.DONE, S.RETURNED}),
    S.RETURNED: frozenset({S.PRESENTED, S.ASSIGNED}),
    S.DONE: frozenset(),
}


def locked_get(incoming: IncomingRecord) -> IncomingRecord:
    """Return ``incoming`` read again under a row lock (inside a transaction)."""
    return (
        IncomingRecord.objects.select_for_update(of=("self",))
        .select_related("document", "document__document_type", "agency")
        .get(pk=incoming.pk)
    )


def ensure_allowed(locked: IncomingRecord, target: IncomingStatus) -> None:
    """Refuse a step that the ``ALLOWED`` table does not permit from the current status."""
    if target not in ALLOWED[IncomingStatus(locked.status)]:
        raise InvalidTransitionError


def transition(
    locked: IncomingRecord,
    target: IncomingStatus,
    *,
    actor: User,
    action: TraceAction,
    text: str,
    also_update: Sequence[str] = (),
) -> TraceEntry:
    """Move ``locked`` to ``target`` and append the step to the trace (returned)."""
    ensure_allowed(locked, target)
    locked.status = target
    locked.save(update_fields=["status", "updated_at", *also_update])
    return trace_append(
        actor=actor,
        document=locked.document,
        agency=locked.agency,
        action=action,
        status=target,
        text=text,
    )


def lead_of(locked: IncomingRecord) -> Assignment | None:
    """Return the open lead assignment of the record, if any."""
    return (
        active_assignments_of(document_id=locked.document_id, agency_id=locked.agency_id)
        .filter(role=AssignmentRole.LEAD)
        .first()
    )


def answers_for(actor: User, assignment: Assignment) -> bool:
    """Return whether ``actor`` is the assigned person or the head of the assigned unit."""
    if assignment.party_user_id is not None:
        return assignment.party_user_id == actor.pk
    return assignment.party_unit_id == actor.unit_id and is_unit_head(actor)


def holds_lead(actor: User, lead: Assignment | None) -> bool:
    """Return whether ``actor`` answers for the lead: the lead person or the lead unit's head."""
    return lead is not None and answers_for(actor, lead)
