"""Who a batch of incoming documents was given to, read in one query for a whole register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vanthu.core.dates import to_vietnam
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.models import Assignment


@dataclass(slots=True)
class Routing:
    """The current parties of one document in one agency and when it was first handed over."""

    lead: Assignment | None = None
    supports: list[Assignment] = field(default_factory=list)
    first_given: dt.datetime | None = None

    def recipients(self) -> str:
        """Return column (7) "Đơn vị hoặc người nhận": the lead, then the supports."""
        parts: list[str] = []
        if self.lead is not None:
            parts.append(_("Chủ trì: %s") % party_label(self.lead))
        if self.supports:
            parts.append(_("Phối hợp: %s") % ", ".join(party_label(a) for a in self.supports))
        return "; ".join(parts)

    def transfer_date(self) -> dt.date | None:
        """Return the day (Vietnam time) the document was first given to someone."""
        return to_vietnam(self.first_given).date() if self.first_given else None


def party_label(assignment: Assignment) -> str:
    """Return the display name of the person or unit of an assignment."""
    party = assignment.party_user or assignment.party_unit
    return str(party) if party is not None else ""


def routings_of(*, agency_id: int, document_ids: Iterable[int]) -> dict[int, Routing]:
    """Return the routing of each document (by document id) in the agency, in one query."""
    rows = (
        Assignment.objects.filter(agency_id=agency_id, document_id__in=list(document_ids))
        .select_related("party_user", "party_unit")
        .order_by("created_at", "pk")
    )
    routings: dict[int, Routing] = {}
    for row in rows:
        routing = routings.setdefault(row.document_id, Routing())
        if routing.first_given is None:
            routing.first_given = row.created_at
        if row.status == AssignmentStatus.SUPERSEDED:
            continue
        if row.role == AssignmentRole.LEAD:
            routing.lead = row
        elif row.role == AssignmentRole.SUPPORT:
            routing.supports.append(row)
    return routings
