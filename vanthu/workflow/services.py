"""Writes of the workflow engine: assignment sets and the handling trace.

These are building blocks for the services of the apps above (incoming, outgoing): the caller
checks who may act and runs them inside its own transaction; each still records its own
audit event there.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.audit.services import record
from vanthu.documents.models import Document
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus, TraceAction
from vanthu.workflow.errors import InvalidPartyError
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.notifications import notify_assignments
from vanthu.workflow.parties import Party

INSTRUCTION_MAX_LENGTH = 2000
TRACE_TEXT_MAX_LENGTH = 4000


def long_text(text: str) -> str:
    """Return free multi-line text in NFC, trimmed, with its line breaks kept."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _check_parties(
    *,
    agency: Agency,
    lead: Party,
    supports: Sequence[Party],
    informs: Sequence[Party],
    within_unit: OrgUnit | None,
) -> None:
    errors: dict[str, list[str]] = {}
    seen: set[tuple[str, int]] = set()
    groups = (("lead", [lead]), ("support", supports), ("inform", informs))
    for field, parties in groups:
        for party in parties:
            if party.agency_id != agency.pk:
                errors.setdefault(field, []).append(
                    _("Không thuộc cơ quan này: %s") % party.label()
                )
            elif within_unit is not None and not party.is_inside(within_unit.pk):
                errors.setdefault(field, []).append(
                    _("Chỉ được giao trong đơn vị %(unit)s: %(party)s")
                    % {"unit": within_unit, "party": party.label()}
                )
            elif party.key in seen:
                errors.setdefault(field, []).append(_("Được giao nhiều lần: %s") % party.label())
            seen.add(party.key)
    if errors:
        raise InvalidPartyError(fields=errors)


def _supersede(*, document: Document, agency: Agency, within_unit: OrgUnit | None) -> int:
    active = Assignment.objects.select_for_update(of=("self",)).filter(
        document=document, agency=agency, status=AssignmentStatus.ACTIVE
    )
    ids = [
        row.pk
        for row in active.select_related("party_user")
        if within_unit is None
        or row.party_unit_id == within_unit.pk
        or (row.party_user is not None and row.party_user.unit_id == within_unit.pk)
    ]
    return Assignment.objects.filter(pk__in=ids).update(
        status=AssignmentStatus.SUPERSEDED, closed_at=timezone.now(), updated_at=timezone.now()
    )


def assignment_create_set(
    *,
    actor: User,
    document: Document,
    agency: Agency,
    lead: Party,
    supports: Sequence[Party] = (),
    informs: Sequence[Party] = (),
    instruction: str = "",
    due_date: dt.date | None = None,
    within_unit: OrgUnit | None = None,
) -> list[Assignment]:
    """Give the document to one lead, the supporting and the informed parties.

    The open assignments it replaces are marked superseded: all of them, or with
    ``within_unit`` (a unit head re-assigning) only those of that unit and its members, and
    then every new party must be inside that unit.
    """
    instruction = long_text(instruction)
    if len(instruction) > INSTRUCTION_MAX_LENGTH:
        raise InvalidPartyError(
            fields={
                "instruction": [
                    _("Không được dài quá %d ký tự.") % INSTRUCTION_MAX_LENGTH,
                ]
            }
        )
    _check_parties(
        agency=agency, lead=lead, supports=supports, informs=informs, within_unit=within_unit
    )
    rows = [(AssignmentRole.LEAD, lead)]
    rows += [(AssignmentRole.SUPPORT, party) for party in supports]
    rows += [(AssignmentRole.INFORM, party) for party in informs]
    with transaction.atomic():
        superseded = _supersede(document=document, agency=agency, within_unit=within_unit)
        created = Assignment.objects.bulk_create(
            Assignment(
                document=document,
                agency=agency,
                party_user=party.user,
                party_unit=party.unit,
                role=role,
                instruction=instruction,
                due_date=due_date,
                assigned_by=actor,
            )
            for role, party in rows
        )
        record(
            action="workflow.assignments_set",
            actor=actor,
            target=document,
            agency_id=agency.pk,
            data={
                "parties": [[role.value, *party.key] for role, party in rows],
                "due_date": due_date,
                "superseded": superseded,
                "within_unit_id": within_unit.pk if within_unit else None,
            },
        )
        notify_assignments(created)
    return created


def assignments_close(
    *, actor: User, document: Document, agency: Agency, status: AssignmentStatus
) -> int:
    """Close every open assignment of the document in the agency (done or superseded)."""
    if status == AssignmentStatus.ACTIVE:
        msg = "Closing needs a closed status"
        raise ValueError(msg)
    with transaction.atomic():
        now = timezone.now()
        closed = Assignment.objects.filter(
            document=document, agency=agency, status=AssignmentStatus.ACTIVE
        ).update(status=status, closed_at=now, updated_at=now)
        record(
            action="workflow.assignments_closed",
            actor=actor,
            target=document,
            agency_id=agency.pk,
            data={"status": status.value, "count": closed},
        )
    return closed


def trace_append(
    *,
    actor: User,
    document: Document,
    agency: Agency,
    action: TraceAction,
    status: str,
    text: str = "",
) -> TraceEntry:
    """Append one step to the document's handling trace in the agency."""
    with transaction.atomic():
        entry = trace_entry_add(
            actor=actor, document=document, agency=agency, action=action, status=status, text=text
        )
        record(
            action="workflow.trace_appended",
            actor=actor,
            target=entry,
            agency_id=agency.pk,
            data={"document_id": document.pk, **trace_audit_data(entry)},
        )
    return entry


def trace_entry_add(
    *,
    actor: User,
    document: Document,
    agency: Agency,
    action: TraceAction,
    status: str,
    text: str = "",
) -> TraceEntry:
    """Append one step to the trace without an audit event of its own.

    For a service that records one event for its whole step in the same transaction: that
    event's data must hold ``trace_audit_data(entry)``.
    """
    return TraceEntry.objects.create(
        document=document,
        agency=agency,
        actor=actor,
        action=action,
        text=long_text(text)[:TRACE_TEXT_MAX_LENGTH],
        status=status,
    )


def trace_audit_data(entry: TraceEntry) -> dict[str, str | int]:
    """Return what the audit trail keeps of a trace entry."""
    return {"trace_entry_id": entry.pk, "step": str(entry.action), "status": str(entry.status)}
