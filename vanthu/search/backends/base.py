"""The interface every search backend implements, and the values it takes and returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from vanthu.search.query import ParsedQuery
from vanthu.search.sources import IndexEntry

FACET_FIELDS = ("type", "organ", "year", "status", "unit", "confidentiality", "in_dossier")
MAX_OFFSET = 5000


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchFilters:
    """Filters applied inside the query (all optional)."""

    type_code: str | None = None
    organ: str | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str | None = None
    unit: int | None = None
    confidentiality: int | None = None
    in_dossier: bool | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Access:
    """What the asking user may see: any of ``keys``, up to ``max_confidentiality``."""

    keys: tuple[str, ...]
    max_confidentiality: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    id: str
    kind: str
    code_number: str
    code_notation: str
    subject: str
    issued_date: dt.date | None
    organ_name: str
    excerpt: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchPage:
    hits: list[SearchHit]
    next_offset: int | None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class SearchBackend(Protocol):
    """Index entries, delete them, and search them within a user's access."""

    def index(self, entries: Sequence[IndexEntry]) -> None:
        """Add or replace ``entries`` (idempotent) and make them visible to readers."""

    def delete(self, ids: Sequence[str]) -> None:
        """Remove the entries ``ids`` (absent ones are ignored)."""

    def clear(self) -> None:
        """Remove every entry (before a full rebuild)."""

    def rebuilding(self) -> AbstractContextManager[None]:
        """Clear the index for a full rebuild, deferring what can wait to its end."""

    def search(
        self,
        query: ParsedQuery,
        *,
        access: Access,
        filters: SearchFilters,
        sort: Sort,
        limit: int,
        offset: int,
        facets: bool,
    ) -> SearchPage:
        """Return one page of the entries matching ``query`` and ``filters`` within ``access``."""

    def count_missing(self, ids: Sequence[str]) -> list[str]:
        """Return those of ``ids`` that the index does not hold."""


def excerpt_of(entry: IndexEntry, *, length: int = 1500) -> str:
    """Return the text kept for snippets: the subject, then the start of the full text."""
    return f"{entry.subject}\n{entry.full_text[:length]}".strip()


def days(value: dt.date | None) -> int:
    """Return ``value`` as days since 1 January 1970 (0 when unknown)."""
    return (value - dt.date(1970, 1, 1)).days if value else 0


def from_days(value: int) -> dt.date | None:
    return dt.date(1970, 1, 1) + dt.timedelta(days=value) if value else None
