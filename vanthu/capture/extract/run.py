"""Run every rule over the pages and assemble the proposals with their confidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vanthu.capture.extract.casing import organ_case, position_case
from vanthu.capture.extract.header import (
    HEADER_LIMIT,
    NumberLine,
    find_date,
    find_marks,
    find_number,
    header_bodies,
)
from vanthu.capture.extract.lexicon import known_position, repair_phrases
from vanthu.capture.extract.proposals import NOTHING, Proposal, Proposals
from vanthu.capture.extract.signature import find_recipients, find_signer
from vanthu.capture.extract.title import (
    CONG_VAN,
    abbreviation_of,
    distance,
    find_title,
    find_vv_subject,
    repair_abbreviation,
    type_from_notation,
)
from vanthu.capture.layout import Page, Segment
from vanthu.core.text import fold

# Urgency and secrecy stamps sit in the upper half of the first page.
MARKS_LIMIT = 0.5


@dataclass(frozen=True, slots=True)
class KnownAgency:
    """An agency of the installation: its stored name wins over the case heuristics."""

    name: str
    abbreviation: str


def _proposal(value: str | None, confidence: float, *segments: Segment | None) -> Proposal:
    if not value:
        return NOTHING
    found = [s.confidence for s in segments if s is not None]
    source = min(found) if found else 1.0
    return Proposal(value, round(confidence * (0.5 + 0.5 * source), 2))


def _agency_name(printed: str, agencies: Sequence[KnownAgency]) -> str:
    key = fold(printed)
    for agency in agencies:
        if fold(agency.name) == key:
            return agency.name
    return repair_phrases(organ_case(printed))


def _with_place(name: str, place: str) -> str:
    """Spell the place at the end of a body's name as the date line does (OCR drops marks)."""
    size = len(place.split())
    words = name.split()
    if size and len(words) > size and fold(" ".join(words[-size:])) == fold(place):
        return " ".join([*words[:-size], place])
    return name


def _repair_notation(notation: str, type_name: str) -> str:
    """Replace a misread type abbreviation by the one of the type read from the title."""
    expected = abbreviation_of(type_name)
    parts = notation.split("-")
    close = distance(fold(parts[0]), fold(expected)) <= 1
    if expected and len(parts) > 1 and parts[0] != expected and close:
        parts[0] = expected
    return "-".join(parts)


def _authority(text: str) -> str:
    prefix, _space, body = text.partition(" ")
    canonical = known_position(body) or repair_phrases(body.title())
    return f"{prefix} {canonical.upper()}" if fold(canonical) == fold(body) else text


def extract_proposals(pages: Sequence[Page], *, agencies: Sequence[KnownAgency] = ()) -> Proposals:
    """Return the proposals read from ``pages`` (the first page, then the signature page)."""
    if not pages:
        return {}
    first = pages[0]
    result: Proposals = {}
    number = find_number(first)
    date = find_date(first)
    header_end = max([s.segment.y1 for s in (number, date) if s is not None] or [HEADER_LIMIT / 2])
    _number_fields(result, number, agencies)
    if date is not None:
        result["place"] = _proposal(date.place, 0.9, date.segment)
        result["issued_date"] = _proposal(date.date.isoformat(), 0.95, date.segment)
    place = date.place if date is not None else ""
    bodies = header_bodies(first, below=number.segment.y0 if number else None)
    if bodies:
        organ = _with_place(_agency_name(bodies[-1], agencies), place)
        result["organ_name"] = _proposal(organ, 0.85)
    if len(bodies) > 1:
        superior = _with_place(_agency_name(" ".join(bodies[:-1]), agencies), place)
        result["superior_organ"] = _proposal(superior, 0.8)
    body_start = _title_fields(result, first, header_end, number)
    notation = result.get("code_notation", NOTHING)
    type_name = result.get("type_name", NOTHING).value
    if isinstance(notation.value, str) and isinstance(type_name, str):
        repaired = _repair_notation(notation.value, type_name)
        result["code_notation"] = Proposal(repaired, notation.confidence)
    urgency, secrecy = find_marks([s for s in first.segments if s.y0 < MARKS_LIMIT])
    result["urgency"] = Proposal(urgency or "normal", 0.9 if urgency else 0.7)
    result["confidentiality"] = Proposal(secrecy or "normal", 0.9 if secrecy else 0.7)
    _signer_fields(result, pages, body_start)
    recipients = find_recipients(pages).all
    result["recipients"] = Proposal(recipients, 0.8 if recipients else 0.0)
    return result


def _number_fields(
    result: Proposals, number: NumberLine | None, agencies: Sequence[KnownAgency]
) -> None:
    if number is None:
        return
    extra = [a.abbreviation for a in agencies if a.abbreviation]
    notation = "-".join(repair_abbreviation(part, extra) for part in number.notation.split("-"))
    result["code_number"] = _proposal(number.number, 0.95, number.segment)
    result["code_notation"] = _proposal(notation, 0.9, number.segment)


def _title_fields(
    result: Proposals, page: Page, header_end: float, number: NumberLine | None
) -> float:
    """Fill type and subject; return where the body starts (below the title block)."""
    notation = number.notation if number is not None else ""
    title = find_title(page, after=header_end)
    if title is not None:
        by_notation = type_from_notation(notation) if notation else None
        confidence = 0.95 if title.exact or by_notation == title.type_name else 0.75
        result["type_name"] = _proposal(title.type_name, confidence, title.segment)
        if title.subject:
            result["subject"] = _proposal(repair_phrases(title.subject), 0.85, title.segment)
        return title.segment.y1 if title.segment else header_end
    after = number.segment.y1 if number is not None else header_end
    vv = find_vv_subject(page, after=after)
    if vv is not None:
        result["subject"] = _proposal(repair_phrases(vv[0]), 0.85, vv[1])
    if vv is not None or (notation and type_from_notation(notation) is None):
        result["type_name"] = _proposal(CONG_VAN, 0.85 if vv else 0.6)
    return max(header_end, vv[1].y1 if vv else header_end) + 0.02


def _signer_fields(result: Proposals, pages: Sequence[Page], body_start: float) -> None:
    for index in range(len(pages) - 1, -1, -1):
        signer = find_signer(pages[index], after=body_start if index == 0 else 0.0)
        if signer.found:
            break
    else:
        return
    if signer.authority:
        result["signer_authority"] = _proposal(_authority(signer.authority), 0.85)
    position = known_position(signer.position) or position_case(signer.position)
    result["signer_position"] = _proposal(position, 0.85)
    result["signer_full_name"] = _proposal(signer.name, 0.85)
