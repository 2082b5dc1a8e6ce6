"""Demo data of issue 6 for ``load_demo``: a 2026 file plan per agency and a few dossiers.

``dossiers_demo(agency)`` is idempotent (an agency that has its 2026 plan is left alone) and goes
through the real services, so every write is audited like a user's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier, FilePlan, FilePlanItem
from vanthu.dossiers.plan_services import (
    file_plan_approve,
    file_plan_create,
    file_plan_issue,
    heading_add,
    plan_item_add,
)
from vanthu.dossiers.proposals import proposals_for
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.worklist import unfiled_for

YEAR = 2026
# (heading title, abbreviation, [(item title, retention, keywords)]).
PLAN: tuple[tuple[str, str, tuple[tuple[str, Retention, str], ...]], ...] = (
    (
        "Tổng hợp",
        "TH",
        (
            (
                "Kế hoạch, báo cáo công tác năm 2026 của cơ quan",
                Retention.PERMANENT,
                "kế hoạch, báo cáo năm",
            ),
            (
                "Kế hoạch, báo cáo công tác tháng, quý năm 2026",
                Retention.Y10,
                "báo cáo tháng, báo cáo quý",
            ),
        ),
    ),
    (
        "Tổ chức, cán bộ",
        "TCCB",
        (
            ("Hồ sơ tuyển dụng, bổ nhiệm cán bộ năm 2026", Retention.Y70, "tuyển dụng, bổ nhiệm"),
            ("Hồ sơ thi đua, khen thưởng năm 2026", Retention.Y20, "thi đua, khen thưởng"),
        ),
    ),
    (
        "Hành chính, văn thư, lưu trữ",
        "VP",
        (
            (
                "Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2026",
                Retention.Y20,
                "văn thư, lưu trữ",
            ),
            (
                "Công văn trao đổi về công tác hành chính năm 2026",
                Retention.Y10,
                "hành chính, công văn",
            ),
        ),
    ),
)


@dataclass
class DossiersDemo:
    """What ``dossiers_demo`` made for one agency."""

    plan: FilePlan
    dossiers: list[Dossier] = field(default_factory=list)
    filed: int = 0


def _first(agency: Agency, role: Role) -> User | None:
    return (
        User.objects.filter(agency=agency, is_active=True, role_grants__role=role)
        .order_by("pk")
        .first()
    )


def _plan(agency: Agency, editor: User, leader: User) -> FilePlan:
    plan = file_plan_create(actor=editor, year=YEAR)
    for title, abbreviation, items in PLAN:
        heading = heading_add(actor=editor, plan=plan, title=title, abbreviation=abbreviation)
        for item_title, retention, keywords in items:
            plan_item_add(
                actor=editor,
                heading=heading,
                title=item_title,
                retention=retention,
                keywords=keywords,
            )
    file_plan_approve(actor=leader, plan=plan)
    return file_plan_issue(
        actor=editor,
        plan=plan,
        decision_number=f"01/QĐ-{agency.abbreviation}",
        decision_date=dt.date(YEAR, 1, 5),
    )


def _file_worklist(specialist: User, result: DossiersDemo, *, limit: int) -> None:
    """File the specialist's handled documents where the one-click proposal points."""
    for document in unfiled_for(actor=specialist)[:limit]:
        proposal = next(iter(proposals_for(actor=specialist, document_id=document.pk)), None)
        if proposal is None or proposal.plan_item is None:
            continue
        dossier = proposal.dossier or _open_for(specialist, proposal.plan_item, result)
        dossier_document_add(actor=specialist, dossier=dossier, document_id=document.pk)
        result.filed += 1


def _open_for(specialist: User, item: FilePlanItem, result: DossiersDemo) -> Dossier:
    for dossier in result.dossiers:
        if dossier.plan_item_id == item.pk:
            return dossier
    dossier = dossier_open(actor=specialist, plan_item=item, opened_on=dt.date(YEAR, 1, 6))
    result.dossiers.append(dossier)
    return dossier


def dossiers_demo(agency: Agency, *, file_limit: int = 20) -> DossiersDemo | None:
    """Create the 2026 plan of ``agency`` (issued), a dossier outside the plan, and file up to
    ``file_limit`` handled documents by their proposals. Return None when the agency lacks a
    clerk and a leader, or already has its plan (nothing is changed then)."""
    editor = _first(agency, Role.CLERK) or _first(agency, Role.AGENCY_ADMIN)
    leader = _first(agency, Role.AGENCY_LEADER)
    if editor is None or leader is None:
        return None
    if FilePlan.objects.filter(agency=agency, year=YEAR).exists():
        return None
    result = DossiersDemo(plan=_plan(agency, editor, leader))
    specialist = _first(agency, Role.SPECIALIST) or editor
    _file_worklist(specialist, result, limit=file_limit)
    outside = dossier_open(
        actor=specialist,
        title="Hồ sơ phục vụ đoàn kiểm tra của Sở Nội vụ năm 2026",
        code=f"99.{agency.abbreviation}"[:40],
        retention=Retention.Y10,
        opened_on=dt.date(YEAR, 2, 2),
    )
    result.dossiers.append(outside)
    for index, dossier in enumerate(result.dossiers):
        if dossier.items.exists():
            result.dossiers[index] = dossier_close(
                actor=specialist, dossier=dossier, retention=dossier.retention
            )
            break
    return result
