"""Benchmark: the incoming register list (``GET /api/v1/incoming``) at 1,000,000 records.

Budget (design.md §9, issue 3): p95 ≤ 100 ms server time, the same on page 1 and page 10,000
(keyset pagination, default order: newest arrival first, 50 rows a page).

The parent (no Django) migrates a fresh SQLite file and, when ``VANTHU_BENCH_PG_URL`` names a
server, a throw-away PostgreSQL database, and runs ``child.py bench_incoming_list run`` on each:
it writes N records of one clerk's agency with ``vanthu.demo.bulk.RowWriter``, then times pages
through the Django test client with a bearer token (page 1, every page to P by ``next_cursor``,
page P) and saves the plan of the list query. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
BUDGET_MS = 100.0
PAGE_SIZE = 50
BATCH = 20_000
CHILD = [sys.executable, str(REPO / "benchmarks" / "child.py"), "bench_incoming_list"]
TABLES = ("documents_document", "documents_numberallocation", "incoming_incomingrecord")
FIRST_DAY, LAST_DAY = dt.date(2020, 1, 2), dt.date(2025, 12, 31)
PLACES, BODIES = ("Kiên Giang", "An Giang"), ("Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân")
ORGANS = tuple(f"{body} tỉnh {place}" for body in BODIES for place in PLACES)
TOPICS = ("công tác văn thư, lưu trữ", "cải cách hành chính", "số liệu thống kê năm")
SUBJECTS = tuple(f"Về việc {verb} {topic}" for verb in ("báo cáo", "kiểm tra") for topic in TOPICS)


# --- child: the data (Django set up by child.py) ---------------------------------------------


def setup() -> tuple[Any, int, str]:
    """Create an agency, a clerk with an API token, an incoming register book."""
    from vanthu.accounts.enums import Role  # noqa: PLC0415 - the parent never imports Django
    from vanthu.accounts.models import Agency, User, UserRole  # noqa: PLC0415
    from vanthu.accounts.tokens import token_issue  # noqa: PLC0415
    from vanthu.documents.enums import RegisterKind  # noqa: PLC0415
    from vanthu.documents.services import register_book_create  # noqa: PLC0415

    names = {"name": "Sở Nội vụ", "abbreviation": "SNV", "place_name": "Kiên Giang"}
    agency = Agency.objects.create(organ_id="000.00.00.H99", **names)
    clerk = User.objects.create_user(username="bench-clerk", agency=agency, full_name="Văn thư")
    UserRole.objects.create(user=clerk, role=Role.CLERK)
    book = register_book_create(
        actor=clerk, agency=agency, kind=RegisterKind.INCOMING, name="Sổ văn bản đến"
    )
    return clerk, book.pk, token_issue(user=clerk, actor=None)


def insert(model: Any, rows: list[dict[str, Any]]) -> int:
    """Write ``rows`` with RowWriter; return the first new id (the ids are checked consecutive)."""
    from django.db.models import Count, Max, Min  # noqa: PLC0415

    from vanthu.demo.bulk import RowWriter  # noqa: PLC0415

    before = model.objects.aggregate(last=Max("pk"))["last"] or 0
    RowWriter(model).insert(rows)
    got = model.objects.filter(pk__gt=before).aggregate(n=Count("pk"), lo=Min("pk"), hi=Max("pk"))
    if got["n"] != len(rows) or got["hi"] - got["lo"] + 1 != len(rows):
        raise RuntimeError(f"{model.__name__}: the new rows' ids are not consecutive")
    first: int = got["lo"]
    return first


class Builder:
    """Write ``count`` incoming records of the clerk's agency in arrival order, in batches."""

    def __init__(self, clerk: Any, book_id: int, count: int) -> None:
        from vanthu.core.text import fold  # noqa: PLC0415
        from vanthu.demo.composer import working_days  # noqa: PLC0415
        from vanthu.documents.models import DocumentType  # noqa: PLC0415

        self.clerk, self.book_id, self.count = clerk, book_id, count
        self.days = working_days(FIRST_DAY, LAST_DAY)
        types = DocumentType.objects.filter(is_copy_form=False).order_by("code")
        self.types = [(t.pk, t.abbreviation or "CV") for t in types]
        self.subjects = [(s, fold(s)) for s in SUBJECTS]
        self.organs = [(o, fold(o)) for o in ORGANS]
        self.last_numbers: dict[int, int] = {}

    def _rows(self, index: int) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        day = self.days[index * len(self.days) // self.count]
        number = self.last_numbers.get(day.year, 0) + 1
        self.last_numbers[day.year] = number
        type_id, abbreviation = self.types[index % len(self.types)]
        subject, subject_folded = self.subjects[index % len(self.subjects)]
        organ, organ_folded = self.organs[index % len(self.organs)]
        urgency = "urgent" if index % 40 == 0 else "very_urgent" if index % 301 == 0 else "normal"
        document = {
            "owner_agency_id": self.clerk.agency_id,
            "document_type_id": type_id,
            "code_number": str(index % 900 + 1),
            "code_notation": f"{abbreviation}-UBND",
            "issued_date": day - dt.timedelta(days=index % 5),
            "organ_name": organ,
            "subject": f"{subject} (đợt {index})",
            "subject_folded": f"{subject_folded} (dot {index})",
            "signer_position": "Giám đốc",
            "signer_name": "Nguyễn Văn A",
            "urgency": urgency,
            "confidentiality": 1 if index % 97 == 0 else 0,  # a few Mật the clerk may not see
        }
        allocation = {
            "book_id": self.book_id,
            "year": day.year,
            "number": number,
            "allocated_on": day,
            "allocated_by_id": self.clerk.pk,
        }
        recent = index >= self.count * 0.97
        incoming = {
            "agency_id": self.clerk.agency_id,
            "register_book_id": self.book_id,
            "arrival_number": number,
            "arrival_year": day.year,
            "arrival_date": day,
            "channel": "electronic" if index % 3 else "paper",
            "received_by_id": self.clerk.pk,
            "status": ("registered", "assigned", "in_progress")[index % 3] if recent else "done",
            "due_date": day + dt.timedelta(days=10) if index % 3 == 0 else None,
            "organ_folded": organ_folded,
            "urgency_rank": {"normal": 0, "urgent": 1, "very_urgent": 2}[urgency],
        }
        return document, allocation, incoming

    def write_batch(self, start: int, stop: int) -> None:
        from django.db import transaction  # noqa: PLC0415

        from vanthu.documents.models import Document, NumberAllocation  # noqa: PLC0415
        from vanthu.incoming.models import IncomingRecord  # noqa: PLC0415

        documents, allocations, records = zip(
            *(self._rows(index) for index in range(start, stop)), strict=True
        )
        with transaction.atomic():
            first_document = insert(Document, list(documents))
            first_allocation = insert(NumberAllocation, list(allocations))
            for offset, record in enumerate(records):
                record["document_id"] = first_document + offset
                record["allocation_id"] = first_allocation + offset
            insert(IncomingRecord, list(records))

    def run(self) -> None:
        from vanthu.documents.models import Sequence  # noqa: PLC0415

        for start in range(0, self.count, BATCH):
            self.write_batch(start, min(start + BATCH, self.count))
            print(f"  {min(start + BATCH, self.count):,} records", file=sys.stderr, flush=True)
        Sequence.objects.bulk_create(
            Sequence(book_id=self.book_id, year=year, last_number=last)
            for year, last in self.last_numbers.items()
        )


def analyze(tables: tuple[str, ...] = TABLES) -> None:
    """Give the planner the statistics the deployed system has after a big load.

    PostgreSQL: ``VACUUM ANALYZE``, as autovacuum would. SQLite: the loading connection is
    closed, and its ``PRAGMA optimize`` (``vanthu.core.sqlite_stats``, run as any
    connection closes, e.g. at the end of every web request) analyzes the tables it used.
    """
    from django.db import connection  # noqa: PLC0415

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"VACUUM ANALYZE {table}")
    connection.close()


# --- child: the measurements (list_timing.py; the specialist and unit head in list_roles.py) ---


def run(records: int, pages: int, repeats: int) -> dict[str, Any]:
    # The parent runs this file as a script (no package on its path): imported in the child.
    from benchmarks import list_roles  # noqa: PLC0415
    from benchmarks.list_timing import Session, measure_pages  # noqa: PLC0415

    clerk, book_id, token = setup()
    started = time.perf_counter()
    Builder(clerk, book_id, records).run()
    analyze()
    build_seconds = time.perf_counter() - started
    pages_figures = measure_pages(
        Session(token), pages=min(pages, records // PAGE_SIZE), repeats=repeats, warmup=20
    )
    return {
        "records": records,
        "build_seconds": round(build_seconds, 1),
        "page_size": PAGE_SIZE,
        **pages_figures,
        "roles": list_roles.run(clerk, repeats),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", nargs="?", default="parent")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)
    if args.mode == "run":
        print(json.dumps(run(args.records, args.pages, args.repeats)))
        return 0
    return main_parent(records=args.records, pages=args.pages, repeats=args.repeats)


# --- parent ---------------------------------------------------------------------------------


def measure(database_url: str, data_dir: Path, options: list[str]) -> dict[str, Any]:
    """Migrate ``database_url``, build and measure in a child; add the verdict."""
    env = {**os.environ, "DATABASE_URL": database_url, "VANTHU_DATA_DIR": str(data_dir)}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=REPO, check=True)
    completed = subprocess.run(
        [*CHILD, "run", *options], env=env, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True
    )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    first, last = result["page_1"]["server_ms"]["p95"], result["page_last"]["server_ms"]["p95"]
    result["last_over_first_p95"] = round(last / first, 2)
    result["within_budget"] = result["walk"]["ordered"] and max(first, last) <= BUDGET_MS
    for figures in result["roles"].values():
        worst = max(figures["page_1"]["server_ms"]["p95"], figures["page_last"]["server_ms"]["p95"])
        figures["within_budget"] = (
            figures["shows_exactly_those"] and figures["walk"]["ordered"] and worst <= BUDGET_MS
        )
        result["within_budget"] = result["within_budget"] and figures["within_budget"]
    return result


def _postgres_server_url() -> str | None:
    url = os.environ.get("VANTHU_BENCH_PG_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def measure_postgres(server_url: str, data_dir: Path, options: list[str]) -> dict[str, Any]:
    """Measure on a throw-away database of ``server_url``, dropped afterwards."""
    name = f"vanthu_bench_incoming_list_{os.getpid()}"
    admin = urlunparse(urlparse(server_url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunparse(urlparse(server_url)._replace(path=f"/{name}"))
        return measure(url, data_dir, options)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pages(result: dict[str, Any]) -> str:
    first, last = result["page_1"]["server_ms"], result["page_last"]["server_ms"]
    return (
        f"page 1 p50 {first['p50']} / p95 {first['p95']} ms, "
        f"page {result['page_last']['page']:,} p50 {last['p50']} / p95 {last['p95']} ms"
    )


def _line(database: str, result: dict[str, Any]) -> str:
    roles = "; ".join(f"{role}: {_pages(figures)}" for role, figures in result["roles"].items())
    return f"{database}: clerk: {_pages(result)}; {roles}"


def main_parent(*, records: int, pages: int, repeats: int) -> int:
    options = [f"--records={records}", f"--pages={pages}", f"--repeats={repeats}"]
    results: dict[str, Any] = {"budget": {"p95_ms": BUDGET_MS, "page_size": PAGE_SIZE}}
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-list-") as tmp:
        data_dir = Path(tmp)
        (data_dir / "static").mkdir()  # WhiteNoise warns without it
        results["sqlite"] = measure(f"sqlite:///{data_dir / 'bench.sqlite3'}", data_dir, options)
        server = _postgres_server_url()
        if server:
            results["postgresql"] = measure_postgres(server, data_dir, options)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "incoming_list.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    measured = {db: r for db, r in results.items() if db != "budget"}
    ok = all(r["within_budget"] for r in measured.values())
    verdict = "within budget" if ok else "OVER BUDGET"
    parts = "; ".join(_line(db, r) for db, r in measured.items())
    print(f"incoming list ({records:,} records): {parts} — {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
