"""Run ``benchmarks/<module>.main(argv)`` in a child process with Django set up.

Usage: ``python benchmarks/child.py <module> [args…]``; the database comes from DATABASE_URL.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import django

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    module = importlib.import_module(f"benchmarks.{sys.argv[1]}")
    status: int = module.main(sys.argv[2:])
    return status


if __name__ == "__main__":
    sys.exit(main())
