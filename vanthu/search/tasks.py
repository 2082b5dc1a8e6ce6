"""Background tasks of the search app (the task worker is the index's one writer)."""

from __future__ import annotations

from django_tasks import task

from vanthu.search.indexing import index_pending


@task()
def index_pending_task() -> int:
    """Index every queued entry; return how many were processed."""
    return index_pending()
