"""Which actions the document page offers to this user (the services check again)."""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.accounts.models import User
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.handling import is_handler
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import can_route, is_clerk, is_unit_head
from vanthu.incoming.transitions import ALLOWED, holds_lead, lead_of

S = IncomingStatus
HANDLING = frozenset({S.ASSIGNED, S.IN_PROGRESS})


@dataclass(frozen=True, slots=True, kw_only=True)
class Permitted:
    """The actions offered on the document page."""

    present: bool = False
    assign: bool = False
    start: bool = False
    note: bool = False
    reply: bool = False
    complete: bool = False
    give_back: bool = False

    @property
    def any(self) -> bool:
        """Return whether at least one action is offered."""
        return any(
            (
                self.present,
                self.assign,
                self.start,
                self.note,
                self.reply,
                self.complete,
                self.give_back,
            )
        )


def _lead_in_my_unit(actor: User, incoming: IncomingRecord) -> bool:
    """Return whether a unit head's unit holds the lead (so the head may re-assign inside it)."""
    lead = lead_of(incoming)
    if lead is None or not is_unit_head(actor) or actor.unit_id is None:
        return False
    if lead.party_unit_id is not None:
        return lead.party_unit_id == actor.unit_id
    return lead.party_user is not None and lead.party_user.unit_id == actor.unit_id


def permitted_actions(actor: User, incoming: IncomingRecord) -> Permitted:
    """Return the actions ``actor`` may take on ``incoming`` in its current status."""
    status = IncomingStatus(incoming.status)
    allowed = ALLOWED[status]
    handling = status in HANDLING
    lead = holds_lead(actor, lead_of(incoming))
    router = can_route(actor)
    return Permitted(
        present=is_clerk(actor) and S.PRESENTED in allowed,
        assign=S.ASSIGNED in allowed
        and (router or (handling and _lead_in_my_unit(actor, incoming))),
        start=lead and status == S.ASSIGNED,
        note=handling and is_handler(actor, incoming),
        reply=handling and lead,
        complete=lead and S.DONE in allowed,
        give_back=S.RETURNED in allowed and (router or lead),
    )
