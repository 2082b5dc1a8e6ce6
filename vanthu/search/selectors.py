"""Searching, scoped to the actor: permissions are part of the query sent to the backend."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

from vanthu.accounts.models import User
from vanthu.accounts.roles import max_confidentiality
from vanthu.search.backends import get_backend
from vanthu.search.backends.base import MAX_OFFSET, Access, SearchFilters, SearchHit, Sort
from vanthu.search.errors import SearchCursorError
from vanthu.search.query import ParsedQuery, parse_query
from vanthu.search.snippets import snippet
from vanthu.search.sources import permission_keys_for

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResult:
    """One result as lists show it (the snippet is HTML-escaped, matches in ``<mark>``)."""

    hit: SearchHit
    snippet: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResults:
    items: list[SearchResult]
    next_cursor: str | None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def access_of(actor: User) -> Access:
    """Return what ``actor`` may see in the index (no keys: nothing)."""
    if not actor.is_active:
        return Access(keys=(), max_confidentiality=0)
    return Access(
        keys=tuple(permission_keys_for(actor)), max_confidentiality=max_confidentiality(actor)
    )


def encode_offset(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def decode_offset(cursor: str | None) -> int:
    """Return the offset in ``cursor`` (0 without one); SearchCursorError when malformed."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise SearchCursorError from error
    if not text.startswith("o") or not text[1:].isdigit() or int(text[1:]) > MAX_OFFSET:
        raise SearchCursorError
    return int(text[1:])


def search_for(
    *,
    actor: User,
    q: str,
    filters: SearchFilters | None = None,
    sort: Sort = Sort.RELEVANCE,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
    facets: bool = False,
) -> SearchResults:
    """Return the documents ``actor`` may see that match ``q`` and ``filters``, one page."""
    query = parse_query(q)
    return search_parsed(
        actor=actor,
        query=query,
        filters=filters or SearchFilters(),
        sort=sort,
        limit=limit,
        cursor=cursor,
        facets=facets,
    )


def search_parsed(
    *,
    actor: User,
    query: ParsedQuery,
    filters: SearchFilters,
    sort: Sort,
    limit: int,
    cursor: str | None,
    facets: bool,
) -> SearchResults:
    offset = decode_offset(cursor)
    limit = max(1, min(limit, MAX_LIMIT))
    page = get_backend().search(
        query,
        access=access_of(actor),
        filters=filters,
        sort=sort,
        limit=limit,
        offset=offset,
        facets=facets,
    )
    has_next = page.next_offset is not None and page.next_offset <= MAX_OFFSET
    return SearchResults(
        items=[SearchResult(hit=hit, snippet=snippet(hit.excerpt, query)) for hit in page.hits],
        next_cursor=encode_offset(page.next_offset) if has_next and page.next_offset else None,
        facets=page.facets,
    )
