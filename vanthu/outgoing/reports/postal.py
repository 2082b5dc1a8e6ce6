"""The "Sổ gửi văn bản đi bưu điện" (Annex IV): the postal items that left in a period.

One line per postal recipient whose envelope was handed to the post (the clerk records it with
``distribution_post``), by the day it left. Documents above the reader's clearance are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from vanthu.accounts.models import Agency, User
from vanthu.core.dates import format_date
from vanthu.documents.printing.period import Period, period_of
from vanthu.documents.printing.register import agency_header, document_reference
from vanthu.outgoing.enums import DistributionKind, DistributionStatus
from vanthu.outgoing.models import Distribution
from vanthu.outgoing.permissions import max_confidentiality
from vanthu.outgoing.reports.access import report_reader_agency
from vanthu.outgoing.reports.register import document_marks

POSTAL_COLUMNS: tuple[Any, ...] = (
    gettext_lazy("Ngày chuyển"),
    gettext_lazy("Số, ký hiệu văn bản"),
    gettext_lazy("Nơi nhận văn bản"),
    gettext_lazy("Số lượng bì"),
    gettext_lazy("Ký nhận và dấu bưu điện"),
    gettext_lazy("Ghi chú"),
)


@dataclass(frozen=True, slots=True)
class PostalRow:
    """One line of the postal book: the 6 columns (the envelope count as a number)."""

    cells: tuple[str, str, str, int, str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class PostalBook:
    """The postal dispatch book of one period."""

    agency: Agency
    superior: str
    agency_name: str
    period: Period
    rows: list[PostalRow]

    @property
    def envelopes(self) -> int:
        return sum(row.cells[3] for row in self.rows)


def _recipient(row: Distribution) -> str:
    parts = [part for part in (row.name, row.postal_address) if part]
    return " — ".join(parts)


def _notes(row: Distribution) -> str:
    notes = document_marks(row.record.document)
    if row.status == DistributionStatus.WITHDRAWN:
        notes.append(str(DistributionStatus.WITHDRAWN.label))
    if row.note:
        notes.append(row.note)
    return "; ".join(notes)


def _line(row: Distribution) -> PostalRow:
    document = row.record.document
    assert row.sent_at is not None  # noqa: S101 — filtered on
    return PostalRow(
        (
            format_date(row.sent_at),
            document_reference(document.code_number, document.code_notation),
            _recipient(row),
            row.envelope_count,
            "",
            _notes(row),
        )
    )


def postal_book(
    *,
    actor: User,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    year: int | None = None,
) -> PostalBook:
    """Return the postal items of the actor's agency that left in a period (or a ``year``)."""
    agency = report_reader_agency(actor)
    period = period_of(date_from, date_to, same_year=True, year=year)
    rows = (
        Distribution.objects.filter(
            record__agency=agency,
            kind=DistributionKind.POST,
            sent_at__isnull=False,
            sent_at__date__gte=period.date_from,
            sent_at__date__lte=period.date_to,
            record__document__confidentiality__lte=max_confidentiality(actor),
        )
        .select_related("record__document")
        .order_by("sent_at", "pk")
    )
    superior, agency_name = agency_header(agency)
    return PostalBook(
        agency=agency,
        superior=superior,
        agency_name=agency_name,
        period=period,
        rows=[_line(row) for row in rows],
    )
