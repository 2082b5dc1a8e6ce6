"""Child process of the issuing concurrency test: issue the given drafts, print their numbers.

Run as ``python -m vanthu.outgoing.tests.issue_worker --actor A --drafts 1,2`` with
``DATABASE_URL`` pointing at the test database. Prints ``ready``, waits for a line on stdin
(so that all children start together), issues, then prints the numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actor", type=int, required=True)
    parser.add_argument("--drafts", required=True)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from vanthu.accounts.models import User
    from vanthu.outgoing.services import draft_issue

    actor = User.objects.get(pk=args.actor)
    drafts = [int(pk) for pk in args.drafts.split(",")]
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()
    numbers = [draft_issue(actor=actor, draft_id=pk).number for pk in drafts]
    sys.stdout.write(json.dumps(numbers) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
