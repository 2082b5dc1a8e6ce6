"""Snippets: a short HTML-escaped passage with the matched words in ``<mark>``."""

from __future__ import annotations

import html
import re

from vanthu.core.text import fold
from vanthu.search.query import ParsedQuery

_WORD = re.compile(r"[^\W_]+")
_WIDTH = 220


def snippet(text: str, query: ParsedQuery) -> str:
    """Return an escaped passage of ``text`` around the first match, matches marked."""
    words = query.highlight_words()
    prefixes = query.highlight_prefixes()

    def matches(word: str) -> bool:
        folded = fold(word.lower())
        return folded in words or any(folded.startswith(prefix) for prefix in prefixes)

    found = [m for m in _WORD.finditer(text) if matches(m.group())]
    start = max(0, found[0].start() - 60) if found else 0
    end = min(len(text), start + _WIDTH)
    parts: list[str] = ["…"] if start else []
    cursor = start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        parts.append(html.escape(text[cursor : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        cursor = match.end()
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return " ".join("".join(parts).split())
