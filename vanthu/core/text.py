"""Vietnamese text at the boundary: NFC, whitespace, folding for search and duplicate checks.

``fold()`` is the one comparison form for search and duplicate checks (design.md §6): lower
case, marks removed, đ→d. Text is folded word by word through an LRU cache because the same
syllables repeat in every document (stack-notes "Vietnamese search": 294 µs → 68 µs).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanthu.core.legacy import (
    detect_legacy_encoding,
    legacy_to_unicode,
    looks_legacy,
    tcvn3_to_unicode,
    vni_to_unicode,
)

__all__ = [
    "clean_text",
    "detect_legacy_encoding",
    "fold",
    "fold_tokens",
    "legacy_to_unicode",
    "looks_legacy",
    "nfc",
    "tcvn3_to_unicode",
    "vni_to_unicode",
]

# Characters that carry nothing at a form/API boundary: zero-width space, BOM, and the control
# characters that are not whitespace (NUL and the like; PostgreSQL refuses NUL in text).
_CONTROLS = [c for c in (*range(32), 127) if not chr(c).isspace()]
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\ufeff"), *_CONTROLS])
# đ (and the look-alike eth ð that old files use for Đ) have no decomposition: map them by hand.
_D_LETTERS = str.maketrans({"đ": "d", "ð": "d"})
# A token: a run of letters/digits, possibly joined by / - . into a code such as "26/kh-snv".
_TOKEN = re.compile(r"[^\W_]+(?:[/.\-][^\W_]+)*")
_TOKEN_PART = re.compile(r"[^\W_]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """Return ``text`` in NFC, trimmed, with every run of whitespace made one space.

    Use it on every free-text value coming in through a form or the API.
    """
    return " ".join(nfc(text).translate(_INVISIBLE).split())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    # Canonical caseless form (Unicode §3.13): NFD, casefold, NFD; then drop the marks.
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFD", word).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_D_LETTERS)


def fold(text: str) -> str:
    """Return ``text`` folded for search and comparison: lower case, no marks, đ→d.

    ``fold("Đồng Tháp") == "dong thap"``; NFC and NFD input fold the same. Spaces are kept
    as they are (use ``clean_text`` first to collapse them).
    """
    if text.isascii():
        return text.lower()
    return " ".join(map(_fold_word, text.split(" ")))


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for token in _TOKEN.findall(word):
        tokens.append(token)
        if not token.isalnum():
            tokens.extend(_TOKEN_PART.findall(token))
    return tuple(tokens)


def fold_tokens(text: str) -> list[str]:
    """Return the folded search tokens of ``text``.

    Words and numbers are tokens; a code joined by ``/``, ``-`` or ``.`` ("26/KH-SNV") gives
    the whole code ("26/kh-snv") followed by its parts ("26", "kh", "snv").
    """
    tokens: list[str] = []
    for word in fold(text).split():
        tokens.extend(_word_tokens(word))
    return tokens
