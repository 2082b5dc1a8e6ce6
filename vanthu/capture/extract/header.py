"""The header of the first page: issuing body and its superior, "Số:" line, date line, marks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from vanthu.capture.extract.text import aligned_fold, digits, squash, strip_edges
from vanthu.capture.layout import Page, Segment
from vanthu.core.text import fold

# Everything above this (page fraction) may be header; the body starts lower.
HEADER_LIMIT = 0.36
_NUMBER = re.compile(
    r"\bs[o0ô6e]\s*[:;.,]?\s*(?P<number>[0-9oqdlis|]{1,6})\s*[/|]\s*"
    r"(?P<notation>[a-z0-9đð][a-z0-9đð.]*(?:\s*-\s*[a-z0-9đð.]+)*)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?P<place>[^,0-9]{2,60}?)\s*[,.]?\s*ngay\s*(?P<day>[0-9oqdlis|]{1,2})\s*"
    r"thang\s*(?P<month>[0-9oqdlis|]{1,2})\s*nam\s*(?P<year>[0-9oqdlis|]{4})",
    re.IGNORECASE,
)
# Words that begin the name of a body (a new line starting with one starts a new body).
_BODY_WORDS = (
    "uy ban", "ubnd", "hoi dong", "hdnd", "so ", "phong ", "chi cuc", "cuc ", "bo ", "vu ",
    "ban ", "van phong", "trung tam", "thanh tra", "truong ", "benh vien", "dang uy",
    "tong cuc", "chinh phu", "bao hiem", "kho bac", "cong an", "toa an", "vien ",
)  # fmt: skip
_NATIONAL = ("cong hoa", "doc lap", "tu do", "hanh phuc")
_URGENCY = {"khan": "urgent", "thuongkhan": "very_urgent", "hoatoc": "flash"}
_SECRECY = {"mat": "confidential", "toimat": "secret", "tuyetmat": "top_secret"}


@dataclass(frozen=True, slots=True)
class NumberLine:
    segment: Segment
    number: str
    notation: str


@dataclass(frozen=True, slots=True)
class DateLine:
    segment: Segment
    place: str
    date: dt.date


def find_number(page: Page) -> NumberLine | None:
    """Return the "Số: 07/QĐ-SNV" line of the header."""
    for segment in page.segments:
        if segment.y0 > HEADER_LIMIT:
            break
        match = _NUMBER.search(aligned_fold(segment.text))
        if match is None or match.start() > 3:
            continue
        number = digits(segment.text[match.start("number") : match.end("number")])
        raw = segment.text[match.start("notation") : match.end("notation")]
        notation = re.sub(r"\s+", "", raw).replace("ð", "đ").replace("Ð", "Đ").rstrip(".")
        if number:
            return NumberLine(segment, number, notation)
    return None


def find_date(page: Page) -> DateLine | None:
    """Return the "<Place>, ngày 09 tháng 3 năm 2026" line of the header."""
    for segment in page.segments:
        if segment.y0 > HEADER_LIMIT:
            break
        match = _DATE.search(aligned_fold(segment.text))
        if match is None:
            continue
        try:
            date = dt.date(
                int(digits(match["year"]) or 0),
                int(digits(match["month"]) or 0),
                int(digits(match["day"]) or 0),
            )
        except ValueError:
            continue
        place = strip_edges(segment.text[match.start("place") : match.end("place")])
        return DateLine(segment, place, date)
    return None


def header_bodies(page: Page, *, below: float | None) -> list[str]:
    """Return the body names of the left header column, top to bottom (superior first).

    ``below`` is the top of the "Số:" line: the names sit above it. A line that does not start
    with a word that begins a body's name ("SỞ", "PHÒNG", "ỦY BAN"…) continues the line above.
    """
    limit = below if below is not None else 0.16
    lines = [
        s
        for s in page.segments
        if s.y1 <= limit + 0.005
        and s.is_left
        and not any(word in s.folded for word in _NATIONAL)
        and sum(ch.isalpha() for ch in s.text) >= 2
    ]
    bodies: list[str] = []
    for segment in lines:
        text = strip_edges(segment.text)
        starts_body = (segment.folded + " ").startswith(_BODY_WORDS)
        if bodies and not starts_body:
            bodies[-1] = f"{bodies[-1]} {text}"
        else:
            bodies.append(text)
    return bodies


def find_marks(segments: Sequence[Segment]) -> tuple[str | None, str | None]:
    """Return the urgency and secrecy stamps found among ``segments`` (codes or None)."""
    urgency = secrecy = None
    for segment in segments:
        key = squash(fold(segment.text))
        urgency = urgency or _URGENCY.get(key)
        secrecy = secrecy or _SECRECY.get(key)
    return urgency, secrecy
