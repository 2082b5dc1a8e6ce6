"""Timing the incoming register list through the Django test client (bench_incoming_list).

Django is imported inside the functions: the benchmark's parent process never imports it.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from typing import Any


class SqlTimer:
    """An ``execute_wrapper`` that keeps the statements of the current request and their times."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any, float]] = []

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, *args)
        finally:
            self.statements.append((sql, params, (time.perf_counter() - started) * 1000))

    def list_query(self) -> tuple[str, Any, float]:
        """Return the list query of the last request (the one ordering the register)."""
        return next(
            s for s in self.statements if "incoming_incomingrecord" in s[0] and "ORDER BY" in s[0]
        )


def summary(values: list[float]) -> dict[str, float]:
    """Return n, p50, p95 (nearest rank), max and mean of ``values`` (milliseconds, rounded)."""
    ordered = sorted(values)
    p50, p95 = (ordered[max(0, math.ceil(share * len(ordered)) - 1)] for share in (0.5, 0.95))
    figures = {"p50": p50, "p95": p95, "max": ordered[-1], "mean": statistics.fmean(ordered)}
    return {"n": len(ordered), **{name: round(value, 2) for name, value in figures.items()}}


class Session:
    """The clerk's test client and the SQL timer around each request."""

    def __init__(self, token: str) -> None:
        from django.test import Client  # noqa: PLC0415

        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="127.0.0.1")
        self.sql = SqlTimer()

    def get(self, cursor: str | None) -> tuple[float, dict[str, Any]]:
        """Return the server time (ms) and the body of one page."""
        from django.db import connection  # noqa: PLC0415

        url = "/api/v1/incoming" + (f"?cursor={cursor}" if cursor else "")
        self.sql.statements.clear()
        with connection.execute_wrapper(self.sql):
            started = time.perf_counter()
            response = self.client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code} {response.content[:300]!r}")
        body: dict[str, Any] = response.json()
        return elapsed, body

    def repeat(self, cursor: str | None, times: int) -> dict[str, Any]:
        """Request one page ``times`` times; return the request and list-query figures."""
        total, query = [], []
        for _ in range(times):
            elapsed, _body = self.get(cursor)
            total.append(elapsed)
            query.append(self.sql.list_query()[2])
        return {
            "server_ms": summary(total),
            "list_query_ms": summary(query),
            "statements": len(self.sql.statements),
        }


def walk(session: Session, pages: int) -> tuple[dict[str, Any], str | None]:
    """Follow ``next_cursor`` from page 1 to ``pages``; return the figures and page P's cursor."""
    cursor: str | None = None
    previous: tuple[str, int] | None = None
    times: list[float] = []
    rows, ordered = 0, True
    for page in range(1, pages + 1):
        elapsed, body = session.get(cursor)
        times.append(elapsed)
        for item in body["items"]:
            key = (item["arrival_date"], item["id"])
            ordered = ordered and (previous is None or key < previous)
            previous = key
        rows += len(body["items"])
        if page == pages or body["next_cursor"] is None:
            break
        cursor = body["next_cursor"]
    step = max(1, len(times) // 10)
    buckets = [
        {"pages": f"{i + 1}-{min(i + step, len(times))}", **summary(times[i : i + step])}
        for i in range(0, len(times), step)
    ]
    figures = {"pages": len(times), "rows": rows, "ordered": ordered, "buckets": buckets}
    return figures, cursor


def explain(sql: str, params: Any) -> list[str]:
    """Return the plan of one statement (EXPLAIN QUERY PLAN / EXPLAIN (ANALYZE, BUFFERS))."""
    from django.db import connection  # noqa: PLC0415

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            return [str(row[0]) for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [str(row[3]) for row in cursor.fetchall()]


def measure_pages(session: Session, *, pages: int, repeats: int, warmup: int) -> dict[str, Any]:
    """Time page 1 ``repeats`` times, walk to page ``pages``, time that page ``repeats`` times;
    with the list statement's plans."""
    for _ in range(warmup):
        session.get(None)
    first = session.repeat(None, repeats)
    plan_first = session.sql.list_query()
    walked, cursor = walk(session, pages)
    last = session.repeat(cursor, repeats)
    plan_last = session.sql.list_query()
    return {
        "page_1": first,
        "page_last": {"page": walked["pages"], **last},
        "walk": walked,
        "plan": {
            "sql": plan_last[0],
            "page_1": explain(*plan_first[:2]),
            "page_last": explain(*plan_last[:2]),
        },
    }
