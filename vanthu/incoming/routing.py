"""Routing at registration: the agency's rule sends a type of document straight to a unit.

Without a rule the registered document waits to be presented to the leader; with one it is
assigned at once to the unit as lead, with the default due date (or the one the clerk set).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.documents.enums import Urgency
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.models import IncomingRecord, RoutingRule
from vanthu.incoming.transitions import transition
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.enums import TraceAction
from vanthu.workflow.models import Assignment, TraceEntry
from vanthu.workflow.parties import Party
from vanthu.workflow.services import assignment_create_set

# Asked on every registration and rarely found: written out (building the ORM query costs far
# more than running it); the rule itself is read only when there is one.
_RULE_SQL = "SELECT id FROM incoming_routingrule WHERE agency_id = %s AND document_type_id = %s"


def routing_rule_for(*, agency_id: int, document_type_id: int) -> RoutingRule | None:
    """Return the agency's rule for this document type, if it has one (at most one)."""
    with connection.cursor() as cursor:
        cursor.execute(_RULE_SQL, [agency_id, document_type_id])
        row = cursor.fetchone()
    if row is None:
        return None
    return RoutingRule.objects.select_related("unit").get(pk=row[0])


@dataclass(frozen=True, slots=True, kw_only=True)
class Routed:
    """What routing wrote: the assignments and the trace entry of the step."""

    assignments: list[Assignment]
    trace_entry: TraceEntry


def routing_apply(*, actor: User, incoming: IncomingRecord) -> Routed | None:
    """Assign a just-registered record to the unit of the agency's rule; None without one.

    Runs inside the registering transaction (the new row is not visible to anyone else yet).
    """
    document = incoming.document
    rule = routing_rule_for(
        agency_id=incoming.agency_id, document_type_id=document.document_type_id
    )
    if rule is None:
        return None
    due = incoming.due_date or due_date_default(
        incoming.agency,
        Urgency(document.urgency),
        incoming.arrival_date,
        document_type=document.document_type,
    )
    with transaction.atomic():
        assignments = assignment_create_set(
            actor=actor,
            document=document,
            agency=incoming.agency,
            lead=Party(unit=rule.unit),
            instruction=_("Chuyển thẳng theo quy định của cơ quan."),
            due_date=due,
        )
        incoming.due_date = due
        entry = transition(
            incoming,
            IncomingStatus.ASSIGNED,
            actor=actor,
            action=TraceAction.ASSIGNED,
            text=_("Chuyển thẳng đến %(unit)s theo quy định của cơ quan. Hạn giải quyết: %(due)s")
            % {"unit": rule.unit, "due": f"{due:%d/%m/%Y}"},
            also_update=["due_date"],
        )
        record(
            action="incoming.routed",
            actor=actor,
            target=incoming,
            data={
                "rule_id": rule.pk,
                "unit_id": rule.unit_id,
                "assignment_ids": [a.pk for a in assignments],
                "due_date": due,
            },
        )
    return Routed(assignments=assignments, trace_entry=entry)
