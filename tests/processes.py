"""Several OS processes running Django against the test database at once, released together.

The concurrency tests share this harness. The test (parent) calls ``run_together(worker, calls)``:
one child process per entry of ``calls`` runs ``python -m tests.processes <worker> <kwargs>``. Each
child sets Django up, calls ``worker(**kwargs)`` (its set-up: load the actor and the like, which
returns the work to time), prints ``ready`` and waits for one line on stdin. Once every child is
ready the parent releases them all at once; each child then does its work and prints the result as
JSON, which ``run_together`` returns in the order of ``calls``.

A worker is a module-level function of an importable module (usually the test module itself); the
child imports that module after ``django.setup()``, so it may import models at module level.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

# Only the standard library at module level: the child imports this module before Django is set
# up; Django is imported inside the functions.

READY = "ready"
ROOT = Path(__file__).resolve().parent.parent

Worker = Callable[..., Callable[[], object]]


def database_url() -> str:
    """Return a URL for the database the running test uses (the test copy, not the real one)."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(str(db["USER"]))
    if db["PASSWORD"]:
        credentials += ":" + quote(str(db["PASSWORD"]))
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{quote(str(db['NAME']))}"


def run_together(
    worker: Worker,
    calls: Sequence[Mapping[str, object]],
    *,
    envs: Sequence[Mapping[str, str]] | None = None,
    timeout: float = 300,
) -> list[Any]:
    """Run ``worker(**call)()`` in one child process per call, all released at the same moment.

    ``envs`` (one per call) adds to a child's environment, e.g. its own ``VANTHU_DATA_DIR``.
    Returns what each child's work returned (through JSON), in the order of ``calls``. A child that
    fails before it is ready or exits non-zero fails the test with its standard error.
    """
    target = f"{worker.__module__}:{worker.__qualname__}"
    base_env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test"),
    }
    extra_envs = envs if envs is not None else [{}] * len(calls)
    assert len(extra_envs) == len(calls), "one environment per call"
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.processes", target, json.dumps(dict(call))],
            cwd=ROOT,
            env={**base_env, **extra},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for call, extra in zip(calls, extra_envs, strict=True)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            ready = child.stdout.readline().strip()
            assert ready == READY, child.stderr.read() if child.stderr else ready
        for child in children:  # all set up: release them together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            out, err = child.communicate(timeout=timeout)
            assert child.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


def _serve(target: str, arguments: str) -> None:
    """The child's side: set up, say ready, wait for the release, work, print the result."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    module_name, _, name = target.partition(":")
    worker: Worker = getattr(importlib.import_module(module_name), name)
    work = worker(**json.loads(arguments))
    sys.stdout.write(READY + "\n")
    sys.stdout.flush()
    sys.stdin.readline()
    result = work()
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    _serve(*sys.argv[1:3])
