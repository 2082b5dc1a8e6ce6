"""Benchmark: search over the ``load_demo --documents N`` corpus (default 1,000,000).

Budgets (design.md §9, issue 7): service-layer search with permission filters p95 ≤ 50 ms,
phrase queries p95 ≤ 200 ms, the searching process ≤ 300 MB RSS; the indexing rate reported.
Tantivy runs on SQLite; the RUM backend on PostgreSQL when ``VANTHU_BENCH_PG_URL`` (or a
``postgres://`` DATABASE_URL) names a server. The parent never imports Django: it migrates a
fresh database, runs ``load_demo --documents N``, then ``child.py search_bench_ops index`` and
``… query`` (a fresh process: the web side). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import psycopg

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
SETTINGS = "benchmarks.search_settings"
BUDGET_MS = 50.0
PHRASE_BUDGET_MS = 200.0
RSS_BUDGET_MB = 300.0
FULL_SCALE = 1_000_000


def _run(args: list[str], env: dict[str, str]) -> str:
    started = time.monotonic()
    done = subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True, text=True)
    print(f"  {' '.join(args[1:3])} … {time.monotonic() - started:.0f} s", file=sys.stderr)
    return done.stdout


def _child(step: str, env: dict[str, str], *extra: str) -> dict[str, Any]:
    out = _run([sys.executable, "benchmarks/child.py", "search_bench_ops", step, *extra], env)
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return figures


def run_one(*, database_url: str, backend: str, documents: int, data_dir: Path) -> dict[str, Any]:
    env = os.environ | {
        "DATABASE_URL": database_url,
        "VANTHU_DATA_DIR": str(data_dir),
        "VANTHU_SEARCH_BACKEND": backend,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
    }
    manage = [sys.executable, "manage.py"]
    _run([*manage, "migrate", "--no-input", "-v", "0"], env)
    started = time.monotonic()
    _run([*manage, "load_demo", "--documents", str(documents)], env)
    load_seconds = round(time.monotonic() - started, 1)
    indexing = _child("index", env)
    searching = _child("query", env)
    within = (
        searching["clerk_words"]["p95_ms"] <= BUDGET_MS
        and searching["specialist_words"]["p95_ms"] <= BUDGET_MS
        and searching["clerk_phrases"]["p95_ms"] <= PHRASE_BUDGET_MS
        and searching["specialist_phrases"]["p95_ms"] <= PHRASE_BUDGET_MS
        and searching["peak_rss_mb"] <= RSS_BUDGET_MB
    )
    return {
        "load_demo_seconds": load_seconds,
        "indexing": indexing,
        "search": searching,
        "within_budget": within,
    }


def _pg_server() -> str | None:
    url = os.environ.get("VANTHU_BENCH_PG_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else None


def _pg_database(server: str, name: str, *, drop_only: bool = False) -> str:
    parts = urlparse(server)
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}"))


def _save(figures: dict[str, Any]) -> None:
    """Write what is measured so far (a long PostgreSQL run must not lose SQLite's figures)."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{figures['output']}.json").write_text(
        json.dumps(figures, indent=2, ensure_ascii=False) + "\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--output", default="search", help="results/<output>.json")
    options = parser.parse_args()
    figures: dict[str, Any] = {
        "output": options.output,
        "documents": options.documents,
        "budgets": {
            "search_p95_ms": BUDGET_MS,
            "phrase_p95_ms": PHRASE_BUDGET_MS,
            "rss_mb": RSS_BUDGET_MB,
        },
    }
    if options.documents < FULL_SCALE:
        figures["note"] = f"reduced run: {options.documents} documents, not {FULL_SCALE}"
    with tempfile.TemporaryDirectory(prefix="vt-bench-search-") as folder:
        data_dir = Path(folder)
        sqlite_url = f"sqlite:///{data_dir / 'bench.sqlite3'}"
        print("tantivy on SQLite", file=sys.stderr)
        figures["tantivy_sqlite"] = run_one(
            database_url=sqlite_url,
            backend="tantivy",
            documents=options.documents,
            data_dir=data_dir,
        )
        _save(figures)
        server = None if options.skip_pg else _pg_server()
        if server:
            name = f"vanthu_bench_search_{os.getpid()}"
            print("rum on PostgreSQL", file=sys.stderr)
            try:
                figures["rum_postgresql"] = run_one(
                    database_url=_pg_database(server, name),
                    backend="rum",
                    documents=options.documents,
                    data_dir=data_dir,
                )
            finally:
                _pg_database(server, name, drop_only=True)
            _save(figures)
    tantivy = figures["tantivy_sqlite"]["search"]
    words = [tantivy[f"{who}_words"]["p95_ms"] for who in ("clerk", "specialist")]
    phrases = [tantivy[f"{who}_phrases"]["p95_ms"] for who in ("clerk", "specialist")]
    print(
        f"search (tantivy, {options.documents} docs): words p95 {words} ms, "
        f"phrases p95 {phrases} ms, "
        f"RSS {tantivy['peak_rss_mb']} MB, indexing "
        f"{figures['tantivy_sqlite']['indexing']['per_second']}/s"
    )
    return 0 if figures["tantivy_sqlite"]["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
