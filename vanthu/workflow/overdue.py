"""The overdue list for leaders: open assignments past their due date, per unit and per person.

Scope: an agency leader (or their delegate) sees the whole agency, a unit head their unit and
its members; nobody else has the list. Never another agency, never above the actor's
clearance. Overdue means the due date has passed; how late is counted in working days of the
agency's calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.accounts.roles import can_route, is_unit_head, max_confidentiality
from vanthu.core.collation import sort_key
from vanthu.core.errors import PermissionDeniedError
from vanthu.workflow.deadlines import working_days_left
from vanthu.workflow.enums import AssignmentStatus
from vanthu.workflow.links import document_link
from vanthu.workflow.models import Assignment
from vanthu.workflow.reminders import REMINDED_ROLES


@dataclass(frozen=True, slots=True)
class OverdueScope:
    """What the actor oversees: an agency, or one unit of it."""

    agency: Agency
    unit: OrgUnit | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OverdueItem:
    """One overdue assignment."""

    assignment: Assignment
    days_overdue: int
    link: str

    @property
    def party_label(self) -> str:
        party = self.assignment.party_user or self.assignment.party_unit
        return str(party)


@dataclass(slots=True)
class OverdueGroup:
    """The overdue items of one unit or one person."""

    key: int | None
    label: str
    items: list[OverdueItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass(slots=True, kw_only=True)
class OverdueReport:
    """The overdue list of a scope on a day."""

    scope: OverdueScope
    day: dt.date
    units: list[OverdueGroup]
    people: list[OverdueGroup]
    total: int


def overdue_scope_for(actor: User) -> OverdueScope:
    """Return what ``actor`` oversees; refuse anyone who is not a leader or a unit head."""
    agency = actor.agency
    if not actor.is_active or agency is None:
        raise PermissionDeniedError
    if can_route(actor):
        return OverdueScope(agency=agency)
    if actor.unit is not None and is_unit_head(actor):
        return OverdueScope(agency=agency, unit=actor.unit)
    raise PermissionDeniedError


def overdue_assignments_for(*, actor: User, on: dt.date) -> QuerySet[Assignment]:
    """Return the open lead/support assignments past due on ``on`` that ``actor`` oversees."""
    scope = overdue_scope_for(actor)
    queryset = Assignment.objects.filter(
        agency_id=scope.agency.pk,
        status=AssignmentStatus.ACTIVE,
        role__in=REMINDED_ROLES,
        due_date__lt=on,
        document__confidentiality__lte=max_confidentiality(actor),
    )
    if scope.unit is not None:
        queryset = queryset.filter(
            Q(party_unit_id=scope.unit.pk) | Q(party_user__unit_id=scope.unit.pk)
        )
    return queryset.select_related(
        "document", "party_user", "party_user__unit", "party_unit"
    ).order_by("due_date", "pk")


def _unit_of(assignment: Assignment) -> OrgUnit | None:
    if assignment.party_unit is not None:
        return assignment.party_unit
    user = assignment.party_user
    return user.unit if user is not None else None


def _sorted(groups: dict[int | None, OverdueGroup]) -> list[OverdueGroup]:
    return sorted(groups.values(), key=lambda group: (-group.count, sort_key(group.label)))


def overdue_report_for(*, actor: User, on: dt.date | None = None) -> OverdueReport:
    """Return the overdue list of what ``actor`` oversees, grouped per unit and per person.

    A unit's group holds what was given to the unit and to its members.
    """
    day = on or timezone.localdate()
    scope = overdue_scope_for(actor)
    calendar = agency_calendar(scope.agency)
    units: dict[int | None, OverdueGroup] = {}
    people: dict[int | None, OverdueGroup] = {}
    documents: set[int] = set()
    no_unit = _("(Chưa thuộc đơn vị)")
    for assignment in overdue_assignments_for(actor=actor, on=day):
        due = assignment.due_date or day
        item = OverdueItem(
            assignment=assignment,
            days_overdue=-working_days_left(due, today=day, calendar=calendar),
            link=document_link(assignment.document_id, assignment.agency_id),
        )
        documents.add(assignment.document_id)
        unit = _unit_of(assignment)
        label = unit.name if unit is not None else str(no_unit)
        unit_key = unit.pk if unit is not None else None
        units.setdefault(unit_key, OverdueGroup(unit_key, label)).items.append(item)
        if assignment.party_user is not None:
            user = assignment.party_user
            people.setdefault(user.pk, OverdueGroup(user.pk, str(user))).items.append(item)
    return OverdueReport(
        scope=scope,
        day=day,
        units=_sorted(units),
        people=_sorted(people),
        total=len(documents),
    )
