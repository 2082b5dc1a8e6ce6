"""The demo agencies' outgoing work of the current year, replayed through the outgoing services.

Sở Nội vụ, Ủy ban nhân dân tỉnh and Ủy ban nhân dân huyện Hòn Đất (``outgoing_texts``) draft,
review, check, approve and issue their documents on days spread over the year, under the demo
clock: numbers come from each agency's outgoing book in date order, deliveries reach other
agencies' "chờ tiếp nhận" queues (some accepted there) and the post; one document is
copied (sao y) and one recalled. Drafts still on their way sit at every stage in the last days.

The steps run among the incoming replay's (``schedule_outgoing``), so numbers, arrivals and
assignments follow the days in every book. Issuing renders the DOCX and converts it to PDF (about
half a second each with the resident converter, seconds without), so the demo issues twelve
documents only: about 15 s more for ``load_demo``. The whole outgoing side is loaded once, when no
demo agency has a draft yet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Protocol

from vanthu.accounts.models import Agency as AgencyModel
from vanthu.accounts.models import OrgUnit, User
from vanthu.demo.clock import DemoClock, demo_clock
from vanthu.demo.composer import AgencyContext, signer_position, working_days
from vanthu.demo.data.agencies import AGENCIES
from vanthu.demo.outgoing_plan import ISSUERS, Issuer, OutgoingItem, Stage
from vanthu.demo.outgoing_texts import ITEMS, LEGAL_BASES
from vanthu.demo.plan import WorkingDays
from vanthu.documents.numbering import today_in_vietnam
from vanthu.drafting.content import DraftContent, Paragraph
from vanthu.incoming.models import IncomingDelivery
from vanthu.incoming.services import delivery_accept
from vanthu.outgoing.enums import CopyForm, DistributionKind, ReviewDecision
from vanthu.outgoing.models import Distribution, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.services import (
    DistributionInput,
    DraftSource,
    copy_make,
    distribution_post,
    draft_approve,
    draft_create,
    draft_format_check,
    draft_issue,
    draft_review,
    draft_submit,
    outgoing_deliver,
    outgoing_recall,
)

WEEK = 5  # working days
RECENT_DAYS = 25  # dated weeks stay before the last working weeks (the recent arrivals)
CLERK = "vanthu"
Action = Callable[[], None]


def outgoing_loaded(agency_ids: list[int]) -> bool:
    """Return whether the demo agencies' outgoing side is already there."""
    return OutgoingDraft.objects.filter(agency_id__in=agency_ids).exists()


def initials(full_name: str) -> str:
    """Return the drafter's initials as printed after "Lưu: VT": "Lê Minh Tuấn" → "LMT"."""
    return "".join(word[0] for word in full_name.split()).upper()


class Scheduler(Protocol):
    """Where the steps go: the incoming replay (``vanthu.demo.replay.Replay``) or ``StepRun``."""

    created: Counter[str]

    def at(self, day: dt.date, minutes: int, action: Action) -> None: ...


class StepRun:
    """Run scheduled steps in time order under ``clock`` (when the incoming side is loaded)."""

    def __init__(self, clock: DemoClock) -> None:
        self.clock = clock
        self.events: list[tuple[dt.date, int, int, Action]] = []
        self.created: Counter[str] = Counter()

    def at(self, day: dt.date, minutes: int, action: Action) -> None:
        self.events.append((day, minutes, len(self.events), action))

    def run(self) -> Counter[str]:
        for day, minutes, _seq, action in sorted(self.events, key=lambda e: e[:3]):
            self.clock.set(day, minutes)
            action()
        return self.created


class OutgoingReplay:
    """Put the steps of every outgoing item on the working days of the current year."""

    def __init__(
        self, *, scheduler: Scheduler, calendar: WorkingDays, slugs: dict[str, int]
    ) -> None:
        self.scheduler = scheduler
        self.created = scheduler.created
        self.calendar = calendar
        self.slugs = slugs
        self.agencies = AgencyModel.objects.in_bulk(list(slugs.values()))
        self.users = {
            user.username: user for user in User.objects.filter(agency_id__in=slugs.values())
        }
        self.units = {
            (unit.agency_id, unit.abbreviation): unit
            for unit in OrgUnit.objects.filter(agency_id__in=slugs.values())
        }

    def at(self, day: dt.date, minutes: int, action: Action) -> None:
        self.scheduler.at(day, minutes, action)

    def user(self, slug: str, suffix: str) -> User:
        return self.users[f"{slug}.{suffix}"]

    def day(self, item: OutgoingItem) -> dt.date:
        """Return the day of the item's last step (issue, or the stage the draft reached)."""
        if item.week <= 0:
            return self.calendar.before_today(max(1, -item.week * WEEK))
        last = max(len(self.calendar.days) - RECENT_DAYS, 0)
        return self.calendar.days[min(item.week * WEEK, last)]

    def add(self, item: OutgoingItem) -> None:
        ItemSteps(self, item).schedule()


class ItemSteps:
    """The steps of one outgoing item, by the people of the issuing agency."""

    def __init__(self, replay: OutgoingReplay, item: OutgoingItem) -> None:
        self.replay = replay
        self.item = item
        self.issuer: Issuer = ISSUERS[item.issuer]
        self.agency = replay.agencies[replay.slugs[item.issuer]]
        slug = self.issuer.slug
        self.author = replay.user(slug, self.issuer.author)
        self.reviewer = replay.user(slug, self.issuer.reviewer)
        self.clerk = replay.user(slug, self.issuer.clerk)
        leaders = self.issuer.leaders
        self.deputy = item.deputy and len(leaders) > 1
        self.signer = replay.user(slug, leaders[1] if self.deputy else leaders[0])
        self.draft: OutgoingDraft | None = None
        self.record: OutgoingRecord | None = None

    def _text(self, text: str) -> str:
        return text.format(year=self.replay.day(self.item).year)

    def content(self) -> DraftContent:
        item, issuer = self.item, self.issuer
        authority, authority_body = issuer.authority, issuer.authority_body
        if self.deputy:
            authority, authority_body = "KT.", issuer.deputy_body
        return DraftContent(
            type_code=item.type_code,
            superior_name=issuer.superior_name,
            issuer_name=issuer.issuer_name,
            issuer_abbreviation=self.agency.abbreviation,
            unit_abbreviation=issuer.unit,
            place_name=self.agency.place_name,
            subject=self._text(item.subject),
            legal_bases=list(LEGAL_BASES.get(item.type_code, ())),
            body=[Paragraph(text=self._text(text)) for text in item.body],
            addressees=list(item.addressees),
            recipients=list(item.recipients),
            archive_copies=1,
            authority=authority,
            authority_body=authority_body,
            signer_position=signer_position(self.signer.position_title).upper(),
            signer_name=self.signer.full_name,
            drafter_initials=initials(self.author.full_name),
        )

    def schedule(self) -> None:
        """Put the item's steps on working days ending on its day."""
        item, replay = self.item, self.replay
        steps: list[tuple[int, Action]] = [(8 * 60 + 30, self.create)]
        if item.stage >= Stage.SUBMITTED:
            steps.append((9 * 60 + 45, self.submit))
        if item.stage == Stage.RETURNED:
            steps.append((10 * 60 + 30, self.give_back))
        if item.stage >= Stage.REVIEWED:
            steps.append((10 * 60 + 30, self.review))
        if item.stage >= Stage.CHECKED:
            steps.append((14 * 60, self.check))
        if item.stage >= Stage.APPROVED:
            steps.append((8 * 60, self.approve))
        if item.stage >= Stage.ISSUED:
            steps.append((10 * 60, self.issue))
        last = replay.day(item)
        index = replay.calendar.days.index(last)
        for offset, (minutes, action) in enumerate(steps):
            day = replay.calendar.days[max(index - (len(steps) - 1 - offset), 0)]
            replay.at(day, minutes, action)
        if item.stage == Stage.ISSUED:
            self._schedule_after_issue(last)

    def _schedule_after_issue(self, day: dt.date) -> None:
        replay, item = self.replay, self.item
        replay.at(day, 10 * 60 + 15, self.deliver)
        if item.posts:
            replay.at(day, 15 * 60 + 30, self.post)
        next_day = replay.calendar.after(day, 1)
        for slug in item.accepts:
            replay.at(next_day, 8 * 60 + 15, partial(self.accept, slug))
        if item.copy:
            replay.at(next_day, 14 * 60, self.copy)
        if item.recall:
            replay.at(replay.calendar.after(day, 3), 9 * 60, self.recall)

    # --- steps ----------------------------------------------------------------------------------

    def _draft_id(self) -> int:
        if self.draft is None:
            msg = "The draft is not created yet"
            raise ValueError(msg)
        return self.draft.pk

    def _record_id(self) -> int:
        if self.record is None:
            msg = "The document is not issued yet"
            raise ValueError(msg)
        return self.record.pk

    def create(self) -> None:
        unit = self.replay.units[(self.agency.pk, self.issuer.unit)]
        self.draft = draft_create(
            actor=self.author, source=DraftSource(content=self.content()), unit=unit
        )
        self.replay.created["outgoing_drafts"] += 1

    def submit(self) -> None:
        draft_submit(actor=self.author, draft_id=self._draft_id())

    def give_back(self) -> None:
        draft_review(
            actor=self.reviewer,
            draft_id=self._draft_id(),
            decision=ReviewDecision.RETURN,
            comment=self.item.comment,
        )

    def review(self) -> None:
        draft_review(
            actor=self.reviewer, draft_id=self._draft_id(), decision=ReviewDecision.APPROVE
        )

    def check(self) -> None:
        draft_format_check(actor=self.clerk, draft_id=self._draft_id())

    def approve(self) -> None:
        draft_approve(actor=self.signer, draft_id=self._draft_id())

    def _distribution(self) -> list[DistributionInput]:
        item, replay = self.item, self.replay
        units = [
            DistributionInput(
                kind=DistributionKind.UNIT, unit_id=replay.units[(self.agency.pk, unit)].pk
            )
            for unit in item.units
        ]
        agencies = [
            DistributionInput(kind=DistributionKind.AGENCY, agency_id=replay.slugs[slug])
            for slug in (*item.accepts, *item.waits)
        ]
        posts = [
            DistributionInput(
                kind=DistributionKind.POST,
                name=address.split(",", maxsplit=1)[0],
                postal_address=address,
            )
            for address in item.posts
        ]
        return [*units, *agencies, *posts]

    def issue(self) -> None:
        self.record = draft_issue(
            actor=self.clerk, draft_id=self._draft_id(), distribution=self._distribution()
        )
        self.replay.created["outgoing_records"] += 1

    def deliver(self) -> None:
        record_row = outgoing_deliver(actor=self.clerk, record_id=self._record_id())
        sent = IncomingDelivery.objects.filter(document_id=record_row.document_id).count()
        self.replay.created["deliveries"] += sent

    def post(self) -> None:
        rows = Distribution.objects.filter(
            record_id=self._record_id(), kind=DistributionKind.POST
        ).order_by("pk")
        for row in rows:
            distribution_post(actor=self.clerk, distribution_id=row.pk)

    def accept(self, slug: str) -> None:
        record_row = self.record
        if record_row is None:
            msg = "The document is not issued yet"
            raise ValueError(msg)
        delivery = IncomingDelivery.objects.get(
            document_id=record_row.document_id, to_agency_id=self.replay.slugs[slug]
        )
        delivery_accept(actor=self.replay.user(slug, CLERK), delivery=delivery)
        self.replay.created["incoming_records"] += 1

    def copy(self) -> None:
        head = self.replay.user(self.issuer.slug, "chanhvanphong")
        copy_make(
            actor=self.clerk,
            record_id=self._record_id(),
            form=CopyForm.TRUE_COPY,
            signer_position=head.position_title,
            signer_name=head.full_name,
            recipients="Đoàn kiểm tra công tác văn thư, lưu trữ",
        )
        self.replay.created["outgoing_copies"] += 1

    def recall(self) -> None:
        outgoing_recall(actor=self.clerk, record_id=self._record_id(), reason=self.item.recall)
        self.replay.created["outgoing_recalls"] += 1


def _calendar(today: dt.date) -> WorkingDays:
    """Return the working days of the current year before today (a year back in early months)."""
    start = dt.date(today.year, 1, 2)
    if (today - start).days < 120:
        start = today - dt.timedelta(days=365)
    return WorkingDays(working_days(start, today - dt.timedelta(days=1)))


def schedule_outgoing(
    scheduler: Scheduler, contexts: list[AgencyContext], *, today: dt.date | None = None
) -> None:
    """Schedule the demo agencies' outgoing work on ``scheduler`` (nothing if already loaded)."""
    agency_ids = [context.agency_id for context in contexts]
    if outgoing_loaded(agency_ids):
        return
    slugs = {spec.slug: context.agency_id for context, spec in zip(contexts, AGENCIES, strict=True)}
    calendar = _calendar(today or today_in_vietnam())
    replay = OutgoingReplay(scheduler=scheduler, calendar=calendar, slugs=slugs)
    for item in ITEMS:
        replay.add(item)


def load_outgoing(contexts: list[AgencyContext], *, today: dt.date | None = None) -> Counter[str]:
    """Draft, review, issue and deliver the demo agencies' outgoing work; call in a transaction.

    On an empty database ``load_incoming`` runs these steps among its own (``schedule_outgoing``),
    so that each book's numbers follow the dates; this runs them alone for a database whose
    incoming side was loaded before. Returns how many drafts, issued records, copies, recalls,
    deliveries and incoming records (accepted deliveries) were created; nothing when the outgoing
    side is already there.
    """
    if outgoing_loaded([context.agency_id for context in contexts]):
        return Counter()
    with demo_clock() as clock:
        steps = StepRun(clock)
        schedule_outgoing(steps, contexts, today=today)
        return steps.run()
