"""Replay the incoming plan through the real services, each step at its own moment.

Every step of every plan item becomes a timed event; events run in time order under the demo
clock, so arrival numbers follow the arrival dates in each book, and the trace, assignments,
due dates (in working days from the day of the assignment), notifications and audit events
carry the day the step happened.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from functools import partial

from vanthu.accounts.models import Agency as AgencyModel
from vanthu.accounts.models import OrgUnit, User
from vanthu.audit.services import record
from vanthu.demo.clock import DemoClock
from vanthu.demo.data.handling import (
    DONE_NOTES,
    INFORM_INSTRUCTION,
    INSTRUCTIONS,
    NOTES,
    PRESENT_NOTES,
    PROPOSALS,
    RETURN_REASONS,
)
from vanthu.demo.plan import Agency, Arrival, Dispatch, Plan, WorkingDays
from vanthu.demo.teams import Lead, username
from vanthu.documents.models import Document, RegisterBook
from vanthu.documents.numbering import format_number, number_allocate
from vanthu.incoming.enums import Channel, IncomingStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.services import (
    IncomingData,
    delivery_accept,
    delivery_refuse,
    delivery_send,
    incoming_assign,
    incoming_complete,
    incoming_note_add,
    incoming_present,
    incoming_register,
    incoming_return,
    incoming_start,
)
from vanthu.workflow.notifications import notifications_mark_all_read
from vanthu.workflow.parties import Party

S = IncomingStatus
HANDLED = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.DONE})
STARTED = frozenset({S.IN_PROGRESS, S.DONE})
LATE_COMPLETION_DAYS = 12
Action = Callable[[], None]


def _pick(texts: tuple[str, ...], index: int) -> str:
    return texts[index % len(texts)]


class Replay:
    """Collect timed steps, then run them in time order under ``clock``."""

    def __init__(self, *, clock: DemoClock, calendar: WorkingDays, agency_ids: list[int]) -> None:
        self.clock = clock
        self.calendar = calendar
        self.events: list[tuple[dt.date, int, int, Action]] = []
        self.created: Counter[str] = Counter()
        self.agencies = AgencyModel.objects.in_bulk(agency_ids)
        self.users = {user.username: user for user in User.objects.filter(agency_id__in=agency_ids)}
        self.units = {
            (unit.agency_id, unit.abbreviation): unit
            for unit in OrgUnit.objects.filter(agency_id__in=agency_ids)
        }
        self.deliveries: dict[tuple[int, int], IncomingDelivery] = {}

    def at(self, day: dt.date, minutes: int, action: Action) -> None:
        """Schedule ``action`` at ``minutes`` after midnight of ``day`` (Vietnam time)."""
        self.events.append((day, minutes, len(self.events), action))

    def run(self) -> Counter[str]:
        """Run every scheduled step in time order; return what was created."""
        for day, minutes, _seq, action in sorted(self.events, key=lambda e: e[:3]):
            self.clock.set(day, minutes)
            action()
        return self.created

    def user(self, agency: Agency, suffix: str) -> User:
        return self.users[username(agency.spec.slug, suffix)]

    # --- plan items ------------------------------------------------------------------------

    def add(self, plan: Plan) -> None:
        """Schedule the steps of every dispatch and arrival of ``plan``."""
        for dispatch in plan.dispatches:
            self._schedule_dispatch(dispatch)
        for arrival in plan.arrivals:
            self._schedule_arrival(arrival)

    def read_all(self, day: dt.date) -> None:
        """Schedule everyone reading their notifications at the end of ``day``."""

        def read() -> None:
            for user in self.users.values():
                notifications_mark_all_read(actor=user)

        self.at(day, 17 * 60 + 30, read)

    def _schedule_dispatch(self, dispatch: Dispatch) -> None:
        clerk = self.user(dispatch.sender, dispatch.sender.team.clerk)
        if dispatch.draft is not None:
            self.at(dispatch.day, 14 * 60, lambda: self._issue(dispatch, clerk))
        self.at(dispatch.day, 15 * 60, lambda: self._send(dispatch, clerk))
        for agency_id, reason in dispatch.refused.items():
            receiver = next(a for a in dispatch.receivers if a.pk == agency_id)
            refuser = self.user(receiver, receiver.team.clerk)
            self.at(
                dispatch.day,
                16 * 60 + 30,
                partial(self._refuse, dispatch, agency_id, refuser, reason),
            )

    def _issue(self, dispatch: Dispatch, clerk: User) -> None:
        draft = dispatch.draft
        if draft is None:
            return
        book = RegisterBook.objects.get(pk=draft.book_id)
        allocation = number_allocate(book=book, actor=clerk, on=dispatch.day)
        draft.fields["code_number"] = format_number(allocation.number)
        document = Document.objects.create(**draft.fields)
        record(
            action="demo.document_issued",
            actor=clerk,
            target=document,
            data={"allocation_id": allocation.pk, "register_book_id": book.pk},
        )
        dispatch.document = document
        self.created["documents"] += 1

    def _send(self, dispatch: Dispatch, clerk: User) -> None:
        if dispatch.document is None and dispatch.document_id is not None:
            dispatch.document = Document.objects.get(pk=dispatch.document_id)
        if dispatch.document is None:
            msg = "A dispatch sends an existing or a just issued document"
            raise ValueError(msg)
        receivers = [self.agencies[agency.pk] for agency in dispatch.receivers]
        for delivery in delivery_send(
            actor=clerk, document=dispatch.document, to_agencies=receivers
        ):
            self.deliveries[(id(dispatch), delivery.to_agency_id)] = delivery
            self.created["deliveries"] += 1

    def _refuse(self, dispatch: Dispatch, agency_id: int, clerk: User, reason: str) -> None:
        delivery_refuse(
            actor=clerk, delivery=self.deliveries[(id(dispatch), agency_id)], reason=reason
        )

    def _schedule_arrival(self, arrival: Arrival) -> None:
        steps = ArrivalSteps(self, arrival)
        first, fate, index = arrival.day, arrival.fate, arrival.texts
        self.at(first, 450 + index % 90, steps.register)
        if fate == S.REGISTERED:
            return
        self.at(first, 600 + index % 90, steps.present)
        next_day = self.calendar.after(first, 1)
        if fate == S.RETURNED:
            self.at(next_day, 570, steps.give_back)
        if fate in HANDLED:
            self.at(next_day, 540 + index % 60, steps.assign)
        if fate in STARTED:
            self.at(self.calendar.after(first, 2), 480, steps.start)
            self.at(self.calendar.after(first, 3), 840, steps.note)
        if fate == S.DONE:
            days = LATE_COMPLETION_DAYS if arrival.late else 5
            self.at(self.calendar.after(first, days), 960, steps.complete)

    def register(self, arrival: Arrival, clerk: User) -> IncomingRecord:
        """Register ``arrival``: accept its delivery, or type in the paper document."""
        self.created["incoming_records"] += 1
        if arrival.dispatch is not None:
            key = (id(arrival.dispatch), arrival.agency.pk)
            return delivery_accept(actor=clerk, delivery=self.deliveries[key])
        paper = arrival.paper
        if paper is None:
            msg = "An arrival is either delivered or on paper"
            raise ValueError(msg)
        data = IncomingData(
            type_code=paper.type_code,
            issued_date=paper.issued_date,
            organ_name=paper.organ_name,
            subject=paper.subject,
            code_number=paper.code_number,
            code_notation=paper.code_notation,
            signer_position=paper.signer_position,
            signer_full_name=paper.signer_name,
            urgency=paper.urgency,
            confidentiality=paper.confidentiality,
            page_amount=paper.page_amount,
            to_places=f"- {arrival.agency.context.name};\n- Lưu: VT.",
            channel=Channel.PAPER,
        )
        return incoming_register(actor=clerk, data=data, on=arrival.day)

    def _party(self, agency: Agency, lead: Lead) -> Party:
        if lead.unit:
            return Party(unit=self.units[(agency.pk, lead.unit)])
        return Party(user=self.user(agency, lead.user))

    def assign(self, arrival: Arrival, router: User, incoming: IncomingRecord) -> None:
        """Give ``incoming`` to the arrival's lead, supports and informed parties."""
        agency = arrival.agency
        lead = self._party(agency, arrival.lead)
        instruction = _pick(INSTRUCTIONS, arrival.texts).format(lead=lead.label())
        if arrival.informs:
            instruction = f"{instruction}\n{INFORM_INSTRUCTION}"
        incoming_assign(
            actor=router,
            incoming=incoming,
            lead=lead,
            supports=[Party(user=self.user(agency, name)) for name in arrival.supports],
            informs=[Party(user=self.user(agency, name)) for name in arrival.informs],
            instruction=instruction,
        )


def _reply_unit(arrival: Arrival) -> str:
    units = arrival.agency.context.units
    return arrival.lead.unit or units[arrival.texts % len(units)]


class ArrivalSteps:
    """The steps of one arrival, by the people of the receiving agency."""

    def __init__(self, replay: Replay, arrival: Arrival) -> None:
        agency = arrival.agency
        self.replay = replay
        self.arrival = arrival
        self.index = arrival.texts
        self.clerk = replay.user(agency, agency.team.clerk)
        self.router = replay.user(agency, agency.team.router)
        self.lead = replay.user(agency, arrival.lead.user)
        self.incoming: IncomingRecord | None = None

    def _record(self) -> IncomingRecord:
        if self.incoming is None:
            msg = "The arrival is not registered yet"
            raise ValueError(msg)
        return self.incoming

    def register(self) -> None:
        self.incoming = self.replay.register(self.arrival, self.clerk)

    def present(self) -> None:
        note = _pick(PRESENT_NOTES, self.index)
        incoming_present(actor=self.clerk, incoming=self._record(), note=note)

    def give_back(self) -> None:
        reason = _pick(RETURN_REASONS, self.index)
        incoming_return(actor=self.router, incoming=self._record(), reason=reason)

    def assign(self) -> None:
        self.replay.assign(self.arrival, self.router, self._record())

    def start(self) -> None:
        incoming_start(actor=self.lead, incoming=self._record())

    def note(self) -> None:
        proposal = _pick(PROPOSALS, self.index) if self.index % 2 else ""
        text = _pick(NOTES, self.index)
        incoming_note_add(actor=self.lead, incoming=self._record(), text=text, proposal=proposal)

    def complete(self) -> None:
        abbreviation = self.arrival.agency.context.abbreviation
        reply = f"{10 + self.index * 7 % 400}/{abbreviation}-{_reply_unit(self.arrival)}"
        incoming_complete(
            actor=self.lead,
            incoming=self._record(),
            note=_pick(DONE_NOTES, self.index),
            reply_reference=reply,
        )
