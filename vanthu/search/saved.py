"""Reads of saved searches (a user sees only their own)."""

from __future__ import annotations

from django.db.models import QuerySet

from vanthu.accounts.models import User
from vanthu.search.models import SavedSearch


def saved_searches_of(*, actor: User) -> QuerySet[SavedSearch]:
    if not actor.is_active:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(owner=actor).order_by("name", "pk")
