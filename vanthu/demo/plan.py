"""The shapes of the demo's incoming plan: what arrives where, when, and how far it gets.

A plan is computed first (deterministic, no writes), then replayed through the real services
(``vanthu.demo.replay``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field

from vanthu.demo.composer import AgencyContext, DraftDocument, past_periods
from vanthu.demo.data.agencies import DISTRICTS, AgencySpec
from vanthu.demo.data.senders import ExternalSender, SentDocument
from vanthu.demo.teams import TEAMS, Lead, Team
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import Document
from vanthu.incoming.enums import IncomingStatus


@dataclass(frozen=True, slots=True)
class Agency:
    """A demo agency as the plan sees it: its composer context and its specification."""

    context: AgencyContext
    spec: AgencySpec

    @property
    def pk(self) -> int:
        return self.context.agency_id

    @property
    def team(self) -> Team:
        return TEAMS[self.spec.kind]

    @property
    def district_label(self) -> str:
        """Return the district the agency is in, as written ("huyện Hòn Đất"), or ""."""
        district = next((d for d in DISTRICTS if d.name == self.spec.district), None)
        return f"{district.area_type} {district.name}" if district else ""


@dataclass(frozen=True, slots=True)
class PaperDocument:
    """A document of a body outside the installation, as the clerk types it in."""

    type_code: str
    organ_name: str
    code_number: str
    code_notation: str
    issued_date: dt.date
    subject: str
    signer_position: str
    signer_name: str
    urgency: str
    confidentiality: int
    page_amount: int


@dataclass(eq=False, slots=True)
class Dispatch:
    """A demo agency's document sent to other agencies of the installation.

    ``document_id`` names an existing document; otherwise ``draft`` is issued during the
    replay. ``undecided`` receivers leave it waiting in their queue, ``refused`` ones refuse it.
    """

    sender: Agency
    day: dt.date
    receivers: list[Agency]
    document_id: int | None = None
    draft: DraftDocument | None = None
    undecided: set[int] = field(default_factory=set)
    refused: dict[int, str] = field(default_factory=dict)
    document: Document | None = None


@dataclass(eq=False, slots=True)
class Arrival:
    """One registration in a receiver's book and the handling it gets."""

    agency: Agency
    day: dt.date
    fate: IncomingStatus
    urgency: str
    confidential: bool
    lead: Lead
    supports: tuple[str, ...] = ()
    informs: tuple[str, ...] = ()
    dispatch: Dispatch | None = None
    paper: PaperDocument | None = None
    late: bool = False
    texts: int = 0  # picks the notes, instructions and replies


@dataclass(slots=True)
class Plan:
    """Everything the replay does, in no particular order (it sorts by time)."""

    dispatches: list[Dispatch] = field(default_factory=list)
    arrivals: list[Arrival] = field(default_factory=list)


def helpers(
    team: Team, lead: Lead, index: int, *, confidential: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the supporting and informed parties that go with ``lead`` (none for Mật)."""
    if confidential:
        return (), ()
    supports = tuple(
        name
        for name in team.supports[index % max(len(team.supports), 1) :][:1]
        if name != lead.user
    )
    informs = tuple(
        name
        for name in team.informs[index % max(len(team.informs), 1) :][:1]
        if name != lead.user and name not in supports
    )
    return supports, informs


class PaperFactory:
    """Compose outside bodies' documents with plausible, never repeated numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._taken: set[tuple[int, str, str, str, int]] = set()

    def compose(
        self, sender: ExternalSender, sent: SentDocument, receiver: Agency, day: dt.date
    ) -> PaperDocument:
        where = receiver.district_label
        organ = sender.organ_name.format(district=where)
        if sent.code == "22":
            notation = f"{sender.abbreviation}-{sender.unit}"
        else:
            notation = f"{_TYPE_ABBREVIATIONS[sent.code]}-{sender.abbreviation}"
        number = day.timetuple().tm_yday * 4 + self.rng.randint(0, 3)
        while (receiver.pk, organ, notation, str(number), day.year) in self._taken:
            number += 1
        self._taken.add((receiver.pk, organ, notation, str(number), day.year))
        month = 12 if day.month == 1 else day.month - 1
        subject = sent.subject.format(
            year=day.year, month=month, period=past_periods(day)[0], district=where
        )
        return PaperDocument(
            type_code=sent.code,
            organ_name=organ,
            code_number=str(number),
            code_notation=notation,
            issued_date=day,
            subject=subject,
            signer_position=sender.signer_position,
            signer_name=sender.signer_name,
            urgency=sent.urgency,
            confidentiality=int(
                Confidentiality.CONFIDENTIAL if sent.confidential else Confidentiality.NORMAL
            ),
            page_amount=1 + int(self.rng.expovariate(0.5)),
        )


_TYPE_ABBREVIATIONS = {
    "07": "TB",
    "08": "HD",
    "10": "KH",
    "14": "BC",
    "23": "CĐ",
    "26": "GM",
}


class WorkingDays:
    """The working days of the replay, from the demo year to yesterday, with offsets."""

    def __init__(self, days: tuple[dt.date, ...]) -> None:
        self.days = days

    def after(self, day: dt.date, count: int) -> dt.date:
        """Return the working day ``count`` working days after ``day`` (at most the last one)."""
        index = min(bisect.bisect_right(self.days, day) - 1 + count, len(self.days) - 1)
        return self.days[max(index, 0)]

    def before_today(self, count: int) -> dt.date:
        """Return the working day ``count`` working days before today (1: the last one)."""
        return self.days[-count]
