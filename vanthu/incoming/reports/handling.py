"""The "Sổ theo dõi giải quyết văn bản đến" and the "Báo cáo tình hình giải quyết văn bản đến".

For the documents that arrived in a period, each is classed as done on time, done late,
overdue or in progress on ``today``, against its due date in the agency's working days
(``vanthu.workflow.deadlines``); the report counts them per lead unit and per lead person.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vanthu.accounts.calendar import agency_calendar
from vanthu.accounts.models import Agency, User
from vanthu.core.calendar import WorkingCalendar
from vanthu.core.collation import vi_sorted
from vanthu.core.dates import format_date, to_vietnam
from vanthu.documents.numbering import format_number, today_in_vietnam
from vanthu.documents.printing.period import Period, period_of
from vanthu.documents.printing.register import agency_header, document_reference
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.access import report_reader_agency
from vanthu.incoming.reports.routing import Routing, party_label, routings_of
from vanthu.incoming.selectors import IncomingFilters, incoming_list_for
from vanthu.workflow.deadlines import is_overdue, working_days_left
from vanthu.workflow.enums import AssignmentStatus

FOLLOW_UP_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Số đến"),
    gettext_lazy("Tên loại, số, ký hiệu, ngày, tháng và tên cơ quan ban hành"),
    gettext_lazy("Đơn vị hoặc người nhận"),
    gettext_lazy("Thời hạn giải quyết"),
    gettext_lazy("Tiến độ giải quyết"),
    gettext_lazy("Số, ký hiệu văn bản trả lời"),
    gettext_lazy("Ghi chú"),
)
COUNT_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Tổng số văn bản đến"),
    gettext_lazy("Đã giải quyết đúng hạn"),
    gettext_lazy("Đã giải quyết quá hạn"),
    gettext_lazy("Chưa giải quyết, đã quá hạn"),
    gettext_lazy("Đang giải quyết, trong hạn"),
)


class Outcome(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    IN_PROGRESS = "in_progress"


@dataclass(slots=True)
class Counts:
    """The figures of one line of the report."""

    name: str
    received: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0

    def add(self, outcome: Outcome) -> None:
        self.received += 1
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    @property
    def figures(self) -> tuple[int, int, int, int, int]:
        return (self.received, self.on_time, self.late, self.overdue, self.in_progress)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One line of the follow-up book: its 7 columns as printed, and how it stands."""

    cells: tuple[str, ...]
    outcome: Outcome


@dataclass(slots=True, kw_only=True)
class HandlingReport:
    """The follow-up book and the handling report of one period."""

    superior: str
    agency: str
    period: Period
    today: dt.date
    rows: list[FollowUpRow] = field(default_factory=list)
    by_unit: list[Counts] = field(default_factory=list)
    by_person: list[Counts] = field(default_factory=list)
    total: Counts = field(default_factory=lambda: Counts(name=_("Tổng cộng")))


@dataclass(frozen=True, slots=True)
class _Standing:
    outcome: Outcome
    progress: str


def _done_on(incoming: IncomingRecord, routing: Routing) -> dt.date:
    lead = routing.lead
    if lead is not None and lead.status == AssignmentStatus.DONE and lead.closed_at is not None:
        return to_vietnam(lead.closed_at).date()
    return to_vietnam(incoming.updated_at).date()


def _standing(
    incoming: IncomingRecord, routing: Routing, *, today: dt.date, calendar: WorkingCalendar
) -> _Standing:
    due = incoming.due_date
    if incoming.status == IncomingStatus.DONE:
        done = _done_on(incoming, routing)
        if due is not None and done > due:
            late = calendar.working_days_between(due, done)
            text = _("Đã giải quyết ngày %(day)s, quá hạn %(days)d ngày làm việc")
            return _Standing(Outcome.LATE, text % {"day": format_date(done), "days": late})
        text = _("Đã giải quyết ngày %(day)s, đúng hạn")
        return _Standing(Outcome.ON_TIME, text % {"day": format_date(done)})
    if due is not None and is_overdue(due, today=today):
        days = -working_days_left(due, today=today, calendar=calendar)
        text = _("Chưa giải quyết, quá hạn %d ngày làm việc") % days
        return _Standing(Outcome.OVERDUE, text)
    if due is None:
        return _Standing(Outcome.IN_PROGRESS, str(IncomingStatus(incoming.status).label))
    left = working_days_left(due, today=today, calendar=calendar)
    return _Standing(Outcome.IN_PROGRESS, _("Đang giải quyết, còn %d ngày làm việc") % left)


def _description(incoming: IncomingRecord) -> str:
    document = incoming.document
    parts = [document.document_type.name]
    reference = document_reference(document.code_number, document.code_notation)
    if reference:
        parts.append(_("số %s") % reference)
    parts.append(_("ngày %s") % format_date(document.issued_date))
    parts.append(_("của %s") % document.organ_name)
    return " ".join(parts)


def _follow_up_row(incoming: IncomingRecord, routing: Routing, standing: _Standing) -> FollowUpRow:
    notes = [] if incoming.status != IncomingStatus.RETURNED else [_("Đã trả lại văn thư")]
    return FollowUpRow(
        (
            format_number(incoming.arrival_number),
            _description(incoming),
            routing.recipients() or incoming.document.to_places,
            format_date(incoming.due_date) if incoming.due_date else "",
            standing.progress,
            incoming.reply_reference,
            "; ".join(notes),
        ),
        standing.outcome,
    )


def _lead_unit_name(routing: Routing) -> str:
    lead = routing.lead
    if lead is None:
        return _("Chưa phân công")
    unit = lead.party_unit or (lead.party_user.unit if lead.party_user else None)
    return str(unit) if unit is not None else _("Không thuộc đơn vị")


def _records(actor: User, period: Period) -> list[IncomingRecord]:
    filters = IncomingFilters(date_from=period.date_from, date_to=period.date_to)
    queryset = incoming_list_for(actor=actor, filters=filters)
    return list(queryset.order_by("arrival_date", "register_book_id", "arrival_number"))


def handling_report(
    *,
    actor: User,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    today: dt.date | None = None,
) -> HandlingReport:
    """Return the follow-up book and the figures per unit and person for documents arrived
    in the period, as they stand on ``today`` (default: today in Vietnam)."""
    agency: Agency = report_reader_agency(actor)
    period = period_of(date_from, date_to)
    today = today or today_in_vietnam()
    calendar = agency_calendar(agency)
    records = _records(actor, period)
    routings = routings_of(agency_id=agency.pk, document_ids=[r.document_id for r in records])
    superior, agency_name = agency_header(agency)
    report = HandlingReport(superior=superior, agency=agency_name, period=period, today=today)
    units: dict[str, Counts] = {}
    people: dict[int, Counts] = {}
    for incoming in records:
        routing = routings.get(incoming.document_id, Routing())
        standing = _standing(incoming, routing, today=today, calendar=calendar)
        report.rows.append(_follow_up_row(incoming, routing, standing))
        report.total.add(standing.outcome)
        unit_name = _lead_unit_name(routing)
        units.setdefault(unit_name, Counts(name=unit_name)).add(standing.outcome)
        lead = routing.lead
        if lead is not None and lead.party_user_id is not None:
            person = people.setdefault(lead.party_user_id, Counts(name=party_label(lead)))
            person.add(standing.outcome)
    report.by_unit = vi_sorted(units.values(), key=lambda c: c.name)
    report.by_person = vi_sorted(people.values(), key=lambda c: c.name)
    return report
