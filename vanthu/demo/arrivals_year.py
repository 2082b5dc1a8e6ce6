"""Plan the demo year's arrivals (2020): documents between demo agencies, and paper from outside.

Sở Nội vụ's inspection papers reach the inspected bodies (Kế hoạch 26/KH-SNV reaches every
inspected Phòng Tư pháp, Phòng Lao động - Thương binh và Xã hội and commune, and their
districts' People's Committees); each inspected body's self-inspection report reaches Sở Nội
vụ; ordinary documents go up to the superior or down to the bodies below. Almost everything
of 2020 was handled; a few were handled late or returned.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from vanthu.demo.constants import DEMO_YEAR
from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.data.inspection import INSPECTED_KINDS, INSPECTION_PLAN_SUBJECT
from vanthu.demo.data.senders import SENDERS
from vanthu.demo.plan import Agency, Arrival, Dispatch, PaperFactory, Plan, WorkingDays, helpers
from vanthu.incoming.enums import IncomingStatus

K = AgencyKind
S = IncomingStatus
PAPER_COUNTS: dict[AgencyKind, int] = {
    K.PROVINCE_COMMITTEE: 5,
    K.HOME_AFFAIRS: 6,
    K.ARCHIVES_BRANCH: 3,
    K.DISTRICT_COMMITTEE: 4,
    K.JUSTICE_OFFICE: 2,
    K.LABOUR_OFFICE: 2,
    K.COMMUNE_COMMITTEE: 2,
}
SEND_SHARE = 0.12  # of an agency's ordinary documents, the share sent inside the installation


@dataclass(frozen=True, slots=True)
class YearDocument:
    """What the planner needs to know of one of the demo year's documents."""

    pk: int
    agency_id: int
    issued_date: dt.date
    subject: str
    urgency: str
    confidentiality: int


class YearPlanner:
    """Plan 2020's arrivals over the demo agencies."""

    def __init__(self, agencies: list[Agency], rng: random.Random, calendar: WorkingDays) -> None:
        self.agencies = agencies
        self.by_id = {agency.pk: agency for agency in agencies}
        self.rng = rng
        self.calendar = calendar
        self.papers = PaperFactory(rng)
        self.year_days = [day for day in calendar.days if day.year == DEMO_YEAR]

    def _of_kind(self, *kinds: AgencyKind, district: str | None = None) -> list[Agency]:
        return [
            agency
            for agency in self.agencies
            if agency.spec.kind in kinds and (district is None or agency.spec.district == district)
        ]

    def _curated_receivers(self, sender: Agency, doc: YearDocument) -> list[Agency] | None:
        """Return the receivers of an inspection document, or None for an ordinary one."""
        kind, subject = sender.spec.kind, doc.subject
        if kind in INSPECTED_KINDS and subject.startswith("Kết quả tự kiểm tra"):
            return self._of_kind(K.HOME_AFFAIRS)
        if kind != K.HOME_AFFAIRS:
            return None
        fixed = {
            INSPECTION_PLAN_SUBJECT: (K.DISTRICT_COMMITTEE, *INSPECTED_KINDS),
            "V/v thông báo lịch kiểm tra": (K.DISTRICT_COMMITTEE,),
            "Về việc thành lập Đoàn kiểm tra": (K.ARCHIVES_BRANCH,),
            "Kết quả kiểm tra công tác văn thư, lưu trữ năm": (K.PROVINCE_COMMITTEE,),
        }
        for start, kinds in fixed.items():
            if subject.startswith(start):
                return self._of_kind(*kinds)
        for agency in self._of_kind(K.DISTRICT_COMMITTEE):
            if subject.startswith("Kết quả kiểm tra") and agency.district_label in subject:
                district = agency.spec.district
                return self._of_kind(K.DISTRICT_COMMITTEE, *INSPECTED_KINDS, district=district)
        return None

    def _ordinary_receivers(self, sender: Agency) -> list[Agency]:
        rng, spec = self.rng, sender.spec
        if rng.random() >= SEND_SHARE:
            return []
        superior = [agency for agency in self.agencies if agency.spec.organ_id == spec.superior]
        if spec.kind in {K.PROVINCE_COMMITTEE, K.HOME_AFFAIRS}:
            below = self._of_kind(K.DISTRICT_COMMITTEE, K.HOME_AFFAIRS, K.ARCHIVES_BRANCH)
        elif spec.kind == K.DISTRICT_COMMITTEE:
            below = self._of_kind(*INSPECTED_KINDS, district=spec.district)
        else:
            return superior
        below = [agency for agency in below if agency.pk != sender.pk]
        return rng.sample(below, k=min(len(below), rng.randint(1, 3)))

    def dispatches(self, documents: list[YearDocument]) -> list[Dispatch]:
        """Return who each demo-year document was sent to (most are not sent anywhere)."""
        result = []
        for doc in documents:
            if self.calendar.after(doc.issued_date, 1).year != DEMO_YEAR:
                continue  # issued on the last working day: received in the next year
            sender = self.by_id[doc.agency_id]
            receivers = self._curated_receivers(sender, doc)
            if receivers is None:
                receivers = self._ordinary_receivers(sender)
            if receivers:
                result.append(Dispatch(sender, doc.issued_date, receivers, document_id=doc.pk))
        return result

    def _fate(self) -> tuple[IncomingStatus, bool]:
        draw = self.rng.random()
        if draw < 0.04:
            return S.RETURNED, False
        return S.DONE, draw > 0.92

    def _arrival(
        self, agency: Agency, day: dt.date, *, urgency: str, confidential: bool, index: int
    ) -> Arrival:
        team = agency.team
        lead = team.secret_lead if confidential else self.rng.choice(team.leads)
        supports, informs = helpers(team, lead, index, confidential=confidential)
        fate, late = self._fate()
        return Arrival(
            agency=agency,
            day=day,
            fate=fate,
            urgency=urgency,
            confidential=confidential,
            lead=lead,
            supports=supports,
            informs=informs,
            late=late,
            texts=index,
        )

    def delivered(self, dispatch: Dispatch, documents: dict[int, YearDocument]) -> list[Arrival]:
        """Return the receivers' registrations of a dispatch, the next working day."""
        doc = documents[dispatch.document_id or 0]
        day = self.calendar.after(dispatch.day, 1)
        arrivals = []
        for index, agency in enumerate(dispatch.receivers):
            arrival = self._arrival(
                agency,
                day,
                urgency=doc.urgency,
                confidential=doc.confidentiality > 0,
                index=index + doc.pk,
            )
            arrival.dispatch = dispatch
            arrivals.append(arrival)
        return arrivals

    def paper(self, agency: Agency) -> list[Arrival]:
        """Return an agency's paper arrivals of the year from bodies outside the installation."""
        senders = [sender for sender in SENDERS if agency.spec.kind in sender.receivers]
        arrivals = []
        for index in range(PAPER_COUNTS[agency.spec.kind]):
            sender = self.rng.choice(senders)
            sent = self.rng.choice(sender.documents)
            day = self.rng.choice(self.year_days[5:])
            issued = self.year_days[self.year_days.index(day) - self.rng.randint(1, 4)]
            paper = self.papers.compose(sender, sent, agency, issued)
            arrival = self._arrival(
                agency, day, urgency=sent.urgency, confidential=sent.confidential, index=index
            )
            arrival.paper = paper
            arrivals.append(arrival)
        return arrivals

    def plan(self, documents: list[YearDocument]) -> Plan:
        """Return the demo year's dispatches and arrivals."""
        by_pk = {doc.pk: doc for doc in documents}
        dispatches = self.dispatches(documents)
        arrivals = [a for dispatch in dispatches for a in self.delivered(dispatch, by_pk)]
        for agency in self.agencies:
            arrivals.extend(self.paper(agency))
        return Plan(dispatches, arrivals)
