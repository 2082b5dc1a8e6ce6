"""Child process of the concurrency test: allocate numbers from one book, print them as JSON.

Run as ``python -m vanthu.documents.tests.allocation_worker --book B --actor A --count N
--on YYYY-MM-DD`` with ``DATABASE_URL`` pointing at the test database. It prints ``ready`` once
Django is set up, waits for one line on stdin (so that all children start together), then
allocates and prints the numbers it got.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--book", type=int, required=True)
    parser.add_argument("--actor", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--on", type=dt.date.fromisoformat, required=True)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from vanthu.accounts.models import User
    from vanthu.documents.models import RegisterBook
    from vanthu.documents.numbering import number_allocate

    book = RegisterBook.objects.get(pk=args.book)
    actor = User.objects.get(pk=args.actor)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    numbers = [
        number_allocate(book=book, actor=actor, on=args.on).number for _ in range(args.count)
    ]
    sys.stdout.write(json.dumps(numbers) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
