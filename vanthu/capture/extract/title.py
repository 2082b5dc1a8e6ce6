"""Type name and subject: the centred title under the header, or a công văn's "V/v" lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vanthu.capture.extract.text import aligned_fold, is_upper, squash, strip_edges
from vanthu.capture.layout import Page, Segment
from vanthu.core.text import fold
from vanthu.documents.reference import CONG_VAN_CODE, DOCUMENT_TYPES

CONG_VAN = next(row.name for row in DOCUMENT_TYPES if row.code == CONG_VAN_CODE)
_TITLES: dict[str, str] = {
    squash(fold(row.name)): row.name
    for row in DOCUMENT_TYPES
    if row.abbreviation and not row.is_copy_form
}
_ABBREVIATIONS: dict[str, list[str]] = {}
for _row in DOCUMENT_TYPES:
    if _row.abbreviation:
        _ABBREVIATIONS.setdefault(fold(_row.abbreviation), []).append(_row.abbreviation)
_TYPE_BY_ABBREVIATION = {row.abbreviation: row.name for row in DOCUMENT_TYPES if row.abbreviation}
_VV = re.compile(r"^\s*v\s*[/|l1i\\]\s*[vy]\b\.?\s*", re.IGNORECASE)
_STOP_WORDS = ("can cu", "kinh gui", "dieu ", "phan ", "chuong ", "theo de nghi")
TITLE_LIMIT = 0.6
MAX_SUBJECT_LINES = 5
# Lines of one title block follow each other closely (no paragraph spacing) and are centred.
MAX_STEP = 1.4
CENTRE_TOLERANCE = 0.06


@dataclass(frozen=True, slots=True)
class Title:
    type_name: str
    subject: str
    segment: Segment | None
    exact: bool


def distance(a: str, b: str) -> int:
    """Return the Levenshtein distance of two short strings."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(
                    previous[j] + 1,
                    current[-1] + 1,
                    previous[j - 1] + (a != b and char_a != char_b),
                )
            )
        previous = current
    return previous[-1]


def type_from_title(text: str) -> tuple[str, bool] | None:
    """Return the type name a title line reads as, and whether it matched exactly."""
    key = squash(fold(text))
    if key in _TITLES:
        return _TITLES[key], True
    if len(key) >= 6:
        for candidate, name in _TITLES.items():
            if abs(len(candidate) - len(key)) <= 1 and distance(candidate, key) <= 1:
                return name, False
    return None


def abbreviation_of(type_name: str) -> str:
    """Return the official abbreviation of a type name ("" for Công văn)."""
    return next((row.abbreviation for row in DOCUMENT_TYPES if row.name == type_name), "")


def type_from_notation(notation: str) -> str | None:
    """Return the type named by the first part of a notation ("QĐ-SNV" → Quyết định)."""
    first = repair_abbreviation(notation.split("-", maxsplit=1)[0])
    return _TYPE_BY_ABBREVIATION.get(first)


def repair_abbreviation(part: str, extra: Sequence[str] = ()) -> str:
    """Restore an abbreviation OCR folded or upper-cased ("QD" → "QĐ"; "QYĐ" → "QyĐ")."""
    known = [*_ABBREVIATIONS.get(fold(part), []), *(a for a in extra if fold(a) == fold(part))]
    if part in known or not known:
        return part
    distinct = sorted(set(known))
    if len(distinct) == 1:
        return distinct[0]
    upper = [a for a in distinct if a.upper() == part.upper()]
    return upper[0] if upper else part


def find_title(page: Page, *, after: float) -> Title | None:
    """Return the centred type name below the header and the subject lines under it."""
    segments = [s for s in page.segments if after < s.y0 < TITLE_LIMIT]
    for index, segment in enumerate(segments):
        if not is_upper(segment.text) or segment.is_left:
            continue
        found = type_from_title(segment.text)
        if found is None:
            continue
        subject = _subject_lines(page, segments[index + 1 :], segment)
        return Title(found[0], subject, segment, found[1])
    return None


def _subject_lines(page: Page, following: Sequence[Segment], title: Segment) -> str:
    lines: list[str] = []
    previous = title
    for segment in following[:MAX_SUBJECT_LINES]:
        step = segment.y0 - previous.y0
        off_centre = abs(segment.center - title.center) > CENTRE_TOLERANCE
        if step > page.line_height * MAX_STEP or off_centre or is_upper(segment.text):
            break
        if segment.folded.startswith(_STOP_WORDS):
            break
        lines.append(segment.text)
        previous = segment
    return " ".join(lines).strip()


def find_vv_subject(page: Page, *, after: float) -> tuple[str, Segment] | None:
    """Return a công văn's subject (without "V/v") from the left column under the number."""
    segments = [s for s in page.segments if s.y0 >= after - 0.005 and s.y0 < TITLE_LIMIT]
    for index, segment in enumerate(segments):
        match = _VV.match(aligned_fold(segment.text))
        if match is None or not segment.is_left:
            continue
        lines = [segment.text[match.end() :]]
        previous = segment
        for other in segments[index + 1 :]:
            if not other.is_left or other.x0 > previous.x1:
                continue
            if other.y0 - previous.y0 > page.line_height * MAX_STEP or is_upper(other.text):
                break
            if other.folded.startswith(_STOP_WORDS):
                break
            lines.append(other.text)
            previous = other
        return strip_edges(" ".join(lines)) if lines else "", segment
    return None
