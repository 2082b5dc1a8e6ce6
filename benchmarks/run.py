"""Run every ``benchmarks/bench_*.py`` (or those named on the command line) in turn.

Each benchmark is a script that writes ``benchmarks/results/<name>.json`` and prints a one-line
summary; it exits non-zero when its budget (design.md §9) is missed. This harness exits
non-zero when any benchmark did.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(path for path in HERE.glob("bench_*.py") if not wanted or path.stem in wanted)
    if not scripts:
        print(f"no benchmark matches {sorted(wanted)}")
        return 2
    failures = []
    for script in scripts:
        started = time.monotonic()
        completed = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        elapsed = time.monotonic() - started
        status = "ok" if completed.returncode == 0 else f"FAILED (exit {completed.returncode})"
        print(f"[{script.stem}] {status} in {elapsed:.1f} s")
        if completed.returncode != 0:
            failures.append(script.stem)
    if failures:
        print("over budget or broken: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
