"""SQLite keeps planner statistics: ``PRAGMA optimize`` as a connection closes (sqlite_stats).

Run against a SQLite file of its own, whatever the suite's database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from vanthu.core.sqlite_stats import ANALYSIS_LIMIT

# A database of its own; the mark only lifts pytest-django's block on connecting.
pytestmark = pytest.mark.django_db


def _handler(path: Path) -> ConnectionHandler:
    return ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path}})


def _statistics(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as raw:
        tables = raw.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if tables.fetchone() is None:
            return []
        return sorted(raw.execute("SELECT tbl, idx FROM sqlite_stat1").fetchall())


def test_a_closing_connection_analyzes_the_tables_it_queried(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    wrapper = _handler(path)["default"]
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE queried (id INTEGER PRIMARY KEY, kind INTEGER)")
        cursor.execute("CREATE INDEX queried_kind ON queried (kind)")
        cursor.execute("CREATE TABLE untouched (id INTEGER PRIMARY KEY, kind INTEGER)")
        cursor.execute("CREATE INDEX untouched_kind ON untouched (kind)")
        for table in ("queried", "untouched"):
            cursor.executemany(
                f"INSERT INTO {table} (kind) VALUES (%s)",  # noqa: S608 - fixed names
                [(n % 7,) for n in range(500)],
            )
    wrapper.close()
    assert _statistics(path) == []

    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit")
        assert cursor.fetchone() == (ANALYSIS_LIMIT,)
        cursor.execute("SELECT id FROM queried WHERE kind = %s", [3])
        assert len(cursor.fetchall()) > 0
    assert _statistics(path) == []  # nothing before the connection closes
    wrapper.close()
    assert _statistics(path) == [("queried", "queried_kind")]
