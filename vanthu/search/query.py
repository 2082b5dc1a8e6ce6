"""Parse what a user types into the search box into a ParsedQuery both backends understand.

Words match with or without marks (đ = d); a word typed with marks also matches its marked form
exactly, which ranks higher. ``"…"`` is a phrase, ``abc*`` a prefix, ``-abc`` excludes a word, a
số/ký hiệu such as ``26/KH-SNV`` or ``KH-SNV`` is matched as a code. Any other FTS syntax
(``NEAR``, ``AND``, parentheses, ``^``, ``:``) is read as plain text, never passed to an engine.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from vanthu.core.text import clean_text, fold
from vanthu.search.errors import QueryTooLongError

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 24
# A word of the index: a run of letters and digits (what both backends index).
WORD = re.compile(r"[^\W_]+")
# A code: letters/digits joined by / - . ("26/KH-SNV", "KH-SNV", "UBND-VP").
_CODE = re.compile(r"^[^\W_]+(?:[/.\-][^\W_]+)+$")
_PHRASE = re.compile(r"[\"“”„«»](.*?)(?:[\"“”„«»]|$)")
_OPERATORS = frozenset({"and", "or", "not", "near"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SYNTAX = str.maketrans(dict.fromkeys("()[]{}^~:+!\"'`\\|&<>=", " "))


@dataclass(frozen=True, slots=True)
class Term:
    """One word: its marked lower-case form, its folded form, and whether it is a prefix."""

    marked: str
    folded: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive words, marked and folded."""

    marked: tuple[str, ...]
    folded: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedQuery:
    """What to look for; every part must match except ``excluded`` (which must not)."""

    text: str = ""
    terms: tuple[Term, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    codes: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Return whether nothing positive is asked (every visible document matches)."""
        return not (self.terms or self.phrases or self.codes)

    def highlight_words(self) -> frozenset[str]:
        """Return the folded words a snippet highlights."""
        words = {term.folded for term in self.terms if not term.prefix}
        for phrase in self.phrases:
            words.update(phrase.folded)
        for code in self.codes:
            words.update(WORD.findall(code))
        return frozenset(words)

    def highlight_prefixes(self) -> tuple[str, ...]:
        return tuple(term.folded for term in self.terms if term.prefix)


def words_of(text: str) -> list[str]:
    """Return the lower-case NFC words of ``text`` (the marked tokens of the index)."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def folded_words_of(text: str) -> list[str]:
    """Return the folded words of ``text`` (the folded tokens of the index)."""
    return WORD.findall(fold(unicodedata.normalize("NFC", text)))


def pairs_of(words: Sequence[str]) -> list[str]:
    """Return the pair tokens of consecutive ``words``: "uy_ban", "ban_nhan", …"""
    return [f"{first}_{second}" for first, second in itertools.pairwise(words)]


def marked_pairs(marked: Sequence[str], folded: Sequence[str]) -> list[str]:
    """Return the pairs of the marked words that are not pairs of the folded ones, once each.

    A word never holds "_" (see WORD), so a pair never equals a word.
    """
    plain = set(pairs_of(folded))
    return [pair for pair in dict.fromkeys(pairs_of(marked)) if pair not in plain]


def normal_code(text: str) -> str:
    """Return a số/ký hiệu in its compared form: folded, without spaces ("26/kh-snv")."""
    return "".join(fold(unicodedata.normalize("NFC", text)).split())


def code_forms(code_number: str, code_notation: str) -> list[str]:
    """Return the forms a code is found by: "26/kh-snv" and "kh-snv"."""
    notation = normal_code(code_notation)
    forms = [notation] if notation else []
    if notation and code_number.strip():
        forms.append(f"{normal_code(code_number)}/{notation}")
    return forms


def parse_query(raw: str) -> ParsedQuery:
    """Return the ParsedQuery of ``raw``; QueryTooLongError beyond MAX_QUERY_CHARS."""
    text = clean_text(raw.translate(_INVISIBLE))
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLongError
    phrases: list[Phrase] = []
    for found in _PHRASE.findall(text):
        marked = tuple(words_of(found))
        if len(marked) == 1:
            text = f"{text} {marked[0]}"
        elif marked:
            phrases.append(Phrase(marked, tuple(folded_words_of(" ".join(marked)))))
    rest = _PHRASE.sub(" ", text)
    terms: list[Term] = []
    codes: list[str] = []
    excluded: list[str] = []
    for chunk in rest.translate(_SYNTAX).split():
        _read_chunk(chunk, terms, codes, excluded)
    return ParsedQuery(
        text=text,
        terms=tuple(dict.fromkeys(terms))[:MAX_CLAUSES],
        phrases=tuple(phrases)[:MAX_CLAUSES],
        codes=tuple(dict.fromkeys(codes))[:MAX_CLAUSES],
        excluded=tuple(dict.fromkeys(excluded))[:MAX_CLAUSES],
    )


def _read_chunk(chunk: str, terms: list[Term], codes: list[str], excluded: list[str]) -> None:
    negative = chunk.startswith("-") and len(chunk) > 1
    chunk = chunk.lstrip("-").translate(_SYNTAX).strip(" .,;")
    if not chunk or chunk.lower() in _OPERATORS:
        return
    prefix = chunk.endswith("*")
    chunk = chunk.rstrip("*")
    if negative:
        excluded.extend(folded_words_of(chunk))
        return
    if _CODE.match(chunk.split()[0] if chunk.split() else ""):
        codes.append(normal_code(chunk.split()[0]))
        return
    words = words_of(chunk)
    for position, word in enumerate(words):
        is_prefix = prefix and position == len(words) - 1
        terms.append(Term(word, fold(word), prefix=is_prefix))
