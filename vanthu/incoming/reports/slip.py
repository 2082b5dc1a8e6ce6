"""The data of the "Phiếu giải quyết văn bản đến" (Annex IV) of one incoming record.

Section (1) comes from the agency leader's latest assignment, section (2) from the latest
re-assignment inside a unit, section (3) from the handler's proposal on the record (else the
latest note or completion note), dated by the latest of those trace steps.
An assignment batch is the set of assignments made between the trace step that records it
and the step before (they are written in the same transaction, just before that step).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.dates import date_line, format_date, to_vietnam
from vanthu.documents.numbering import format_number, today_in_vietnam
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.access import record_for
from vanthu.incoming.reports.register import agency_header, document_reference
from vanthu.incoming.reports.routing import party_label
from vanthu.workflow.enums import AssignmentRole, TraceAction
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.selectors import assignments_of, trace_of

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True, slots=True, kw_only=True)
class Instruction:
    """One instruction of the slip: what was written, to whom, by when, by whom, on which day."""

    text: str
    lead: str
    supports: str
    due: str
    day: str
    by: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Slip:
    """A handling slip ready to print."""

    superior: str
    agency: str
    national_name: str
    national_motto: str
    date_line: str
    arrival_number: str
    arrival_date: str
    type_name: str
    reference: str
    issued_date: str
    organ_name: str
    subject: str
    leader: Instruction | None
    unit_leader: Instruction | None
    proposal: str
    proposal_day: str
    proposal_by: str


def _batch(
    entry: TraceEntry, trace: list[TraceEntry], assignments: list[Assignment]
) -> list[Assignment]:
    index = trace.index(entry)
    after = trace[index - 1].at if index > 0 else None
    return [
        a
        for a in assignments
        if a.assigned_by_id == entry.actor_id
        and a.created_at <= entry.at
        and (after is None or a.created_at > after)
    ]


def _instruction(
    action: TraceAction, trace: list[TraceEntry], assignments: list[Assignment]
) -> Instruction | None:
    entries = [entry for entry in trace if entry.action == action]
    if not entries:
        return None
    entry = entries[-1]
    batch = _batch(entry, trace, assignments)
    lead = next((a for a in batch if a.role == AssignmentRole.LEAD), None)
    supports = [a for a in batch if a.role == AssignmentRole.SUPPORT]
    due = lead.due_date if lead is not None else None
    return Instruction(
        text=lead.instruction if lead is not None else entry.text,
        lead=party_label(lead) if lead is not None else "",
        supports=", ".join(party_label(a) for a in supports),
        due=format_date(due) if due is not None else "",
        day=format_date(to_vietnam(entry.at).date()),
        by=str(entry.actor),
    )


def _proposal(trace: list[TraceEntry]) -> TraceEntry | None:
    notes = [
        entry
        for entry in trace
        if entry.action in {TraceAction.NOTE, TraceAction.COMPLETED} and entry.text
    ]
    return notes[-1] if notes else None


def slip_of(incoming: IncomingRecord, *, on: dt.date | None = None) -> Slip:
    """Return the slip of a record (with its document, type and agency loaded; 2 queries)."""
    keys = {"document_id": incoming.document_id, "agency_id": incoming.agency_id}
    trace = list(trace_of(**keys))
    assignments = list(assignments_of(**keys))
    proposal = _proposal(trace)
    document = incoming.document
    agency = incoming.agency
    superior, agency_name = agency_header(agency)
    return Slip(
        superior=superior,
        agency=agency_name,
        national_name=_(NATIONAL_NAME),
        national_motto=_(NATIONAL_MOTTO),
        date_line=date_line(agency.place_name, on or today_in_vietnam()),
        arrival_number=format_number(incoming.arrival_number),
        arrival_date=format_date(incoming.arrival_date),
        type_name=document.document_type.name,
        reference=document_reference(document.code_number, document.code_notation),
        issued_date=format_date(document.issued_date),
        organ_name=document.organ_name,
        subject=document.subject,
        leader=_instruction(TraceAction.ASSIGNED, trace, assignments),
        unit_leader=_instruction(TraceAction.REASSIGNED, trace, assignments),
        proposal=incoming.proposal or (proposal.text if proposal is not None else ""),
        proposal_day=format_date(to_vietnam(proposal.at).date()) if proposal else "",
        proposal_by=str(proposal.actor) if proposal is not None else "",
    )


def slip_for(*, actor: User, incoming_id: int) -> Slip:
    """Return the slip of a record the actor may print (404 otherwise)."""
    return slip_of(record_for(actor=actor, pk=incoming_id))
