"""Plan the recent arrivals: what the demo users find on their desks when they log in today.

Every agency gets arrivals of the last working weeks in every state, the newest still waiting
to be presented, the oldest handled, and a few past their due date. District People's
Committees, Sở Nội vụ and the provincial People's Committee also send documents inside the
installation; some still wait in the receivers' "chờ tiếp nhận" queues, one was refused.
"""

from __future__ import annotations

import datetime as dt
import random

from vanthu.demo.composer import DocumentComposer
from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.data.handling import REFUSAL_REASON
from vanthu.demo.data.inspection import INSPECTED_KINDS
from vanthu.demo.data.senders import SENDERS
from vanthu.demo.plan import Agency, Arrival, Dispatch, PaperFactory, Plan, WorkingDays, helpers
from vanthu.documents.enums import Confidentiality
from vanthu.incoming.enums import IncomingStatus

K = AgencyKind
S = IncomingStatus

# (working days before today, state reached); slot 3 is a document of the superior when the
# agency has one inside the installation. Assigned 9 days ago: past its due date.
SLOTS: tuple[tuple[int, IncomingStatus], ...] = (
    (1, S.REGISTERED),
    (2, S.PRESENTED),
    (3, S.ASSIGNED),
    (5, S.IN_PROGRESS),
    (10, S.ASSIGNED),
    (7, S.ASSIGNED),
    (8, S.RETURNED),
    (13, S.DONE),
)
OPEN = frozenset({S.ASSIGNED, S.IN_PROGRESS})
OVERDUE_DAYS = 10
SMALL_SLOTS = 5  # communes and district offices: the first five
SUPERIOR_SLOT = 3
NORMAL = int(Confidentiality.NORMAL)


class NowPlanner:
    """Plan the recent arrivals and the documents still waiting in the queues."""

    def __init__(
        self,
        agencies: list[Agency],
        rng: random.Random,
        calendar: WorkingDays,
        composer: DocumentComposer,
    ) -> None:
        self.agencies = agencies
        self.rng = rng
        self.calendar = calendar
        self.composer = composer
        self.papers = PaperFactory(rng)

    def _find(self, kind: AgencyKind, district: str = "") -> list[Agency]:
        return [
            agency
            for agency in self.agencies
            if agency.spec.kind == kind and (not district or agency.spec.district == district)
        ]

    def _dispatch(self, sender: Agency, days_ago: int, receivers: list[Agency]) -> Dispatch:
        day = self.calendar.before_today(days_ago)
        draft = self.composer.compose(sender.context, day, level=NORMAL)
        return Dispatch(sender, day, receivers, draft=draft)

    def dispatches(self) -> tuple[list[Dispatch], dict[int, Dispatch]]:
        """Return the recent dispatches, and the one filling each receiver's superior slot."""
        province = self._find(K.PROVINCE_COMMITTEE)[0]
        home_affairs = self._find(K.HOME_AFFAIRS)[0]
        archives = self._find(K.ARCHIVES_BRANCH)[0]
        districts = self._find(K.DISTRICT_COMMITTEE)
        sent = [
            self._dispatch(province, SUPERIOR_SLOT + 1, [home_affairs, *districts]),
            self._dispatch(home_affairs, SUPERIOR_SLOT + 1, [archives]),
        ]
        waiting = self._dispatch(archives, 2, [home_affairs])
        waiting.undecided = {home_affairs.pk}
        sent.append(waiting)
        for district in districts:
            bodies = [a for a in self.agencies if a.spec.district == district.spec.district]
            inspected = [a for a in bodies if a.spec.kind in INSPECTED_KINDS]
            sent.append(self._dispatch(district, SUPERIOR_SLOT + 1, inspected))
            offices = [a for a in inspected if a.spec.kind != K.LABOUR_OFFICE]
            waiting = self._dispatch(district, 1, inspected)
            waiting.undecided = {a.pk for a in offices}
            labour = next(a for a in inspected if a.spec.kind == K.LABOUR_OFFICE)
            if district.spec.district == "Hòn Đất":
                waiting.refused = {labour.pk: REFUSAL_REASON}
            else:
                waiting.undecided.add(labour.pk)
            sent.append(waiting)
        slots = {
            agency.pk: dispatch
            for dispatch in sent
            if not dispatch.undecided and not dispatch.refused
            for agency in dispatch.receivers
        }
        return sent, slots

    def _arrival(self, agency: Agency, days_ago: int, fate: IncomingStatus, index: int) -> Arrival:
        senders = [sender for sender in SENDERS if agency.spec.kind in sender.receivers]
        sender = senders[(index + agency.pk) % len(senders)]
        choices = sender.documents
        if fate in OPEN and days_ago < OVERDUE_DAYS:  # urgent ones would be overdue already
            choices = tuple(d for d in choices if d.urgency == "normal") or choices
        sent = self.rng.choice(choices)
        day = self.calendar.before_today(days_ago)
        issued = self.calendar.before_today(days_ago + self.rng.randint(1, 3))
        paper = self.papers.compose(sender, sent, agency, issued)
        arrival = self._handled(
            agency, day, fate, index, paper.urgency, confidential=sent.confidential
        )
        arrival.paper = paper
        return arrival

    def _handled(
        self,
        agency: Agency,
        day: dt.date,
        fate: IncomingStatus,
        index: int,
        urgency: str,
        *,
        confidential: bool,
    ) -> Arrival:
        team = agency.team
        lead = team.secret_lead if confidential else team.leads[index % len(team.leads)]
        supports, informs = helpers(team, lead, index, confidential=confidential)
        return Arrival(
            agency=agency,
            day=day,
            fate=fate,
            urgency=urgency,
            confidential=confidential,
            lead=lead,
            supports=supports,
            informs=informs,
            texts=index,
        )

    def plan(self) -> Plan:
        """Return the recent dispatches and arrivals of every demo agency."""
        dispatches, slots = self.dispatches()
        arrivals = []
        for agency in self.agencies:
            small = agency.spec.kind in INSPECTED_KINDS
            for index, (days_ago, fate) in enumerate(SLOTS[:SMALL_SLOTS] if small else SLOTS):
                dispatch = slots.get(agency.pk)
                if days_ago == SUPERIOR_SLOT and dispatch is not None:
                    day = self.calendar.before_today(days_ago)
                    draft = dispatch.draft
                    urgency = str(draft.fields["urgency"]) if draft else "normal"
                    arrival = self._handled(agency, day, fate, index, urgency, confidential=False)
                    arrival.dispatch = dispatch
                else:
                    arrival = self._arrival(agency, days_ago, fate, index)
                arrivals.append(arrival)
        return Plan(dispatches, arrivals)
