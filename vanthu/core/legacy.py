"""Detect and convert legacy TCVN3 (ABC) and VNI-Windows text to Unicode (design.md §6 "Text").

Detection decodes the text each way and keeps the reading with the fewest implausible Vietnamese
words (letters outside the alphabet, mixed case, two tone marks, an impossible vowel cluster) and
stray symbols. Text that already holds a letter only Unicode has (ă, ơ, ư, đ, ĩ, ũ, ạ…ỹ) is
Unicode: no legacy byte read as Windows-1252 produces one. Short text with no tell-tale
character ("Tèt") cannot be told apart and is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial
from typing import Literal

from vanthu.core.legacy_encodings import (
    TCVN3_TO_UNICODE,
    VNI_BASES,
    VNI_LETTERS,
    VNI_MARKS,
)

LegacyEncoding = Literal["tcvn3", "vni"]

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
_UNICODE_ONLY = re.compile("[ăĂơƠưƯđĐĩĨũŨ\u1ea0-\u1ef9]")
_TYPOGRAPHY = frozenset("\u00a0–—‘’“”…•€°")
_WORD = re.compile(r"[^\W\d_]+")

# The vowel clusters (without tone) a Vietnamese syllable may have.
_NUCLEI_TEXT = (
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
)
_NUCLEI = frozenset(_NUCLEI_TEXT.split())


def _vietnamese_letters() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for vowel in _VOWELS:
        for tone in ("", *sorted(_TONES)):
            letters.add(unicodedata.normalize("NFC", vowel + tone))
    return frozenset(letters | {c.upper() for c in letters})


_LETTERS = _vietnamese_letters()

_TCVN3_KEYS = "".join(chr(code) for code in TCVN3_TO_UNICODE)
_TCVN3_WORD = re.compile(f"[A-Za-z{re.escape(_TCVN3_KEYS)}]+")


def _strip_tones(letter: str) -> str:
    decomposed = unicodedata.normalize("NFD", letter.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _nucleus_ok(word: str) -> bool:
    bare = [_strip_tones(c) for c in word]
    runs = [(m.start(), m.group()) for m in re.finditer("[aăâeêioôơuưy]+", "".join(bare))]
    if not runs:
        return True
    if len(runs) > 1:
        return False
    start, run = runs[0]
    head = "".join(bare[:2])
    if start == 1 and len(run) > 1 and head in {"qu", "gi"}:
        run = run[1:]
    return run in _NUCLEI


def _plausible(word: str) -> bool:
    """Tell whether ``word`` (NFC) could be one written Vietnamese syllable."""
    if word.isascii():
        return True
    if any(c not in _LETTERS for c in word):
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    toned = sum(1 for c in word if _TONES & set(unicodedata.normalize("NFD", c)))
    return toned <= 1 and _nucleus_ok(word)


def _implausibility(text: str) -> int:
    junk = sum(
        1
        for c in text
        if not c.isascii() and not c.isalpha() and not c.isspace() and c not in _TYPOGRAPHY
    )
    return junk + sum(1 for word in _WORD.findall(text) if not _plausible(word))


def _all_caps(text: str) -> bool:
    return len(_ascii_letters(text)) >= 2 and _no_ascii_lower(text)


def _ascii_letters(text: str) -> list[str]:
    return [c for c in text if c.isascii() and c.isalpha()]


def _no_ascii_lower(text: str) -> bool:
    return all(c.isupper() for c in _ascii_letters(text))


def _tcvn3_word(match: re.Match[str], *, caps_line: bool) -> str:
    raw = match.group()
    converted = raw.translate(TCVN3_TO_UNICODE)
    # ``.VnTimeH`` capitals reuse the lower-case bytes: "VIÖT NAM" means "VIỆT NAM".
    if converted != raw and (_all_caps(raw) or (caps_line and _no_ascii_lower(raw))):
        return converted.upper()
    return converted


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC) text, read as Windows-1252/Latin-1, to NFC Unicode."""
    convert = partial(_tcvn3_word, caps_line=_all_caps(text))
    return unicodedata.normalize("NFC", _TCVN3_WORD.sub(convert, text))


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text, read as Windows-1252/Latin-1, to NFC Unicode."""
    out: list[str] = []
    i = 0
    while i < len(text):
        base = VNI_LETTERS.get(text[i], text[i])
        mark = VNI_MARKS.get(text[i + 1]) if i + 1 < len(text) else None
        allowed = VNI_BASES.get(base.lower())
        if mark is not None and allowed is not None and mark[0] in allowed:
            out.append(unicodedata.normalize("NFC", base + mark[0] + mark[1]))
            i += 2
        else:
            out.append(base)
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


_CONVERTERS: dict[LegacyEncoding, Callable[[str], str]] = {
    "tcvn3": tcvn3_to_unicode,
    "vni": vni_to_unicode,
}


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """Return the legacy encoding ``text`` is written in, or ``None`` for Unicode/plain text."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() or _UNICODE_ONLY.search(text):
        return None
    best: LegacyEncoding | None = None
    best_score = _implausibility(text)
    for name, convert in _CONVERTERS.items():
        score = _implausibility(convert(text))
        if score < best_score:
            best, best_score = name, score
    return best


def looks_legacy(text: str) -> bool:
    """Tell whether ``text`` looks like TCVN3 or VNI-Windows text rather than Unicode."""
    return detect_legacy_encoding(text) is not None


def legacy_to_unicode(text: str) -> str:
    """Return ``text`` converted to NFC Unicode if it is TCVN3/VNI text, else ``text`` in NFC."""
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return unicodedata.normalize("NFC", text)
    return _CONVERTERS[encoding](text)
