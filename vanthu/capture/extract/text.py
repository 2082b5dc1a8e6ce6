"""Text helpers for noisy OCR: folding that keeps positions, case tests, digit repair."""

from __future__ import annotations

import re
from functools import lru_cache

from vanthu.core.text import fold

# Letters OCR confuses with digits inside numbers.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1",
                                   "i": "1", "|": "1", "S": "5", "B": "8", "Z": "2"})  # fmt: skip
_EDGE_PUNCT = " \t-–—•·;:,.|_*~+"


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char


def aligned_fold(text: str) -> str:
    """Fold ``text`` character by character: the result has the same length and positions."""
    return "".join(map(_fold_char, text))


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def is_upper(text: str) -> bool:
    """Tell whether the letters of ``text`` are (almost all) capitals — a header-style line."""
    found = letters(text)
    if len(found) < 2:
        return False
    return sum(ch.isupper() for ch in found) / len(found) >= 0.85


def digits(text: str) -> str:
    """Repair OCR look-alikes in a number ("O9" → "09") and keep the digits."""
    return "".join(ch for ch in text.translate(_DIGIT_LOOKALIKES) if ch.isdigit())


def strip_edges(text: str) -> str:
    """Drop list dashes and closing punctuation around ``text``."""
    return text.strip(_EDGE_PUNCT).strip()


def squash(folded: str) -> str:
    """Keep only letters and digits of a folded text (for comparing stamps and titles)."""
    return re.sub(r"[^a-z0-9]", "", folded)
