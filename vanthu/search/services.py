"""Writes of the search app: saved searches (audited)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from vanthu.core.text import clean_text
from vanthu.search.backends.base import Sort
from vanthu.search.models import SavedSearch
from vanthu.search.query import parse_query

FILTER_NAMES = frozenset(
    {
        "type",
        "organ",
        "year",
        "date_from",
        "date_to",
        "status",
        "unit",
        "confidentiality",
        "in_dossier",
        "kind",
    }
)
MAX_SAVED = 100


@transaction.atomic
def saved_search_create(
    *,
    actor: User,
    name: str,
    query: str,
    filters: dict[str, Any],
    sort: str,
    columns: list[str],
) -> SavedSearch:
    """Save a search of ``actor`` under ``name`` (unique per user)."""
    if not actor.is_active:
        raise PermissionDeniedError
    name = clean_text(name)
    parsed = parse_query(query)
    unknown = set(filters) - FILTER_NAMES
    if not name or unknown or sort not in Sort.__members__.values():
        raise InvalidInputError(fields={"name": [_("Kiểm tra tên, bộ lọc và cách sắp xếp.")]})
    owned = SavedSearch.objects.filter(owner=actor)
    if owned.filter(name=name).exists():
        raise ConflictError(fields={"name": [_("Bạn đã có một tìm kiếm với tên này.")]})
    if owned.count() >= MAX_SAVED:
        raise ConflictError(_("Mỗi người lưu được tối đa 100 tìm kiếm."))
    saved = SavedSearch(
        owner=actor,
        name=name,
        query=parsed.text,
        filters={key: value for key, value in filters.items() if value is not None},
        sort=sort,
        columns=list(dict.fromkeys(columns)),
    )
    saved.full_clean()
    saved.save()
    record(action="search.saved", actor=actor, target=saved, data={"name": name})
    return saved


@transaction.atomic
def saved_search_delete(*, actor: User, pk: int) -> None:
    """Delete one of ``actor``'s saved searches (others' look not found)."""
    saved = SavedSearch.objects.select_for_update().filter(owner=actor, pk=pk).first()
    if saved is None or not actor.is_active:
        raise NotFoundError
    record(action="search.saved_deleted", actor=actor, target=saved, data={"name": saved.name})
    saved.delete()
