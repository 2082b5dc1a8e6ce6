"""Keep SQLite's planner statistics (``sqlite_stat1``), as the SQLite documentation advises.

Without statistics SQLite guesses how selective an index is, and for the register of a
specialist it guesses wrong: it walks the whole agency's register (``incoming_register``)
probing each row's assignments, instead of starting from the few hundred documents given to
the user. So, on every SQLite connection (https://sqlite.org/lang_analyze.html#req):

- when it opens: ``PRAGMA analysis_limit=400``, so that any ``ANALYZE`` reads about 400 rows
  of each index (milliseconds, even at 1,000,000 records);
- just before it closes: ``PRAGMA optimize``, which analyzes only the tables this connection's
  queries would have used statistics for and that have none, or grew 25-fold since;
- after ``migrate``: ``ANALYZE`` (an upgraded database gets its statistics at once).

PostgreSQL keeps its own statistics (autovacuum); nothing is done there.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

ANALYSIS_LIMIT = 400
_WRAPPED = "_vanthu_optimize_on_close"
# A writer holding the database must not keep a closing connection waiting: give up quickly,
# the next connection to close will try again.
_CLOSE_BUSY_TIMEOUT_MS = 50


def _optimize_before_close(wrapper: BaseDatabaseWrapper) -> None:
    raw = wrapper.connection
    if raw is None or wrapper.in_atomic_block:
        return
    try:
        raw.execute(f"PRAGMA busy_timeout = {_CLOSE_BUSY_TIMEOUT_MS}")
        raw.execute("PRAGMA optimize")
    except Exception:
        logger.debug("PRAGMA optimize skipped", exc_info=True)


def on_connection_created(sender: Any, connection: BaseDatabaseWrapper, **_kwargs: Any) -> None:
    """Bound ANALYZE's cost on a new SQLite connection; optimize when it closes (receiver)."""
    if connection.vendor != "sqlite" or connection.connection is None:
        return
    connection.connection.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    if getattr(connection, _WRAPPED, False):
        return
    # The backend's ``_close`` is the last step before the raw connection goes (not in stubs).
    close = connection._close  # type: ignore[attr-defined]

    def _close() -> None:
        _optimize_before_close(connection)
        close()

    setattr(connection, "_close", _close)  # noqa: B010 - an instance override, not a typo
    setattr(connection, _WRAPPED, True)


def analyze_after_migrate(sender: Any, using: str = "default", **_kwargs: Any) -> None:
    """Gather statistics once a migration has run (receiver of ``post_migrate``)."""
    from django.db import connections  # noqa: PLC0415 - keep the module import-light

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
    except DatabaseError:
        logger.warning("ANALYZE after migrate failed", exc_info=True)
