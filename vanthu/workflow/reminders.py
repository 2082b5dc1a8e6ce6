"""Build the daily digest: per user, the open assignments due within 2 working days or overdue.

Working days follow each agency's calendar (``agency_calendar``). On a day that is not a
working day for an agency, its users get no digest: the next working day's digest has it all.
Only lead and support assignments have something to do; "để biết" ones are not reminded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.models import Agency, User
from vanthu.core.calendar import WorkingCalendar
from vanthu.documents.models import Document
from vanthu.workflow.deadlines import is_overdue, working_days_left
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.links import document_link
from vanthu.workflow.models import Assignment
from vanthu.workflow.recipients import recipients_of

REMIND_WITHIN_WORKING_DAYS = 2
REMINDED_ROLES = (AssignmentRole.LEAD, AssignmentRole.SUPPORT)


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestItem:
    """One document a user must handle soon, or should have handled already."""

    assignment_id: int
    document: Document
    agency_id: int
    role: str
    role_label: str
    unit_name: str | None
    due_date: dt.date
    days_left: int
    overdue: bool
    link: str


@dataclass(slots=True)
class Digest:
    """The digest of one user on one day."""

    user: User
    day: dt.date
    items: list[DigestItem] = field(default_factory=list)

    @property
    def overdue_items(self) -> list[DigestItem]:
        return [item for item in self.items if item.overdue]

    @property
    def due_soon_items(self) -> list[DigestItem]:
        return [item for item in self.items if not item.overdue]


def open_assignments_due(*, agency_id: int, until: dt.date) -> QuerySet[Assignment]:
    """Return the agency's open lead/support assignments due on or before ``until``."""
    return (
        Assignment.objects.filter(
            agency_id=agency_id,
            status=AssignmentStatus.ACTIVE,
            role__in=REMINDED_ROLES,
            due_date__isnull=False,
            due_date__lte=until,
        )
        .select_related("document", "party_user", "party_unit")
        .order_by("due_date", "pk")
    )


def _item(assignment: Assignment, *, on: dt.date, calendar: WorkingCalendar) -> DigestItem:
    due = assignment.due_date
    if due is None:  # open_assignments_due leaves none out; this narrows the type
        msg = "An assignment without a due date has no reminder"
        raise ValueError(msg)
    unit = assignment.party_unit
    return DigestItem(
        assignment_id=assignment.pk,
        document=assignment.document,
        agency_id=assignment.agency_id,
        role=assignment.role,
        role_label=str(assignment.get_role_display()),
        unit_name=unit.name if unit is not None else None,
        due_date=due,
        days_left=working_days_left(due, today=on, calendar=calendar),
        overdue=is_overdue(due, today=on),
        link=document_link(assignment.document_id, assignment.agency_id),
    )


def agency_digests(
    agency: Agency, *, on: dt.date, calendar: WorkingCalendar | None = None
) -> list[Digest]:
    """Return the digests of the agency's users on ``on`` (none on its days off).

    A user reached twice for one document (in person and as unit head) gets it once, with the
    earliest due date.
    """
    calendar = calendar or agency_calendar(agency)
    if not calendar.is_working_day(on):
        return []
    until = calendar.add_working_days(on, REMIND_WITHIN_WORKING_DAYS)
    digests: dict[int, Digest] = {}
    seen: set[tuple[int, int]] = set()
    for assignment in open_assignments_due(agency_id=agency.pk, until=until):
        item = _item(assignment, on=on, calendar=calendar)
        for user in recipients_of(assignment):
            if user.agency_id != agency.pk or (user.pk, assignment.document_id) in seen:
                continue
            seen.add((user.pk, assignment.document_id))
            digests.setdefault(user.pk, Digest(user=user, day=on)).items.append(item)
    return sorted(digests.values(), key=lambda digest: digest.user.pk)


def agencies_with_deadlines(*, until: dt.date | None = None) -> QuerySet[Agency]:
    """Return the agencies that have open lead/support assignments with a due date."""
    assignments = Assignment.objects.filter(
        status=AssignmentStatus.ACTIVE, role__in=REMINDED_ROLES, due_date__isnull=False
    )
    if until is not None:
        assignments = assignments.filter(due_date__lte=until)
    return Agency.objects.filter(pk__in=assignments.values("agency_id")).order_by("pk")


def digests_for_day(on: dt.date) -> list[Digest]:
    """Return every user's digest on ``on``, agency by agency."""
    return [
        digest for agency in agencies_with_deadlines() for digest in agency_digests(agency, on=on)
    ]
