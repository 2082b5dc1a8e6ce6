"""The demo agencies' incoming side: the demo year's arrivals and the recent ones (idempotent).

The whole incoming side is loaded once, in the loading transaction, when no demo agency has an
incoming record of the demo year yet; afterwards a load changes nothing (the recent part is
"recent" as of the day of that first load).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable

from vanthu.demo.arrivals_now import SLOTS, NowPlanner
from vanthu.demo.arrivals_year import YearDocument, YearPlanner
from vanthu.demo.clock import demo_clock
from vanthu.demo.composer import AgencyContext, DocumentComposer, working_days
from vanthu.demo.constants import DEMO_YEAR
from vanthu.demo.data.agencies import AGENCIES
from vanthu.demo.plan import Agency, WorkingDays
from vanthu.demo.replay import Replay
from vanthu.documents.models import Document, DocumentType
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.models import IncomingRecord

INCOMING_SEED = 20200424


def incoming_loaded(agency_ids: list[int]) -> bool:
    """Return whether the demo agencies' incoming side is already there."""
    return IncomingRecord.objects.filter(agency_id__in=agency_ids, arrival_year=DEMO_YEAR).exists()


def _year_documents(agency_ids: list[int]) -> list[YearDocument]:
    rows = (
        Document.objects.filter(
            owner_agency_id__in=agency_ids,
            issuing_agency_id__in=agency_ids,
            issued_date__year=DEMO_YEAR,
        )
        .order_by("issued_date", "pk")
        .values_list(
            "pk", "owner_agency_id", "issued_date", "subject", "urgency", "confidentiality"
        )
    )
    return [YearDocument(*row) for row in rows]


def load_incoming(
    contexts: list[AgencyContext],
    types: dict[str, DocumentType],
    *,
    today: dt.date | None = None,
    alongside: Callable[[Replay], None] | None = None,
) -> Counter[str]:
    """Register, hand out and handle the demo agencies' incoming documents; call in a transaction.

    ``alongside`` may schedule more steps on the replay (the outgoing work), run in time order
    with the incoming ones. Returns how many incoming records, deliveries and documents were
    created (nothing when the incoming side is already there).
    """
    agency_ids = [context.agency_id for context in contexts]
    if incoming_loaded(agency_ids):
        return Counter()
    agencies = [Agency(context, spec) for context, spec in zip(contexts, AGENCIES, strict=True)]
    today = today or today_in_vietnam()
    calendar = WorkingDays(working_days(dt.date(DEMO_YEAR, 1, 2), today - dt.timedelta(days=1)))
    rng = random.Random(INCOMING_SEED)  # noqa: S311 - demo data, not security
    year = YearPlanner(agencies, rng, calendar).plan(_year_documents(agency_ids))
    composer = DocumentComposer(rng, types, allow_classified=False)
    now = NowPlanner(agencies, rng, calendar, composer).plan()
    with demo_clock() as clock:
        replay = Replay(clock=clock, calendar=calendar, agency_ids=agency_ids)
        replay.add(year)
        replay.read_all(calendar.before_today(max(days for days, _fate in SLOTS) + 5))
        replay.add(now)
        if alongside is not None:
            alongside(replay)
        return replay.run()
