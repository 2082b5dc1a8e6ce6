"""Helpers of the search tests (no tests here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vanthu.accounts.models import User
from vanthu.search.backends import get_backend
from vanthu.search.backends.base import SearchFilters, Sort
from vanthu.search.indexing import reindex_all
from vanthu.search.selectors import search_for
from vanthu.search.sources import IndexEntry


def entry(number: int, subject: str, **fields: Any) -> IndexEntry:
    """Return an entry of agency 1 seen with the key ``in:1``."""
    values: dict[str, Any] = {
        "id": f"incoming:{number}",
        "kind": "incoming",
        "subject": subject,
        "metadata_text": subject,
        "issued_date": dt.date(2020, 1, 1) + dt.timedelta(days=number),
        "year": 2020,
        "permission_keys": ("in:1",),
    }
    values.update(fields)
    return IndexEntry(**values)


def ids(actor: User, q: str, **options: Any) -> list[str]:
    """Return the ids ``actor`` finds for ``q`` (first page of 100)."""
    filters = options.pop("filters", SearchFilters())
    return [
        item.hit.id
        for item in search_for(actor=actor, q=q, filters=filters, limit=100, **options).items
    ]


def rebuild() -> int:
    """Index every record of every source now."""
    return reindex_all()


def ranked(q: str, *, keys: tuple[str, ...] = ("in:1",), sort: Sort = Sort.RELEVANCE) -> list[str]:
    from vanthu.search.backends.base import Access
    from vanthu.search.query import parse_query

    page = get_backend().search(
        parse_query(q),
        access=Access(keys=keys, max_confidentiality=1),
        filters=SearchFilters(),
        sort=sort,
        limit=50,
        offset=0,
        facets=False,
    )
    return [hit.id for hit in page.hits]
