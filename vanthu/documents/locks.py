"""A process-wide queue for SQLite writers that allocate numbers.

SQLite grants its write lock to whoever polls at the right moment: a waiting connection sleeps
in growing steps (up to 100 ms) between attempts, so under contention the lock often sits idle.
Allocations therefore first queue on an OS file lock (``flock``) beside the database file, which
wakes the next waiter as soon as the previous transaction has committed. Only outermost
transactions queue: a caller that already holds the write lock must not wait for the queue.
PostgreSQL needs none of this (its row locks queue by themselves).
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


@contextmanager
def sqlite_writer_queue() -> Iterator[None]:
    """Hold the allocation queue's file lock while the block runs (SQLite files only)."""
    name = str(connection.settings_dict.get("NAME") or "")
    if (
        connection.vendor != "sqlite"
        or connection.in_atomic_block
        or not name
        or name.startswith(":memory:")
        or "mode=memory" in name
    ):
        yield
        return
    with Path(f"{name}.numbering.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
