"""Fail when a Python module is over its line limit (400; test modules 800; migrations exempt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LIMIT = 400
TEST_LIMIT = 800


def limit_for(path: Path) -> int | None:
    """Return the line limit of ``path``, or None when it is exempt."""
    if "migrations" in path.parts:
        return None
    if "tests" in path.parts or path.name.startswith("test_"):
        return TEST_LIMIT
    return LIMIT


def main() -> int:
    """Print every module over its limit; return 1 when there is one."""
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    over = []
    for name in files:
        path = Path(name)
        limit = limit_for(path)
        if limit is None or not path.exists():
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            over.append(f"  {name}: {lines} dòng (giới hạn {limit})")
    if over:
        sys.stderr.write("Mô-đun vượt giới hạn số dòng:\n" + "\n".join(over) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
