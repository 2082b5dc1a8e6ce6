"""Benchmark: number allocation by 8 concurrent processes on SQLite and PostgreSQL.

Budget (design.md §9): 0 gaps, 0 duplicates, at least 200 numbers per second.

This parent never imports Django: for each database it migrates a fresh one, then runs
``numbering_ops`` in child processes: ``setup`` (an agency, a clerk, a register book), the
workers (released together, timed to the last number) and ``verify`` (reads the register back).
PostgreSQL runs when ``VANTHU_BENCH_PG_URL`` (or a postgres ``DATABASE_URL``) names a server;
a throw-away database is created on it and dropped afterwards.
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
BUDGET_PER_SECOND = 200.0


# --- parent --------------------------------------------------------------------------------


CHILD = [sys.executable, str(REPO / "benchmarks" / "child.py"), "numbering_ops"]


def _child(mode: list[str], env: dict[str, str]) -> Any:
    completed = subprocess.run(
        [*CHILD, *mode], env=env, cwd=REPO, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=REPO,
        check=True,
    )


def _run_workers(env: dict[str, str], ids: dict[str, int], processes: int, per: int) -> float:
    """Start the workers, release them together; return the wall time to the last number."""
    mode = ["worker", f"--book={ids['book']}", f"--actor={ids['actor']}", f"--count={per}"]
    workers = [
        subprocess.Popen(
            [*CHILD, *mode],
            env=env,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for worker in workers:
        if worker.stdout is None or worker.stdout.readline().strip() != "ready":
            raise RuntimeError("a worker failed to start")
    started = time.perf_counter()
    for worker in workers:
        if worker.stdin is not None:
            worker.stdin.write("go\n")
            worker.stdin.flush()
    for worker in workers:
        worker.communicate(timeout=600)
        if worker.returncode != 0:
            raise RuntimeError("a worker failed")
    return time.perf_counter() - started


def measure(database_url: str, *, processes: int, total: int, data_dir: Path) -> dict[str, Any]:
    """Migrate, allocate ``total`` numbers with ``processes`` workers, and check the register."""
    env = {**os.environ, "DATABASE_URL": database_url, "VANTHU_DATA_DIR": str(data_dir)}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    _migrate(env)
    ids = _child(["setup"], env)
    per = total // processes
    seconds = _run_workers(env, ids, processes, per)
    check = _child(["verify", f"--book={ids['book']}"], env)
    numbers: list[int] = check["numbers"]
    allocated = processes * per
    expected = set(range(1, allocated + 1))
    duplicates = len(numbers) - len(set(numbers))
    gaps = len(expected - set(numbers))
    rate = allocated / seconds
    return {
        "processes": processes,
        "numbers": allocated,
        "seconds": round(seconds, 3),
        "per_second": round(rate, 1),
        "gaps": gaps,
        "duplicates": duplicates,
        "unexpected": len(set(numbers) - expected),
        "last_number": check["last_number"],
        "within_budget": gaps == 0 and duplicates == 0 and rate >= BUDGET_PER_SECOND,
    }


def _postgres_server_url() -> str | None:
    url = os.environ.get("VANTHU_BENCH_PG_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def measure_postgres(server_url: str, *, processes: int, total: int, data_dir: Path) -> Any:
    name = f"vanthu_bench_numbering_{os.getpid()}"
    admin = urlunparse(urlparse(server_url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunparse(urlparse(server_url)._replace(path=f"/{name}"))
        return measure(url, processes=processes, total=total, data_dir=data_dir)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main_parent(*, processes: int, total: int) -> int:
    results: dict[str, Any] = {"budget": {"per_second": BUDGET_PER_SECOND, "gaps": 0}}
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-numbering-") as tmp:
        data_dir = Path(tmp)
        sqlite_url = f"sqlite:///{data_dir / 'bench.sqlite3'}"
        results["sqlite"] = measure(sqlite_url, processes=processes, total=total, data_dir=data_dir)
        server = _postgres_server_url()
        if server:
            results["postgresql"] = measure_postgres(
                server, processes=processes, total=total, data_dir=data_dir
            )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "numbering.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    parts = [
        f"{db}: {r['per_second']}/s, {r['gaps']} gaps, {r['duplicates']} duplicates"
        for db, r in results.items()
        if db != "budget"
    ]
    ok = all(r["within_budget"] for db, r in results.items() if db != "budget")
    verdict = "within budget" if ok else "OVER BUDGET"
    print(f"numbering ({processes} processes, {total} numbers): {'; '.join(parts)} — {verdict}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--total", type=int, default=2000)
    args = parser.parse_args()
    return main_parent(processes=args.processes, total=args.total)


if __name__ == "__main__":
    sys.exit(main())
