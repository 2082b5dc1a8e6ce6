"""Demo hand-overs to the agency archive (nộp lưu) of the year of the demo documents.

For each agency with a specialist, a leader and an archivist, the specialist's 2020 work files
are opened, filled and closed early in 2021 (so they have been due at the archive for years);
then, through the real services of ``vanthu.archive`` (audited like real use):

- one batch the archivist accepted in March 2021 (the dossiers are holdings, "đã nộp lưu");
- one batch submitted recently, waiting for the archivist's check;
- one construction dossier kept back with the leader's written consent;
- one closed dossier still overdue, not yet handed over.

An agency that already has a hand-over batch is left alone, so loading again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.archive.kept_back import kept_back_record
from vanthu.archive.models import Handover, KeptBackDossier
from vanthu.archive.services import handover_accept, handover_submit
from vanthu.demo.clock import DemoClock, demo_clock
from vanthu.demo.constants import DEMO_YEAR
from vanthu.documents.models import Document
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.selectors import documents_reachable_for
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.worklist import unfiled_for

DOCS_PER_DOSSIER = 2
CLOSED_ON = dt.date(DEMO_YEAR + 1, 1, 11)
ACCEPTED_SUBMIT_ON = dt.date(DEMO_YEAR + 1, 3, 15)
ACCEPTED_ON = dt.date(DEMO_YEAR + 1, 3, 22)
SETTLEMENT_DATE = dt.date(2026, 9, 30)  # construction: due 3 months after the final settlement
KEPT_UNTIL = dt.date(2027, 12, 31)
WAITING_DAYS_AGO = 3
ROLES = (Role.SPECIALIST, Role.AGENCY_LEADER, Role.ARCHIVIST)


@dataclass(frozen=True, slots=True)
class DemoDossier:
    """A 2020 work file of the demo: its code suffix, title, retention and what becomes of it."""

    number: str
    title: str
    retention: Retention
    fate: str  # "accepted", "submitted", "kept_back" or "overdue"
    is_construction: bool = False


DOSSIERS: tuple[DemoDossier, ...] = (
    DemoDossier(
        "01", "Kế hoạch, báo cáo công tác năm 2020 của cơ quan", Retention.PERMANENT, "accepted"
    ),
    DemoDossier(
        "02", "Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2020", Retention.Y20, "accepted"
    ),
    DemoDossier("03", "Hồ sơ thi đua, khen thưởng năm 2020", Retention.Y20, "submitted"),
    DemoDossier(
        "04",
        "Hồ sơ công trình sửa chữa, cải tạo trụ sở làm việc",
        Retention.Y20,
        "kept_back",
        is_construction=True,
    ),
    DemoDossier(
        "05", "Công văn trao đổi về công tác tổ chức, cán bộ năm 2020", Retention.Y10, "overdue"
    ),
)


@dataclass
class HandoversDemo:
    """What ``handovers_demo`` made for one agency."""

    dossiers: dict[str, Dossier] = field(default_factory=dict)
    handovers: list[Handover] = field(default_factory=list)
    kept_back: KeptBackDossier | None = None


def _first(agency: Agency, role: Role) -> User | None:
    return (
        User.objects.filter(agency=agency, is_active=True, role_grants__role=role)
        .order_by("pk")
        .first()
    )


def _documents(specialist: User) -> list[Document]:
    """The 2020 documents to file: those the specialist handled first, then others of the
    agency the specialist may file; each group oldest first."""
    wanted = DOCS_PER_DOSSIER * len(DOSSIERS)
    handled = list(
        unfiled_for(actor=specialist)
        .filter(issued_date__year=DEMO_YEAR)
        .order_by("issued_date", "pk")[:wanted]
    )
    others = (
        documents_reachable_for(actor=specialist)
        .filter(issued_date__year=DEMO_YEAR)
        .exclude(pk__in=[document.pk for document in handled])
        .order_by("issued_date", "pk")
    )
    chosen = handled + list(others[: wanted - len(handled)])
    return sorted(chosen, key=lambda document: (document.issued_date, document.pk))


def _open_and_close(
    specialist: User, agency: Agency, spec: DemoDossier, documents: list[Document]
) -> Dossier:
    dossier = dossier_open(
        actor=specialist,
        title=spec.title,
        code=f"{spec.number}.NL.{agency.abbreviation}"[:40],
        retention=spec.retention,
        opened_on=min(document.issued_date for document in documents),
        is_construction=spec.is_construction,
    )
    for document in documents:
        dossier_document_add(actor=specialist, dossier=dossier, document_id=document.pk)
    return dossier_close(
        actor=specialist,
        dossier=dossier,
        retention=spec.retention,
        settlement_date=SETTLEMENT_DATE if spec.is_construction else None,
    )


def _by_fate(result: HandoversDemo, fate: str) -> list[int]:
    fates = {spec.number: spec.fate for spec in DOSSIERS}
    return [dossier.pk for number, dossier in result.dossiers.items() if fates[number] == fate]


def _hand_over(
    clock: DemoClock, result: HandoversDemo, people: dict[Role, User], today: dt.date
) -> None:
    specialist, archivist, leader = (
        people[Role.SPECIALIST],
        people[Role.ARCHIVIST],
        people[Role.AGENCY_LEADER],
    )
    clock.set(ACCEPTED_SUBMIT_ON, 9 * 60)
    batch = handover_submit(actor=specialist, dossier_ids=_by_fate(result, "accepted"))
    clock.set(ACCEPTED_ON, 14 * 60 + 30)
    result.handovers.append(
        handover_accept(
            actor=archivist,
            handover=batch,
            note="Hồ sơ đầy đủ, sắp xếp đúng thứ tự, khớp với mục lục.",
        )
    )
    clock.set(today - dt.timedelta(days=WAITING_DAYS_AGO), 10 * 60)
    result.handovers.append(
        handover_submit(actor=specialist, dossier_ids=_by_fate(result, "submitted"))
    )
    clock.set(today - dt.timedelta(days=1), 15 * 60)
    (kept_id,) = _by_fate(result, "kept_back")
    result.kept_back = kept_back_record(
        actor=leader,
        dossier=Dossier.objects.get(pk=kept_id),
        reason="Công trình còn theo dõi bảo hành; đơn vị cần hồ sơ để giải quyết công việc.",
        kept_until=KEPT_UNTIL,
        consent_reference="Văn bản đồng ý của Thủ trưởng cơ quan",
        consent_date=today - dt.timedelta(days=1),
    )


def handovers_demo(agency: Agency) -> HandoversDemo | None:
    """Make the demo work files of 2020 and their hand-over for ``agency``; return None when
    the agency lacks a specialist, leader, archivist or documents, or already has a batch."""
    found = {role: _first(agency, role) for role in ROLES}
    people = {role: user for role, user in found.items() if user is not None}
    if len(people) < len(ROLES):
        return None
    specialist = people[Role.SPECIALIST]
    if Handover.objects.filter(agency=agency).exists():
        return None
    documents = _documents(specialist)
    if len(documents) < DOCS_PER_DOSSIER * len(DOSSIERS):
        return None
    result = HandoversDemo()
    today = timezone.localdate()  # before the clock moves back
    with demo_clock() as clock:
        clock.set(CLOSED_ON, 8 * 60 + 30)
        for index, spec in enumerate(DOSSIERS):
            chunk = documents[index * DOCS_PER_DOSSIER : (index + 1) * DOCS_PER_DOSSIER]
            result.dossiers[spec.number] = _open_and_close(specialist, agency, spec, chunk)
        _hand_over(clock, result, people, today)
    return result
