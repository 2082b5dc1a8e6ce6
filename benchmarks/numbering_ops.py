"""Child side of ``bench_numbering``: set up a book, allocate from it, read it back.

Run through ``benchmarks/child.py numbering_ops <setup|worker|verify> …`` (Django set up).
Each mode prints one JSON line on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import uuid
from typing import Any

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User, UserRole
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import NumberAllocation, RegisterBook, Sequence
from vanthu.documents.numbering import number_allocate
from vanthu.documents.services import register_book_create

DAY = dt.date(2026, 6, 15)


def setup() -> dict[str, int]:
    """Create an agency, a clerk and an outgoing register book; return their ids."""
    agency = Agency.objects.create(
        name="Sở Nội vụ (đo hiệu năng)",
        abbreviation="SNV",
        organ_id=f"B{uuid.uuid4().hex[:12]}",
        place_name="Kiên Giang",
    )
    clerk = User.objects.create_user(username=f"bench-{uuid.uuid4().hex[:8]}", agency=agency)
    UserRole.objects.create(user=clerk, role=Role.CLERK)
    book = register_book_create(
        actor=clerk, agency=agency, kind=RegisterKind.OUTGOING, name="Sổ văn bản đi"
    )
    return {"book": book.pk, "actor": clerk.pk}


def worker(*, book_id: int, actor_id: int, count: int) -> dict[str, Any]:
    """Say ``ready``, wait for the parent's line on stdin, then allocate ``count`` numbers."""
    book = RegisterBook.objects.get(pk=book_id)
    actor = User.objects.get(pk=actor_id)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    started = time.perf_counter()
    numbers = [number_allocate(book=book, actor=actor, on=DAY).number for _ in range(count)]
    return {"numbers": numbers, "seconds": time.perf_counter() - started}


def verify(*, book_id: int) -> dict[str, Any]:
    """Return every number stored for the book and the sequence's last number."""
    numbers = list(
        NumberAllocation.objects.filter(book_id=book_id, year=DAY.year).values_list(
            "number", flat=True
        )
    )
    last = Sequence.objects.get(book_id=book_id, year=DAY.year).last_number
    return {"numbers": numbers, "last_number": last}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="numbering_ops")
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("setup")
    work = sub.add_parser("worker")
    work.add_argument("--book", type=int, required=True)
    work.add_argument("--actor", type=int, required=True)
    work.add_argument("--count", type=int, required=True)
    check = sub.add_parser("verify")
    check.add_argument("--book", type=int, required=True)
    args = parser.parse_args(argv)
    if args.mode == "setup":
        result: dict[str, Any] = setup()
    elif args.mode == "worker":
        result = worker(book_id=args.book, actor_id=args.actor, count=args.count)
    else:
        result = verify(book_id=args.book)
    print(json.dumps(result))
    return 0
