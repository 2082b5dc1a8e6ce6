"""Benchmark: registering incoming documents through ``POST /api/v1/incoming``.

Budget (design.md §9, issue 3): at least 200 documents per second, one process, SQLite.
PostgreSQL is measured too (for comparison, no budget) when ``VANTHU_BENCH_PG_URL`` (or a
``postgres://`` ``DATABASE_URL``) names a server: a throw-away database, dropped afterwards.

The parent never imports Django: it migrates a fresh SQLite database in a temporary folder and
runs ``benchmarks/child.py bench_incoming_register run`` there. The child makes an agency, a
clerk with an API token and an incoming register book, then posts N different documents (the
issue's minimal body, numbered 1..N so that none is a duplicate) through the Django test
client with ``Authorization: Bearer …``: the whole stack (middleware, authentication, ninja,
validation, the gapless number, the audit event, the answer) in one process, no network.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import psycopg

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
BUDGET_PER_SECOND = 200.0
CHILD = [sys.executable, str(REPO / "benchmarks" / "child.py"), "bench_incoming_register"]


# --- child (Django set up by child.py) -------------------------------------------------------


def setup_clerk() -> tuple[Any, str]:
    """Create an agency, a clerk, an incoming register book; return the clerk and a token."""
    from vanthu.accounts.enums import Role  # noqa: PLC0415 - the parent never imports Django
    from vanthu.accounts.models import Agency, User, UserRole  # noqa: PLC0415 - the parent never imports Django
    from vanthu.accounts.tokens import token_issue  # noqa: PLC0415 - the parent never imports Django
    from vanthu.documents.enums import RegisterKind  # noqa: PLC0415 - the parent never imports Django
    from vanthu.documents.services import register_book_create  # noqa: PLC0415 - the parent never imports Django

    agency = Agency.objects.create(
        name="Sở Nội vụ (đo hiệu năng)",
        abbreviation="SNV",
        organ_id=f"B{uuid.uuid4().hex[:12]}",
        place_name="Kiên Giang",
    )
    clerk = User.objects.create_user(
        username=f"bench-{uuid.uuid4().hex[:8]}", agency=agency, full_name="Văn thư đo"
    )
    UserRole.objects.create(user=clerk, role=Role.CLERK)
    register_book_create(
        actor=clerk, agency=agency, kind=RegisterKind.INCOMING, name="Sổ văn bản đến"
    )
    return clerk, token_issue(user=clerk, actor=None)


def body(number: int) -> dict[str, Any]:
    """Return the issue's minimal registration body, with its own code number."""
    return {
        "type_code": "10",
        "code_number": str(number),
        "code_notation": "KH-SNV",
        "issued_date": "2020-04-23",
        "organ_name": "Sở Nội vụ tỉnh Kiên Giang",
        "subject": f"Kiểm tra công tác văn thư, lưu trữ năm 2020 (đợt {number})",
        "signer_position": "Giám đốc",
        "signer_full_name": "Nguyễn Văn A",
        "page_amount": 4,
        "urgency": "normal",
        "confidentiality": "none",
    }


def run(count: int, warmup: int) -> dict[str, Any]:
    from django.test import Client  # noqa: PLC0415 - the parent never imports Django

    _, token = setup_clerk()
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="127.0.0.1")
    for number in range(1, warmup + 1):
        client.post("/api/v1/incoming", body(number), content_type="application/json")
    payloads = [json.dumps(body(warmup + n)) for n in range(1, count + 1)]
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    for payload in payloads:
        response = client.post("/api/v1/incoming", payload, content_type="application/json")
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": round(seconds, 3), "statuses": statuses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", nargs="?", default="parent")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args(argv)
    if args.mode == "run":
        print(json.dumps(run(args.count, args.warmup)))
        return 0
    return main_parent(count=args.count, warmup=args.warmup)


# --- parent ---------------------------------------------------------------------------------


def measure(database_url: str, data_dir: Path, *, count: int, warmup: int) -> dict[str, Any]:
    """Migrate ``database_url`` and time the registrations in a child; add the rate."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VANTHU_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=REPO,
        check=True,
    )
    completed = subprocess.run(
        [*CHILD, "run", f"--count={count}", f"--warmup={warmup}"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    measured: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    rate = measured["documents"] / measured["seconds"]
    created = measured["statuses"].get("201", 0)
    return {**measured, "per_second": round(rate, 1), "all_created": created == count}


def measure_postgres(server_url: str, data_dir: Path, *, count: int, warmup: int) -> dict[str, Any]:
    """Measure on a throw-away database of ``server_url`` (for comparison; no budget)."""
    name = f"vanthu_bench_incoming_register_{os.getpid()}"
    admin = urlunparse(urlparse(server_url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunparse(urlparse(server_url)._replace(path=f"/{name}"))
        return measure(url, data_dir, count=count, warmup=warmup)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main_parent(*, count: int, warmup: int) -> int:
    result: dict[str, Any] = {"budget": {"per_second": BUDGET_PER_SECOND, "database": "sqlite"}}
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-register-") as tmp:
        data_dir = Path(tmp)
        (data_dir / "static").mkdir()  # WhiteNoise warns without it
        sqlite_url = f"sqlite:///{data_dir / 'bench.sqlite3'}"
        sqlite = measure(sqlite_url, data_dir, count=count, warmup=warmup)
        ok = sqlite["per_second"] >= BUDGET_PER_SECOND and sqlite["all_created"]
        result["sqlite"] = {**sqlite, "within_budget": ok}
        server = os.environ.get("VANTHU_BENCH_PG_URL") or os.environ.get("DATABASE_URL", "")
        if server.startswith(("postgres://", "postgresql://")):
            result["postgresql"] = measure_postgres(server, data_dir, count=count, warmup=warmup)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "incoming_register.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    verdict = "within budget" if ok else "OVER BUDGET"
    figures = "; ".join(
        f"{db}: {r['per_second']}/s" for db, r in result.items() if db in {"sqlite", "postgresql"}
    )
    print(f"incoming register via API (1 process, {count} documents): {figures} — {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
