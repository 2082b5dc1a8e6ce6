"""Reads the plan-building screens need beside ``plan_services``: the code an item will get
when the code is left blank, and the reference schedule items matching an item's title."""

from __future__ import annotations

import itertools

from vanthu.accounts.models import User
from vanthu.core.text import fold_tokens
from vanthu.dossiers.models import FilePlanHeading, RetentionScheduleItem
from vanthu.dossiers.plan_services import plan_item_code_next
from vanthu.dossiers.retention.services import schedule_for

# Syllables too common in dossier titles to say anything about a match (folded).
COMMON = frozenset(
    {"ho", "so", "cua", "va", "cac", "ve", "cho", "tai", "lieu", "van", "ban", "co", "quan"}
    | {"don", "vi", "nhung", "mot", "the", "theo", "de", "voi", "tu", "trong", "la"}
)
MATCH_LIMIT = 8


def plan_item_code_proposed(*, heading: FilePlanHeading) -> str:
    """Return the code ``plan_item_add`` gives the next item under ``heading`` when no code is
    typed (the service's own rule)."""
    return plan_item_code_next(heading=heading)[1]


def _terms(text: str) -> tuple[set[str], set[str]]:
    """Return the telling syllables of ``text`` and its pairs of adjacent syllables (a
    Vietnamese word is often two syllables: "kế hoạch", "báo cáo")."""
    tokens = [token for token in fold_tokens(text) if token.isalnum()]
    words = {token for token in tokens if token not in COMMON}
    pairs = {
        f"{first} {second}"
        for first, second in itertools.pairwise(tokens)
        if first not in COMMON or second not in COMMON
    }
    return words, pairs


def schedule_matches(
    *, actor: User, title: str, limit: int = MATCH_LIMIT
) -> list[RetentionScheduleItem]:
    """Return the schedule items (reference and the agency's own) closest to ``title``, best
    first: a shared pair of syllables counts twice a shared syllable. None for a title of
    common words only."""
    words, pairs = _terms(title)
    if not words:
        return []
    scored: list[tuple[int, int, RetentionScheduleItem]] = []
    for position, row in enumerate(schedule_for(actor=actor)):
        row_words, row_pairs = _terms(row.title)
        score = len(words & row_words) + 2 * len(pairs & row_pairs)
        if score:
            scored.append((-score, position, row))
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    return [row for _score, _position, row in scored[:limit]]
