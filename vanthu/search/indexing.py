"""Keeping the index in step with the database: incremental after commit, and full rebuilds.

Sources call ``enqueue`` inside the transaction that changes a record; the ids land in the
``PendingEntry`` table in that same transaction, and after commit a task indexes them. The
task is idempotent (an entry is replaced whole) and restartable (rows are removed only once
indexed, and only if nobody queued them again meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.db import transaction
from django.utils import timezone

from vanthu.search.backends import get_backend
from vanthu.search.models import PendingEntry
from vanthu.search.sources import entries_for, entry_id, sources

BATCH = 500


def enqueue(ids: Iterable[str]) -> None:
    """Queue ``ids`` for indexing after the current transaction commits."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    now = timezone.now()
    # One statement: insert, or refresh the time of an entry already waiting.
    PendingEntry.objects.bulk_create(
        [PendingEntry(entry_id=value, queued_at=now) for value in wanted],
        update_conflicts=True,
        unique_fields=["entry_id"],
        update_fields=["queued_at"],
    )
    # Each task drains the whole queue: a second one in the same transaction finds it empty.
    transaction.on_commit(_schedule_task)


def enqueue_documents(document_ids: Iterable[int]) -> None:
    """Queue every entry of the documents ``document_ids`` (e.g. after filing them in a dossier)."""
    wanted = list(document_ids)
    enqueue(
        entry_id(source.kind, pk) for source in sources() for pk in source.ids_of_documents(wanted)
    )


def _schedule_task() -> None:
    from vanthu.search.tasks import index_pending_task  # noqa: PLC0415 — tasks import us

    index_pending_task.enqueue()


def index_pending(*, batch: int = BATCH) -> int:
    """Index (or delete) every queued entry; return how many were processed."""
    done = 0
    last_pk = 0
    while True:
        rows = list(
            PendingEntry.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "entry_id", "queued_at")[:batch]
        )
        if not rows:
            return done
        index_ids([entry for _, entry, _ in rows])
        for pk, _, queued_at in rows:
            PendingEntry.objects.filter(pk=pk, queued_at=queued_at).delete()
        done += len(rows)
        last_pk = rows[-1][0]


def index_ids(ids: list[str]) -> None:
    """Index the entries ``ids`` now (those that no longer exist are removed)."""
    backend = get_backend()
    found, gone = entries_for(ids)
    backend.index(found)
    backend.delete(gone)


def all_entry_ids(*, batch: int = BATCH) -> Iterator[list[str]]:
    """Yield the ids of every record of every source, in batches (bounded memory)."""
    for source in sources():
        for pks in source.all_ids(batch=batch):
            yield [entry_id(source.kind, pk) for pk in pks]


def total_entries() -> int:
    return sum(len(ids) for ids in all_entry_ids(batch=5000))


def reindex_all(
    *, clear: bool = True, batch: int = BATCH, progress: Callable[[int], object] | None = None
) -> int:
    """Rebuild the index from every source; return the number of entries indexed."""
    if not clear:
        return _index_all(batch=batch, progress=progress)
    with get_backend().rebuilding():
        return _index_all(batch=batch, progress=progress)


def _index_all(*, batch: int, progress: Callable[[int], object] | None) -> int:
    done = 0
    for ids in all_entry_ids(batch=batch):
        index_ids(ids)
        done += len(ids)
        if progress is not None:
            progress(len(ids))
    return done


def missing_entries(*, batch: int = 2000) -> list[str]:
    """Return the ids of records that the index does not hold."""
    backend = get_backend()
    missing: list[str] = []
    for ids in all_entry_ids(batch=batch):
        missing.extend(backend.count_missing(ids))
    return missing
