"""The "Báo cáo tình hình giải quyết văn bản đi" of a period.

For the documents issued in the period: the counts by type and by drafting unit (with those
recalled since), where each delivery stands (receipt and handling at the agencies of the
installation read back through the exchange channel), the documents approved and awaiting
issue today, and the documents recalled in the period.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.collation import vi_sorted
from vanthu.core.dates import format_date
from vanthu.documents.numbering import today_in_vietnam
from vanthu.documents.printing.period import Period, period_of
from vanthu.documents.printing.register import agency_header, document_reference
from vanthu.outgoing.channels import ReceiverState, agency_channel
from vanthu.outgoing.enums import DistributionKind, DistributionStatus, DraftStatus, RecordStatus
from vanthu.outgoing.models import Distribution, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.reports.access import report_reader_agency
from vanthu.outgoing.selectors import drafts_visible_to, records_visible_to

# What the exchange channel reports of a receiving agency (``ReceiverState.status``).
_RECEIVER_ACCEPTED, _RECEIVER_REFUSED, _RECEIVER_WITHDRAWN = "accepted", "refused", "withdrawn"


class Delivery(enum.StrEnum):
    """Where one recipient's delivery stands, in the order the report prints them."""

    PENDING = "pending"
    SENT = "sent"
    RECEIVED = "received"
    HANDLED = "handled"
    REFUSED = "refused"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


_BY_STATUS = {
    DistributionStatus.PENDING: Delivery.PENDING,
    DistributionStatus.SENT: Delivery.SENT,
    DistributionStatus.RECEIVED: Delivery.RECEIVED,
    DistributionStatus.REFUSED: Delivery.REFUSED,
    DistributionStatus.FAILED: Delivery.FAILED,
    DistributionStatus.WITHDRAWN: Delivery.WITHDRAWN,
}


@dataclass(slots=True)
class IssuedCount:
    """Documents issued in the period under one heading (a type or a unit)."""

    name: str
    issued: int = 0
    recalled: int = 0


@dataclass(slots=True)
class DeliveryCount:
    """Recipients of one kind and where their deliveries stand."""

    name: str
    counts: dict[Delivery, int] = field(default_factory=lambda: dict.fromkeys(Delivery, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True, kw_only=True)
class StatusReport:
    """The figures and lists of the report."""

    superior: str
    agency: str
    period: Period
    today: dt.date
    by_type: list[IssuedCount] = field(default_factory=list)
    by_unit: list[IssuedCount] = field(default_factory=list)
    issued: IssuedCount = field(default_factory=lambda: IssuedCount(name=_("Tổng cộng")))
    deliveries: list[DeliveryCount] = field(default_factory=list)
    delivered: DeliveryCount = field(default_factory=lambda: DeliveryCount(name=_("Tổng cộng")))
    awaiting: list[OutgoingDraft] = field(default_factory=list)
    recalled: list[OutgoingRecord] = field(default_factory=list)


def delivery_of(row: Distribution, state: ReceiverState | None) -> Delivery:
    """Return where a delivery stands; an agency's own receipt and handling come first."""
    if row.status == DistributionStatus.WITHDRAWN:
        return Delivery.WITHDRAWN
    if state is None:
        return _BY_STATUS[DistributionStatus(row.status)]
    if state.status == _RECEIVER_WITHDRAWN:
        return Delivery.WITHDRAWN
    if state.status == _RECEIVER_REFUSED:
        return Delivery.REFUSED
    if state.status == _RECEIVER_ACCEPTED:
        # The channel gives the receiver's handling status by its label only.
        return Delivery.HANDLED if state.handled else Delivery.RECEIVED
    return Delivery.SENT


def _count_issued(
    records: list[OutgoingRecord], name_of: Callable[[OutgoingRecord], str]
) -> list[IssuedCount]:
    counts: dict[str, IssuedCount] = {}
    for outgoing in records:
        name = name_of(outgoing)
        line = counts.setdefault(name, IssuedCount(name=name))
        line.issued += 1
        line.recalled += outgoing.status == RecordStatus.RECALLED
    return vi_sorted(counts.values(), key=lambda line: line.name)


def _receiver_states(records: Iterable[OutgoingRecord]) -> dict[int, ReceiverState]:
    channel = agency_channel()
    states: dict[int, ReceiverState] = {}
    if channel is None:
        return states
    for outgoing in records:
        states.update(channel.states(record=outgoing))
    return states


def _count_deliveries(report: StatusReport, records: list[OutgoingRecord]) -> None:
    rows = list(Distribution.objects.filter(record__in=[r.pk for r in records]).order_by("pk"))
    with_agencies = {row.record_id for row in rows if row.kind == DistributionKind.AGENCY}
    states = _receiver_states(r for r in records if r.pk in with_agencies)
    lines = {kind: DeliveryCount(name=str(kind.label)) for kind in DistributionKind}
    for row in rows:
        delivery = delivery_of(row, states.get(row.pk))
        lines[DistributionKind(row.kind)].counts[delivery] += 1
        report.delivered.counts[delivery] += 1
    report.deliveries = [line for line in lines.values() if line.total]


def _issued_in(actor: User, period: Period) -> list[OutgoingRecord]:
    records = records_visible_to(actor).filter(
        issued_date__gte=period.date_from, issued_date__lte=period.date_to
    )
    return list(records.select_related("draft__unit").order_by("issued_date", "number", "pk"))


def _recalled_in(actor: User, period: Period) -> QuerySet[OutgoingRecord]:
    return (
        records_visible_to(actor)
        .filter(
            status=RecordStatus.RECALLED,
            recalled_at__date__gte=period.date_from,
            recalled_at__date__lte=period.date_to,
        )
        .order_by("recalled_at", "pk")
    )


def _awaiting_issue(actor: User) -> QuerySet[OutgoingDraft]:
    return (
        drafts_visible_to(actor)
        .filter(status=DraftStatus.APPROVED)
        .select_related("document_type", "unit", "signer")
        .order_by("approved_at", "pk")
    )


def status_report(
    *,
    actor: User,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    today: dt.date | None = None,
    year: int | None = None,
) -> StatusReport:
    """Return the status of the documents issued in a period (one year at most)."""
    agency = report_reader_agency(actor)
    period = period_of(date_from, date_to, year=year)
    superior, agency_name = agency_header(agency)
    report = StatusReport(
        superior=superior,
        agency=agency_name,
        period=period,
        today=today or today_in_vietnam(),
    )
    records = _issued_in(actor, period)
    report.by_type = _count_issued(records, lambda r: r.document.document_type.name)
    report.by_unit = _count_issued(records, lambda r: r.draft.unit.name)
    report.issued.issued = len(records)
    report.issued.recalled = sum(r.status == RecordStatus.RECALLED for r in records)
    _count_deliveries(report, records)
    report.awaiting = list(_awaiting_issue(actor))
    report.recalled = list(_recalled_in(actor, period))
    return report


def recalled_line(outgoing: OutgoingRecord) -> tuple[str, str, str, str, str]:
    """Return a recalled document as printed: number, date, subject, recall day, reason."""
    document = outgoing.document
    recalled = format_date(outgoing.recalled_at) if outgoing.recalled_at else ""
    reference = document_reference(document.code_number, document.code_notation)
    subject = f"{document.document_type.name}: {document.subject}"
    return (
        reference,
        format_date(document.issued_date),
        subject,
        recalled,
        outgoing.recall_reason,
    )
