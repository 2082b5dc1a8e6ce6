"""The signature block (bottom right) and the recipients ("Kính gửi", "Nơi nhận")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from vanthu.capture.extract.lexicon import repair_phrases
from vanthu.capture.extract.text import aligned_fold, is_upper, letters, strip_edges
from vanthu.capture.extract.title import distance
from vanthu.capture.layout import Page
from vanthu.core.text import fold

_AUTHORITY = re.compile(r"^\s*(tm|kt|tl|tuq|q)\s*[.,]\s*(?=\S)", re.IGNORECASE)
_AUTHORITY_FORMS = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}
_RECIPIENTS = re.compile(r"^\s*n[oơ]i\s*nh[aậ]n\s*[:;.]?", re.IGNORECASE)
_ADDRESSEES = re.compile(r"^\s*k[ií]nh\s*g[uử]i\s*[:;.]?", re.IGNORECASE)
_ARCHIVE = re.compile(r"^luu\s*[:;.,]|^luu\s+vt\b")
# The filing line "Lưu: VT, …" misread: a short word or two, a colon, then "VT" in some shape.
_ARCHIVE_MISREAD = re.compile(r"^[^\s:;]{1,4}(\s[^\s:;]{1,3})?\s*[:;]\s*v\s?[t1iy|]")
_DASHES = ("-", "–", "•", "~", "+")
_AS_ABOVE = ("nhu tren",)
MAX_NAME_WORDS = 6
# OCR specks after an item's ";" ("…thị trấn; li"): a recipient has more letters than this.
MAX_SPECK_LETTERS = 2
# "Như trên" misread ("Nhụ tiêu"): at most this many edits of its folded form.
MAX_AS_ABOVE_EDITS = 2


@dataclass(slots=True)
class Signer:
    authority: str = ""
    position: str = ""
    name: str = ""
    found: bool = False


@dataclass(slots=True)
class Recipients:
    addressees: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[str]:
        """Addressees, then the "Nơi nhận" list without "Như trên" and the filing line."""
        seen: set[str] = set()
        result: list[str] = []
        for raw in _split_items([*self.addressees, *self.listed]):
            item = repair_phrases(raw)
            key = fold(item)
            noise = is_upper(item) and len(item.split()) == 1
            if item and not noise and key not in seen and not _is_as_above(key):
                seen.add(key)
                result.append(item)
        return result


def _is_as_above(key: str) -> bool:
    """Tell whether a folded item is "Như trên" (the addressees above), even misread."""
    head = " ".join(key.split()[:2])
    return key.startswith(_AS_ABOVE) or distance(head, _AS_ABOVE[0]) <= MAX_AS_ABOVE_EDITS


def _split_items(items: list[str]) -> list[str]:
    """Split items run together on one line at ";" and drop the specks after one (≤ 2 letters)."""
    parts = [strip_edges(part) for item in items for part in item.split(";")]
    return [part for part in parts if len(letters(part)) > MAX_SPECK_LETTERS]


def _authority_text(text: str) -> str | None:
    match = _AUTHORITY.match(aligned_fold(text))
    if match is None:
        return None
    return f"{_AUTHORITY_FORMS[match.group(1).lower()]} {text[match.end() :].strip()}"


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or is_upper(text):
        return False
    return all(w[:1].isupper() for w in words if letters(w)) and len(letters(text)) >= 4


def find_signer(page: Page, *, after: float) -> Signer:
    """Return the authority, position and name of the signer at the bottom right."""
    right = [s for s in page.segments if s.y0 > after and s.is_right]
    signer = Signer()
    consumed = -1
    for index, segment in enumerate(right):
        if index <= consumed or not is_upper(segment.text):
            continue
        block = [segment]
        for other in right[index + 1 :]:
            if not is_upper(other.text) or other.y0 - block[-1].y1 > page.line_height * 1.2:
                break
            block.append(other)
        name = next((s for s in right if s.y0 > block[-1].y1 and _is_name(s.text)), None)
        if name is None or name.y0 - block[-1].y1 > 0.3:
            continue
        consumed = index + len(block) - 1
        authorities = [t for t in (_authority_text(s.text) for s in block) if t]
        signer = Signer(
            authority=" ".join(authorities),
            position=strip_edges(block[-1].text) if len(block) > len(authorities) else "",
            name=strip_edges(name.text),
            found=True,
        )
    return signer


def find_recipients(pages: Sequence[Page]) -> Recipients:
    """Return the "Kính gửi" addressees of the first page and the "Nơi nhận" list."""
    found = Recipients()
    if pages:
        found.addressees = _addressees(pages[0])
    for page in reversed(pages):
        listed = _listed(page)
        if listed is None and page is pages[-1]:
            listed = _listed_above_filing_line(page)
        if listed is not None:
            found.listed = listed
            break
    return found


def is_filing_line(text: str) -> bool:
    """Tell whether a left-column line is the closing "Lưu: VT, …" of the recipients list."""
    folded = fold(strip_edges(text))
    return bool(_ARCHIVE.match(folded) or _ARCHIVE_MISREAD.match(folded))


def _addressees(page: Page) -> list[str]:
    for index, segment in enumerate(page.segments):
        match = _ADDRESSEES.match(aligned_fold(segment.text))
        if match is None:
            continue
        first = segment.text[match.end() :].strip()
        items = [first] if letters(first) else []
        indent = segment.x0 + 0.05
        previous = segment
        for other in page.segments[index + 1 :]:
            if other.y0 - previous.y1 > page.line_height * 0.9 or other.x0 < indent:
                break
            if other.text.lstrip().startswith(_DASHES) or not items:
                items.append(other.text)
            else:
                items[-1] = f"{items[-1]} {other.text}"
            previous = other
        return [strip_edges(item) for item in items if letters(item)]
    return []


def _listed(page: Page) -> list[str] | None:
    for index, segment in enumerate(page.segments):
        if not segment.is_left or _RECIPIENTS.match(aligned_fold(segment.text)) is None:
            continue
        items: list[str] = []
        previous = segment
        for other in page.segments[index + 1 :]:
            if not other.is_left:
                continue
            if other.y0 - previous.y1 > page.line_height * 1.5:
                break
            text = other.text.strip()
            if is_filing_line(text):
                break
            if text.startswith(_DASHES) or not items:
                items.append(text)
            else:
                items[-1] = f"{items[-1]} {text}"
            previous = other
        return [strip_edges(item) for item in items if letters(item)]
    return None


def _listed_above_filing_line(page: Page) -> list[str] | None:
    """Read the list upwards from its filing line when its "Nơi nhận" heading is unreadable.

    The list is the run of dash-led left-column lines just above "Lưu: VT, …"; a line without
    a dash is the continuation of the item above it, or else the (misread) heading.
    """
    left = [s for s in page.segments if s.is_left]
    ends = [i for i, s in enumerate(left) if is_filing_line(s.text)]
    if not ends:
        return None
    items: list[str] = []
    below = left[ends[-1]]
    index = ends[-1] - 1
    while index >= 0:
        line = left[index]
        if below.y0 - line.y1 > page.line_height * 1.5:
            break
        text = line.text.strip()
        if text.startswith(_DASHES):
            items.insert(0, text)
        else:
            above = left[index - 1] if index > 0 else None
            continued = (
                above is not None
                and above.text.lstrip().startswith(_DASHES)
                and line.y0 - above.y1 <= page.line_height * 1.5
            )
            if not continued or above is None:
                break
            items.insert(0, f"{above.text.strip()} {text}")
            index -= 1
            line = above
        below = line
        index -= 1
    found = [strip_edges(item) for item in items if letters(item)]
    return found or None
