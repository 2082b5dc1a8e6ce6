"""Compose realistic, unsaved demo documents for an agency on a day (numbers come later)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import holidays

from vanthu.core.text import fold
from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.data.vocabulary import (
    COMMITTEE_ONLY_TYPES,
    ROMAN_QUARTERS,
    SUBJECTS,
    TOPICS,
    TYPE_WEIGHTS,
    URGENCY_WEIGHTS,
    Topic,
)
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import Document, DocumentType

CONG_VAN = "22"


@dataclass(frozen=True, slots=True)
class AgencyContext:
    """What the composer needs to know about one agency (ids from the database)."""

    agency_id: int
    kind: AgencyKind
    name: str
    abbreviation: str
    district: str
    units: tuple[str, ...]
    signers: tuple[tuple[str, str], ...]  # (position, full name), head first
    places: tuple[str, ...]
    superior_name: str
    outgoing_book_id: int
    secret_book_id: int


@dataclass(slots=True)
class DraftDocument:
    """A composed document waiting for its number in ``book_id``.

    ``fields`` maps ``Document`` attribute names to values: plain dictionaries rather than model
    instances, because building a million instances costs more than inserting the rows.
    """

    fields: dict[str, Any]
    book_id: int

    @property
    def issued_date(self) -> date:
        day: date = self.fields["issued_date"]
        return day

    def to_model(self) -> Document:
        """Return the unsaved ``Document``."""
        return Document(**self.fields)


def notation_for(dtype: DocumentType, agency: AgencyContext, unit: str) -> str:
    """Return the reference code (ký hiệu) of a document (domain.md §1.6).

    Typed documents: ``<type>-<issuer>`` (``KH-SNV``); Công văn: ``<issuer>-<unit>`` (``SNV-VP``).
    """
    if dtype.abbreviation:
        return f"{dtype.abbreviation}-{agency.abbreviation}"
    return f"{agency.abbreviation}-{unit}"


def signer_position(position: str) -> str:
    """Return the signer's title as printed: "Phó Chủ tịch Ủy ban nhân dân xã" → "Phó Chủ tịch"."""
    return position.split(" Ủy ban nhân dân", maxsplit=1)[0]


@cache
def working_days(first: date, last: date) -> tuple[date, ...]:
    """Return the Vietnamese working days between two dates (weekends and holidays excluded)."""
    years = range(first.year, last.year + 1)
    days_off = holidays.country_holidays("VN", years=years)
    count = (last - first).days + 1
    days = (first + timedelta(days=offset) for offset in range(count))
    return tuple(day for day in days if day.weekday() < 5 and day not in days_off)


@cache
def past_periods(day: date) -> tuple[str, ...]:
    """Return reporting periods that have ended by ``day`` ("quý II năm 2021", "tháng 5 …")."""
    year, month = day.year, day.month
    periods = [f"tháng {_month(month - 1)} năm {year}" if month > 1 else f"tháng 12 năm {year - 1}"]
    quarter = (month - 1) // 3
    if quarter:
        periods.append(f"quý {ROMAN_QUARTERS[quarter - 1]} năm {year}")
    else:
        periods.append(f"quý IV năm {year - 1}")
    if month >= 6:
        periods.append(f"6 tháng đầu năm {year}")
    if month >= 9:
        periods.append(f"9 tháng năm {year}")
    return tuple(periods)


def next_month(day: date) -> str:
    """Return the month after ``day`` as written in a subject ("tháng 01 năm 2021")."""
    if day.month == 12:
        return f"tháng 01 năm {day.year + 1}"
    return f"tháng {_month(day.month + 1)} năm {day.year}"


def _month(month: int) -> str:
    """Write a month like the date line does: 01 and 02 padded, 3–12 not (domain.md §1.7)."""
    return f"{month:02d}" if month <= 2 else str(month)


@cache
def _topics(kind: AgencyKind, year: int) -> tuple[Topic, ...]:
    return tuple(
        topic
        for topic in TOPICS
        if kind in topic.kinds and topic.first_year <= year <= topic.last_year
    )


class DocumentComposer:
    """Draw types, subjects, signers, urgency and confidentiality from realistic distributions."""

    def __init__(
        self, rng: random.Random, types: dict[str, DocumentType], *, allow_classified: bool
    ) -> None:
        self.rng = rng
        self.types = types
        codes, weights = zip(*TYPE_WEIGHTS, strict=True)
        self._codes: tuple[str, ...] = codes
        self._cum_type_weights = list(_cumulate(weights))
        urgencies, urgency_weights = zip(*URGENCY_WEIGHTS, strict=True)
        self._urgencies: tuple[str, ...] = urgencies
        self._cum_urgency_weights = list(_cumulate(urgency_weights))
        self._classified = allow_classified

    def type_code(self, kind: AgencyKind) -> str:
        """Return a document type code, weighted like a real outgoing register."""
        code: str = self.rng.choices(self._codes, cum_weights=self._cum_type_weights)[0]
        committee = kind in {
            AgencyKind.PROVINCE_COMMITTEE,
            AgencyKind.DISTRICT_COMMITTEE,
            AgencyKind.COMMUNE_COMMITTEE,
        }
        if code in COMMITTEE_ONLY_TYPES and not committee:
            return CONG_VAN
        return code

    def subject(self, code: str, agency: AgencyContext, day: date) -> str:
        """Return a subject (trích yếu) for a type and agency, consistent with the day."""
        rng = self.rng
        topic = rng.choice(_topics(agency.kind, day.year)).text
        return rng.choice(SUBJECTS[code]).format(
            topic=topic,
            topic_cap=topic[:1].upper() + topic[1:],
            year=day.year,
            report_year=day.year if day.month >= 11 else day.year - 1,
            period=rng.choice(past_periods(day)),
            next_month=next_month(day),
            place=rng.choice(agency.places),
        )

    def confidentiality(self) -> int:
        """Return a confidentiality level: mostly normal, a few Mật (classified only if allowed)."""
        draw = self.rng.random()
        if self._classified and draw < 0.0005:
            return int(Confidentiality.TOP_SECRET)
        if self._classified and draw < 0.003:
            return int(Confidentiality.SECRET)
        if draw < 0.02:
            return int(Confidentiality.CONFIDENTIAL)
        return int(Confidentiality.NORMAL)

    def compose(
        self,
        agency: AgencyContext,
        day: date,
        *,
        code: str | None = None,
        subject: str | None = None,
        unit: str | None = None,
        level: int | None = None,
    ) -> DraftDocument:
        """Return an unsaved document of ``agency`` dated ``day`` (no number yet).

        ``code``, ``subject``, ``unit`` and ``level`` (confidentiality) are drawn when not given.
        """
        rng = self.rng
        code = code or self.type_code(agency.kind)
        dtype = self.types[code]
        unit = unit or rng.choice(agency.units)
        subject = subject or self.subject(code, agency, day)
        position, name = agency.signers[0] if rng.random() < 0.55 else rng.choice(agency.signers)
        level = self.confidentiality() if level is None else level
        urgency: str = rng.choices(self._urgencies, cum_weights=self._cum_urgency_weights)[0]
        fields = {
            "owner_agency_id": agency.agency_id,
            "issuing_agency_id": agency.agency_id,
            "document_type_id": dtype.pk,
            "code_number": "",
            "code_notation": notation_for(dtype, agency, unit),
            "issued_date": day,
            "organ_name": agency.name,
            "subject": subject,
            "subject_folded": fold(subject),
            "signer_position": signer_position(position),
            "signer_name": name,
            "page_amount": min(1 + int(rng.expovariate(0.45)), 60),
            "urgency": urgency,
            "confidentiality": level,
            "to_places": self._to_places(code, agency, unit),
        }
        book = agency.secret_book_id if level else agency.outgoing_book_id
        return DraftDocument(fields, book)

    def _to_places(self, code: str, agency: AgencyContext, unit: str) -> str:
        if code == CONG_VAN:
            lines = ["Như trên", f"Lãnh đạo {agency.abbreviation}"]
        else:
            lines = [agency.superior_name, "Các đơn vị có liên quan"]
        lines.append(f"Lưu: VT, {unit}")
        return ";\n".join(f"- {line}" for line in lines) + "."


def _cumulate(weights: tuple[int, ...]) -> list[int]:
    total = 0
    result = []
    for weight in weights:
        total += weight
        result.append(total)
    return result
