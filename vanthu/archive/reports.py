"""Filing compliance per unit and person (issue 6 Reports): documents handled vs filed, dossiers
opened and closed in the period (a whole year, or a range of days of at most a year),
dossiers overdue for hand-over.

A document counts as handled by a person when they completed it as the lead of an incoming
assignment, or drafted an outgoing document that was issued, in the period; it counts as filed
when it is in one of that person's dossiers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, is_agency_admin_of, is_unit_head
from vanthu.archive.access import is_archivist
from vanthu.archive.due import overdue_dossiers
from vanthu.core.collation import sort_key
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.printing.period import Period, period_of
from vanthu.dossiers.models import Dossier, DossierItem
from vanthu.outgoing.models import OutgoingRecord
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.models import Assignment


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    """The figures of one person or one unit."""

    key: int | None
    name: str
    unit: str
    handled: int
    filed: int
    opened: int
    closed: int
    overdue: int

    @property
    def unfiled(self) -> int:
        return self.handled - self.filed

    @property
    def filed_percent(self) -> float:
        return round(100 * self.filed / self.handled, 1) if self.handled else 100.0


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    year: int
    on: dt.date
    units: list[ComplianceRow]
    people: list[ComplianceRow]
    period: Period

    @property
    def whole_year(self) -> bool:
        return self.period == Period(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))


def _scope(actor: User) -> tuple[int, int | None]:
    """Return the actor's agency and None for the whole agency, or the unit the actor heads;
    refuse anyone else."""
    agency_id = actor.agency_id
    if agency_id is None or not actor.is_active:
        raise PermissionDeniedError
    if can_route(actor) or is_archivist(actor) or is_agency_admin_of(actor, agency_id):
        return agency_id, None
    if is_unit_head(actor) and actor.unit_id is not None:
        return agency_id, actor.unit_id
    raise PermissionDeniedError(
        _("Chỉ lãnh đạo, lưu trữ hoặc lãnh đạo đơn vị mới xem báo cáo lập hồ sơ.")
    )


def _days(period: Period) -> tuple[dt.date, dt.date]:
    return period.date_from, period.date_to


def _handled(agency_id: int, period: Period) -> set[tuple[int, int]]:
    incoming = Assignment.objects.filter(
        agency_id=agency_id,
        role=AssignmentRole.LEAD,
        status=AssignmentStatus.DONE,
        party_user__isnull=False,
        closed_at__date__range=_days(period),
    ).values_list("party_user_id", "document_id")
    issued = OutgoingRecord.objects.filter(
        agency_id=agency_id, issued_date__range=_days(period), draft__isnull=False
    ).values_list("draft__author_id", "document_id")
    return {(int(user), int(doc)) for user, doc in [*incoming, *issued]}


def filing_compliance(
    *,
    actor: User,
    year: int | None = None,
    on: dt.date | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> ComplianceReport:
    """Return the filing figures of the actor's agency (a unit head: their unit) for ``year``
    or for the days from ``date_from`` to ``date_to`` (by default this year until today)."""
    agency_id, unit_id = _scope(actor)
    period = period_of(date_from, date_to, year=year)
    day = on or timezone.localdate()
    people = User.objects.filter(agency_id=agency_id).select_related("unit")
    if unit_id is not None:
        people = people.filter(unit_id=unit_id)
    handled = _handled(agency_id, period)
    filed_pairs = set(
        DossierItem.objects.filter(
            dossier__agency_id=agency_id, document_id__in={doc for _user, doc in handled}
        ).values_list("dossier__creator_id", "document_id")
    )
    dossiers = Dossier.objects.filter(agency_id=agency_id)
    opened = Counter(
        dossiers.filter(opened_on__range=_days(period)).values_list("creator_id", flat=True)
    )
    closed = Counter(
        dossiers.filter(closed_at__date__range=_days(period)).values_list("creator_id", flat=True)
    )
    overdue = Counter(
        overdue_dossiers(on=day).filter(agency_id=agency_id).values_list("creator_id", flat=True)
    )
    handled_by = Counter(user for user, _doc in handled)
    filed_by = Counter(user for user, _doc in handled & filed_pairs)
    rows = [
        ComplianceRow(
            key=person.pk,
            name=person.full_name or person.get_username(),
            unit=person.unit.name if person.unit is not None else "",
            handled=handled_by[person.pk],
            filed=filed_by[person.pk],
            opened=opened[person.pk],
            closed=closed[person.pk],
            overdue=overdue[person.pk],
        )
        for person in people
    ]
    rows = [row for row in rows if row.handled or row.opened or row.closed or row.overdue]
    rows.sort(key=lambda row: (sort_key(row.unit), sort_key(row.name)))
    return ComplianceReport(
        year=period.date_from.year, on=day, units=_by_unit(rows), people=rows, period=period
    )


def _by_unit(rows: list[ComplianceRow]) -> list[ComplianceRow]:
    units: dict[str, list[ComplianceRow]] = {}
    for row in rows:
        units.setdefault(row.unit, []).append(row)
    return [
        ComplianceRow(
            key=None,
            name=unit,
            unit=unit,
            handled=sum(r.handled for r in members),
            filed=sum(r.filed for r in members),
            opened=sum(r.opened for r in members),
            closed=sum(r.closed for r in members),
            overdue=sum(r.overdue for r in members),
        )
        for unit, members in units.items()
    ]
