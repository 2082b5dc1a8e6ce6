"""External tools of capture (poppler, Tesseract) run with a timeout and one OCR thread each."""

from __future__ import annotations

import os
import subprocess

from vanthu.capture.errors import CorruptFileError, OcrFailedError

TIMEOUT_S = 180.0


def ocr_environment() -> dict[str, str]:
    """Return the environment for Tesseract: one thread each, pages run in parallel instead."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def run_tool(command: list[str], *, timeout: float = TIMEOUT_S) -> str:
    """Run a fixed external tool and return its standard output (UTF-8)."""
    try:
        done = subprocess.run(  # noqa: S603 — fixed programs, our own arguments
            command,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=ocr_environment(),
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailedError from exc
    if done.returncode != 0:
        raise CorruptFileError
    return done.stdout.decode("utf-8", errors="replace")
