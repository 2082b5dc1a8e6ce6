"""The "ĐẾN" stamp of an incoming record (Annex IV: a 35 × 50 mm rectangle)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.dates import format_date
from vanthu.documents.numbering import format_number
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.access import record_for
from vanthu.incoming.reports.routing import Routing, routings_of

STAMP_WORD = "ĐẾN"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stamp:
    """What the "ĐẾN" stamp shows: agency, ĐẾN, Số, Ngày, Chuyển, Số và ký hiệu HS."""

    agency: str
    word: str
    number: str
    day: str
    transfer_to: str
    file_notation: str


def stamp_of(incoming: IncomingRecord) -> Stamp:
    """Return the stamp of a record (with its agency loaded; 1 query for the routing).

    ``file_notation`` (the dossier the document is filed into) stays empty until dossiers exist.
    """
    routing = routings_of(agency_id=incoming.agency_id, document_ids=[incoming.document_id]).get(
        incoming.document_id, Routing()
    )
    lead = routing.lead
    transfer_to = ""
    if lead is not None:
        transfer_to = str(lead.party_unit or lead.party_user or "")
    return Stamp(
        agency=incoming.agency.name.upper(),
        word=_(STAMP_WORD),
        number=format_number(incoming.arrival_number),
        day=format_date(incoming.arrival_date),
        transfer_to=transfer_to,
        file_notation="",
    )


def stamp_for(*, actor: User, incoming_id: int) -> Stamp:
    """Return the stamp of a record the actor may print (404 otherwise)."""
    return stamp_of(record_for(actor=actor, pk=incoming_id))
