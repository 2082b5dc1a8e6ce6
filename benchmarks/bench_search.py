"""Benchmark: search over the ``load_demo --documents N`` corpus (default 1,000,000).

Budgets (design.md §9, issue 7): service-layer search with permission filters p95 ≤ 50 ms,
phrase queries p95 ≤ 200 ms, the searching process ≤ 300 MB RSS; the indexing rate reported.
Tantivy runs on SQLite; the RUM backend on PostgreSQL when ``VANTHU_BENCH_PG_URL`` (or a
``postgres://`` DATABASE_URL) names a server. The parent never imports Django: it migrates a
fresh database, runs ``load_demo --documents N``, then ``child.py search_bench_ops index`` and
``… query`` (a fresh process: the web side).

``--keep DIR`` builds into DIR (kept); ``--reuse DIR`` runs on what DIR holds, with
``--query-only`` (only the query step) or ``--reindex-only`` (only the index step);
``--load-only`` stops after ``load_demo``; ``--profile-only`` times each query in the backend,
as built now and as built before word pairs. See benchmarks/README.md.
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
KEPT_PG_DATABASE = "vt_bench_rum"
STATE = "bench_state.json"
BACKENDS = ("tantivy_sqlite", "rum_postgresql")


def _load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def _run(args: list[str], env: dict[str, str]) -> str:
    started = time.monotonic()
    done = subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True, text=True)
    print(f"  {' '.join(args[1:3])} … {time.monotonic() - started:.0f} s", file=sys.stderr)
    return done.stdout


def _child(step: str, env: dict[str, str], *extra: str) -> dict[str, Any]:
    before = _load()
    out = _run([sys.executable, "benchmarks/child.py", "search_bench_ops", step, *extra], env)
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    figures["load_average_before"] = before
    figures["load_average_after"] = _load()
    return figures


def _env(*, database_url: str, backend: str, data_dir: Path) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": database_url,
        "VANTHU_DATA_DIR": str(data_dir),
        "VANTHU_SEARCH_BACKEND": backend,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
    }


def _within(searching: dict[str, Any]) -> bool:
    return bool(
        searching["clerk_words"]["p95_ms"] <= BUDGET_MS
        and searching["specialist_words"]["p95_ms"] <= BUDGET_MS
        and searching["clerk_phrases"]["p95_ms"] <= PHRASE_BUDGET_MS
        and searching["specialist_phrases"]["p95_ms"] <= PHRASE_BUDGET_MS
        and searching["peak_rss_mb"] <= RSS_BUDGET_MB
    )


def run_one(
    *, env: dict[str, str], documents: int, steps: set[str], figures: dict[str, Any]
) -> dict[str, Any]:
    """Run ``steps`` (load, index, query) and return the figures, updating earlier ones."""
    manage = [sys.executable, "manage.py"]
    if "load" in steps:
        _run([*manage, "migrate", "--no-input", "-v", "0"], env)
        started = time.monotonic()
        _run([*manage, "load_demo", "--documents", str(documents)], env)
        figures["load_demo_seconds"] = round(time.monotonic() - started, 1)
    if "index" in steps:
        figures["indexing"] = _child("index", env)
    if "query" in steps:
        figures["search"] = _child("query", env)
        figures["within_budget"] = _within(figures["search"])
    if "profile" in steps:
        figures["profile"] = _child("profile", env)
    return figures


def _pg_server(options: argparse.Namespace) -> str | None:
    if options.skip_pg:
        return None
    url = (
        options.pg_url
        or os.environ.get("VANTHU_BENCH_PG_URL")
        or os.environ.get("DATABASE_URL", "")
    )
    return url if url.startswith("postgres") else None


def _pg_database(server: str, name: str, *, drop_only: bool = False) -> str:
    parts = urlparse(server)
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}"))


def _pg_url(server: str, name: str) -> str:
    return urlunparse(urlparse(server)._replace(path=f"/{name}"))


def _save(figures: dict[str, Any], backend: str) -> None:
    """Write ``backend``'s figures into the results file, keeping what else it holds.

    The file is read again here: a run of the other backend may have written it meanwhile.
    """
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{figures['output']}.json"
    merged = _earlier(figures["output"]) | {
        name: value for name, value in figures.items() if name not in BACKENDS
    }
    merged[backend] = figures[backend]
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")


def _earlier(output: str) -> dict[str, Any]:
    path = RESULTS / f"{output}.json"
    if not path.exists():
        return {}
    earlier: dict[str, Any] = json.loads(path.read_text())
    return earlier


def _steps(options: argparse.Namespace) -> set[str]:
    if options.query_only:
        return {"query"}
    if options.profile_only:
        return {"profile"}
    if options.reindex_only:
        return {"index"}
    if options.load_only:
        return {"load"}
    return {"load", "index", "query"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--skip-pg", action="store_true", help="no RUM run")
    parser.add_argument("--skip-tantivy", action="store_true", help="no Tantivy run")
    parser.add_argument("--pg-url", default="", help="PostgreSQL server (else VANTHU_BENCH_PG_URL)")
    parser.add_argument(
        "--pg-db", default=KEPT_PG_DATABASE, help="with --keep: the PostgreSQL database (kept)"
    )
    parser.add_argument("--output", default="search", help="results/<output>.json")
    kept = parser.add_mutually_exclusive_group()
    kept.add_argument("--keep", type=Path, help="build into this folder and keep it")
    kept.add_argument("--reuse", type=Path, help="run on a folder built with --keep")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--query-only", action="store_true", help="with --reuse: only the queries")
    only.add_argument("--reindex-only", action="store_true", help="with --reuse: only the index")
    only.add_argument("--load-only", action="store_true", help="stop after load_demo")
    only.add_argument(
        "--profile-only",
        action="store_true",
        help="with --reuse: each query's backend time, now and as built before word pairs",
    )
    return parser


def main() -> int:
    options = _parser().parse_args()
    if (options.query_only or options.reindex_only or options.profile_only) and not options.reuse:
        print("--query-only/--reindex-only/--profile-only need --reuse DIR", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="vt-bench-search-") as scratch:
        folder = options.keep or options.reuse or Path(scratch)
        return _bench(options, folder.resolve(), kept=options.keep or options.reuse)


def _bench(options: argparse.Namespace, folder: Path, *, kept: Path | None) -> int:
    steps = _steps(options)
    folder.mkdir(parents=True, exist_ok=True)
    state_path = folder / STATE
    state: dict[str, Any] = json.loads(state_path.read_text()) if options.reuse else {}
    documents = int(state.get("documents", options.documents))
    state["documents"] = documents
    figures = _earlier(options.output) if kept else {}
    figures |= {
        "output": options.output,
        "documents": documents,
        "budgets": {
            "search_p95_ms": BUDGET_MS,
            "phrase_p95_ms": PHRASE_BUDGET_MS,
            "rss_mb": RSS_BUDGET_MB,
        },
    }
    if documents < FULL_SCALE:
        figures["note"] = f"reduced run: {documents} documents, not {FULL_SCALE}"
    status = 0
    if not options.skip_tantivy:
        print("tantivy on SQLite", file=sys.stderr)
        tantivy_dir = folder / "tantivy"
        tantivy_dir.mkdir(exist_ok=True)
        env = _env(
            database_url=f"sqlite:///{tantivy_dir / 'bench.sqlite3'}",
            backend="tantivy",
            data_dir=tantivy_dir,
        )
        earlier = figures.get("tantivy_sqlite", {}) if kept else {}
        figures["tantivy_sqlite"] = run_one(
            env=env, documents=documents, steps=steps, figures=earlier
        )
        _save(figures, "tantivy_sqlite")
        if "query" in steps and not figures["tantivy_sqlite"]["within_budget"]:
            status = 1
    server = _pg_server(options)
    if server:
        print("rum on PostgreSQL", file=sys.stderr)
        rum = _rum(
            folder=folder,
            server=server,
            state=state,
            steps=steps,
            figures=figures,
            kept=kept,
            name=options.pg_db,
        )
        status = max(status, rum)
    if kept:
        state_path.write_text(json.dumps(state, indent=2) + "\n")
    _summary(figures)
    return status


def _rum(
    *,
    folder: Path,
    server: str,
    state: dict[str, Any],
    steps: set[str],
    figures: dict[str, Any],
    kept: Path | None,
    name: str,
) -> int:
    rum_dir = folder / "rum"
    rum_dir.mkdir(exist_ok=True)
    name = name if kept else f"vanthu_bench_search_{os.getpid()}"
    if "load" in steps:
        url = _pg_database(server, name)
    else:
        url = state.get("pg_url") or _pg_url(server, name)
    state["pg_url"] = url
    env = _env(database_url=url, backend="rum", data_dir=rum_dir)
    earlier = figures.get("rum_postgresql", {}) if kept else {}
    try:
        figures["rum_postgresql"] = run_one(
            env=env, documents=int(state["documents"]), steps=steps, figures=earlier
        )
    finally:
        if not kept:
            _pg_database(server, name, drop_only=True)
    _save(figures, "rum_postgresql")
    if "query" in steps and not figures["rum_postgresql"]["within_budget"]:
        return 1
    return 0


def _summary(figures: dict[str, Any]) -> None:
    for name in ("tantivy_sqlite", "rum_postgresql"):
        searching = figures.get(name, {}).get("search")
        if not searching:
            continue
        words = [searching[f"{who}_words"]["p95_ms"] for who in ("clerk", "specialist")]
        phrases = [searching[f"{who}_phrases"]["p95_ms"] for who in ("clerk", "specialist")]
        print(
            f"search ({name}, {figures['documents']} docs): words p95 {words} ms, "
            f"phrases p95 {phrases} ms, RSS {searching['peak_rss_mb']} MB, "
            f"load {searching.get('load_average_before')}"
        )


if __name__ == "__main__":
    sys.exit(main())
