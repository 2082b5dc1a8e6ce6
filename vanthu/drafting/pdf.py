"""DOCX → PDF (or PDF/A-2b) through LibreOffice headless (design.md §1, stack-notes "Documents").

A conversion goes to this process's resident LibreOffice (``converter.ResidentConverter``, ~0.15 s)
and falls back to a cold ``soffice --convert-to`` (3–5 s) when the resident one cannot start or
crashes. On the cold path every call gets a fresh temporary folder for the input and the output, and
a LibreOffice profile (``-env:UserInstallation``) that no other conversion uses at the same time —
sharing one is what makes LibreOffice hang or fail. Profiles come from a small pool of slots, each
held under an exclusive ``flock`` while in use (a warm profile starts faster); when every slot is
busy the call makes a throw-away profile. A timeout kills the whole process group and discards the
profile.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from vanthu.drafting.converter import (
    ConverterUnavailableError,
    resident_converter,
    resident_enabled,
)
from vanthu.drafting.pdf_errors import (
    PdfConversionError,
    PdfConversionTimeoutError,
    PdfConverterMissingError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "PdfConversionError",
    "PdfConversionTimeoutError",
    "PdfConverterMissingError",
    "cold_docx_to_pdf",
    "docx_to_pdf",
    "soffice_path",
]

SOFFICE_CANDIDATES = ("soffice", "libreoffice")
DEFAULT_TIMEOUT_S = 60.0
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_DOCX_MAGIC = b"PK\x03\x04"
PROFILE_SLOTS = 4


def soffice_path() -> str:
    """Return the LibreOffice executable, or raise ``PdfConverterMissingError``."""
    for name in SOFFICE_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfConverterMissingError


def docx_to_pdf(docx: bytes, *, pdfa: bool = False, timeout: float = DEFAULT_TIMEOUT_S) -> bytes:
    """Return ``docx`` converted to PDF (PDF/A-2b when ``pdfa``) by LibreOffice headless."""
    if not docx.startswith(_DOCX_MAGIC):
        raise PdfConversionError(
            _("Tệp không phải là văn bản DOCX nên không chuyển sang PDF được.")
        )
    program = soffice_path()
    if resident_enabled():
        with contextlib.suppress(ConverterUnavailableError):
            return resident_converter().convert(docx, pdfa=pdfa, timeout=timeout, soffice=program)
    return cold_docx_to_pdf(docx, pdfa=pdfa, timeout=timeout, program=program)


def cold_docx_to_pdf(
    docx: bytes, *, pdfa: bool = False, timeout: float = DEFAULT_TIMEOUT_S, program: str = ""
) -> bytes:
    """Convert with a LibreOffice started for this call only (the fall-back path)."""
    program = program or soffice_path()
    with tempfile.TemporaryDirectory(prefix="vanthu-pdf-") as folder, _profile() as profile:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            PDFA_FILTER if pdfa else "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            _run(command, cwd=work, timeout=timeout)
        except PdfConversionTimeoutError:
            shutil.rmtree(profile, ignore_errors=True)  # possibly half-written: start afresh
            raise
        result = work / "out" / "document.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            raise PdfConversionError
        return result.read_bytes()


def _pool_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / f"vanthu-soffice-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@contextlib.contextmanager
def _profile() -> Iterator[Path]:
    """Yield a profile folder used by no other conversion while the context lasts."""
    pool = _pool_folder()
    for slot in range(PROFILE_SLOTS):
        with (pool / f"slot-{slot}.lock").open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            try:
                yield pool / f"slot-{slot}"
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
            return
    with tempfile.TemporaryDirectory(prefix="vanthu-soffice-profile-") as spare:
        yield Path(spare)


def _run(command: list[str], *, cwd: Path, timeout: float) -> None:
    environment = {**os.environ, "HOME": str(cwd), "SAL_USE_VCLPLUGIN": "svp"}
    with subprocess.Popen(  # noqa: S603 — fixed program, arguments are ours
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfConversionTimeoutError from None
    if process.returncode != 0:
        raise PdfConversionError
