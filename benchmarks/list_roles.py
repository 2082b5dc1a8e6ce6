"""The incoming register list as a specialist and as a unit head (bench_incoming_list).

After the clerk's measurements, on the same 1,000,000 records: a unit with a specialist and
its head. The specialist leads ``SPECIALIST_DOCUMENTS`` documents spread evenly over the years
(the oldest ones done, one in ten superseded by a re-assignment, the newest ones open); the
unit itself leads ``UNIT_DOCUMENTS`` others; one document in ``BACKGROUND_EVERY`` is led by
someone of another unit (a working agency's assignments table, for the planner statistics).
The specialist sees their own (not superseded, not Mật); the head sees those and the unit's.
Each is timed like the clerk: page 1 ``repeats`` times, every page by ``next_cursor`` to the
end (checking the rows and their count), then the last page ``repeats`` times. Django is
imported inside the functions (the parent never does).
"""

from __future__ import annotations

from typing import Any

from benchmarks.list_timing import Session, measure_pages

SPECIALIST_DOCUMENTS = 300
UNIT_DOCUMENTS = 200
SUPERSEDED_EVERY = 10
BACKGROUND_EVERY = 4
OTHER_UNITS, PEOPLE_PER_UNIT = 5, 8


def _user(clerk: Any, unit: Any, username: str, role: str) -> tuple[Any, str]:
    from vanthu.accounts.models import User, UserRole  # noqa: PLC0415
    from vanthu.accounts.tokens import token_issue  # noqa: PLC0415

    user = User.objects.create_user(
        username=username, agency=clerk.agency, unit=unit, full_name=username
    )
    UserRole.objects.create(user=user, role=role)
    return user, token_issue(user=user, actor=None)


def _spread(first: int, last: int, count: int, shift: float) -> list[int]:
    step = (last - first + 1) / count
    return [first + int((k + shift) * step) for k in range(count)]


def _background(clerk: Any, first: int, last: int, taken: set[int]) -> None:
    """Give one document in ``BACKGROUND_EVERY`` to the other units' people (done), so that
    the assignments table and its statistics look like a working agency's."""
    from django.db import transaction  # noqa: PLC0415

    from vanthu.accounts.models import OrgUnit, User  # noqa: PLC0415
    from vanthu.demo.bulk import RowWriter  # noqa: PLC0415
    from vanthu.workflow.models import Assignment  # noqa: PLC0415

    people = []
    for u in range(OTHER_UNITS):
        unit = OrgUnit.objects.create(agency=clerk.agency, name=f"Phòng {u}", abbreviation=f"P{u}")
        people += [
            User.objects.create_user(username=f"bench-u{u}-{k}", agency=clerk.agency, unit=unit)
            for k in range(PEOPLE_PER_UNIT)
        ]
    rows = [
        {
            "document_id": document_id,
            "agency_id": clerk.agency_id,
            "party_user_id": people[document_id % len(people)].pk,
            "role": "lead",
            "status": "done",
            "assigned_by_id": clerk.pk,
        }
        for document_id in range(first, last + 1, BACKGROUND_EVERY)
        if document_id not in taken
    ]
    writer = RowWriter(Assignment)
    for start in range(0, len(rows), 50_000):
        with transaction.atomic():
            writer.insert(rows[start : start + 50_000])


def setup(clerk: Any) -> dict[str, tuple[str, set[int]]]:
    """Create the unit, its specialist and head, the assignments; return tokens and the
    document ids each must see."""
    from django.db.models import Max, Min  # noqa: PLC0415

    from benchmarks.bench_incoming_list import analyze  # noqa: PLC0415
    from vanthu.accounts.enums import Role  # noqa: PLC0415
    from vanthu.accounts.models import OrgUnit  # noqa: PLC0415
    from vanthu.documents.models import Document  # noqa: PLC0415
    from vanthu.workflow.enums import AssignmentRole, AssignmentStatus  # noqa: PLC0415
    from vanthu.workflow.models import Assignment  # noqa: PLC0415

    unit = OrgUnit.objects.create(agency=clerk.agency, name="Phòng Đo", abbreviation="PĐ")
    specialist, specialist_token = _user(clerk, unit, "bench-specialist", Role.SPECIALIST)
    _head, head_token = _user(clerk, unit, "bench-unit-head", Role.UNIT_HEAD)
    bounds = Document.objects.aggregate(lo=Min("pk"), hi=Max("pk"))
    mine = _spread(bounds["lo"], bounds["hi"], SPECIALIST_DOCUMENTS, 0.25)
    theirs = _spread(bounds["lo"], bounds["hi"], UNIT_DOCUMENTS, 0.75)
    rows = []
    for k, document_id in enumerate(mine):
        superseded = k % SUPERSEDED_EVERY == SUPERSEDED_EVERY - 1
        recent = k >= SPECIALIST_DOCUMENTS - 10
        status = (
            AssignmentStatus.SUPERSEDED
            if superseded
            else AssignmentStatus.ACTIVE
            if recent
            else AssignmentStatus.DONE
        )
        rows.append(
            Assignment(
                document_id=document_id,
                agency=clerk.agency,
                party_user=specialist,
                role=AssignmentRole.LEAD,
                status=status,
                assigned_by=clerk,
            )
        )
    rows += [
        Assignment(
            document_id=document_id,
            agency=clerk.agency,
            party_unit=unit,
            role=AssignmentRole.LEAD,
            status=AssignmentStatus.DONE,
            assigned_by=clerk,
        )
        for document_id in theirs
    ]
    Assignment.objects.bulk_create(rows, batch_size=500)
    _background(clerk, bounds["lo"], bounds["hi"], taken=set(mine) | set(theirs))
    analyze(("workflow_assignment",))
    public = Document.objects.filter(pk__in=mine + theirs, confidentiality=0)
    visible = set(public.values_list("pk", flat=True))
    own = {d for k, d in enumerate(mine) if k % SUPERSEDED_EVERY != SUPERSEDED_EVERY - 1}
    return {
        "specialist": (specialist_token, own & visible),
        "unit_head": (head_token, (own | set(theirs)) & visible),
    }


def _document_ids(session: Session) -> set[int]:
    """Return the document ids of every row the user's list shows (following next_cursor)."""
    from vanthu.incoming.models import IncomingRecord  # noqa: PLC0415

    ids: list[int] = []
    cursor: str | None = None
    while True:
        _elapsed, body = session.get(cursor)
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    return set(IncomingRecord.objects.filter(pk__in=ids).values_list("document_id", flat=True))


def measure(session: Session, expected: set[int], repeats: int) -> dict[str, Any]:
    """Time page 1, the walk and the last page of one user's list; check what it shows."""
    figures = measure_pages(session, pages=len(expected) // 50 + 2, repeats=repeats, warmup=10)
    return {
        "documents": len(expected),
        "shows_exactly_those": _document_ids(session) == expected,
        **figures,
    }


def run(clerk: Any, repeats: int) -> dict[str, Any]:
    """Set up the specialist and the unit head and measure both lists."""
    users = setup(clerk)
    return {
        role: measure(Session(token), expected, repeats)
        for role, (token, expected) in users.items()
    }
