"""A resident LibreOffice per process, reused for every DOCX → PDF conversion.

A cold ``soffice --convert-to`` spends 3–5 s starting LibreOffice; a resident one converts a typical
document in ~0.15 s. ``ResidentConverter`` starts ``uno_service.py`` lazily on the first conversion
of the process (web worker, task worker or pytest-xdist worker), in its own process group, with its
own profile folder under ``DATA_DIR/soffice`` (a slot held under ``flock`` while the process lives,
so no two LibreOffice instances ever share one) and free local ports. A lock serialises conversions;
a timeout or a crash kills the group and the next call starts a new one; a start that fails puts the
converter aside for a while (``ConverterUnavailableError``: the caller falls back to the cold path).
The group is stopped at exit, and a forked child never uses its parent's converter.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import http.client
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from pathlib import Path
from typing import IO, Any

from django.conf import settings

from vanthu.drafting.pdf_errors import PdfConversionError, PdfConversionTimeoutError

SERVICE_SCRIPT = Path(__file__).with_name("uno_service.py")
START_TIMEOUT_S = 60.0
RETRY_AFTER_FAILED_START_S = 120.0
PROFILE_SLOTS = 8
STOP_GRACE_S = 3.0
LOCK_WAIT_S = 10.0
"""Longer in the queue behind other conversions than this, a call converts the cold way."""
RECYCLE_AFTER = 500
"""Conversions before LibreOffice is restarted (it grows over a long life)."""


class ConverterUnavailableError(Exception):
    """The resident converter cannot be used now; convert the cold way instead."""


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


class ResidentConverter:
    """One resident LibreOffice for this process; thread-safe; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._slot: IO[str] | None = None
        self._profile: Path | None = None
        self._unavailable_until = 0.0
        self._owner = os.getpid()
        self._conversions = 0

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def convert(self, docx: bytes, *, pdfa: bool, timeout: float, soffice: str) -> bytes:
        """Return the PDF; raise ``ConverterUnavailableError`` when the cold path should be used."""
        started = time.monotonic()
        if not self._lock.acquire(timeout=min(timeout, LOCK_WAIT_S)):
            raise ConverterUnavailableError
        try:
            self._ensure_started(soffice)
            remaining = max(0.01, timeout - (time.monotonic() - started))
            pdf = self._call(docx, pdfa=pdfa, timeout=remaining)
            self._conversions += 1
            if self._conversions >= RECYCLE_AFTER:
                self.stop()
            return pdf
        finally:
            self._lock.release()

    def healthy(self, timeout: float = 5.0) -> bool:
        """Whether the resident converter answers (``False`` when none is running)."""
        if not self.running:
            return False
        try:
            proxy = xmlrpc.client.ServerProxy(
                f"http://127.0.0.1:{self._port}", transport=_TimeoutTransport(timeout)
            )
            return bool(proxy.ping())
        except (OSError, xmlrpc.client.Error, http.client.HTTPException):
            return False

    def stop(self) -> None:
        """Stop the resident LibreOffice group of this process, if any."""
        process, self._process = self._process, None
        if process is None or os.getpid() != self._owner:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_GRACE_S)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # LibreOffice itself may outlive its launcher
        process.wait()
        if process.stdout is not None:
            process.stdout.close()
        if self._slot is None and self._profile is not None:  # a throw-away profile
            shutil.rmtree(self._profile, ignore_errors=True)

    def forget_after_fork(self) -> None:
        """In a forked child: the parent's LibreOffice, profile slot and lock are not ours."""
        self._lock = threading.Lock()
        self._owner = os.getpid()
        self._process = None
        self._slot = None
        self._profile = None
        self._conversions = 0

    def _ensure_started(self, soffice: str) -> None:
        if self.running:
            return
        if self._process is not None:
            self.stop()  # it died or was recycled: clear the remains, start afresh
        if time.monotonic() < self._unavailable_until:
            raise ConverterUnavailableError
        try:
            self._start(soffice)
        except ConverterUnavailableError:
            self.stop()
            self._unavailable_until = time.monotonic() + RETRY_AFTER_FAILED_START_S
            raise

    def _start(self, soffice: str) -> None:
        profile = self._profile_folder()
        log = (profile.parent / f"{profile.name}.log").open("ab")
        command = [
            sys.executable,
            "-I",
            str(SERVICE_SCRIPT),
            f"--soffice={soffice}",
            f"--profile={profile}",
            f"--start-timeout={START_TIMEOUT_S}",
            f"--parent={os.getpid()}",
        ]
        with log:
            self._process = subprocess.Popen(  # noqa: S603 — our own script and arguments
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
            )
        self._port = _read_port(self._process, START_TIMEOUT_S)
        self._conversions = 0

    def _profile_folder(self) -> Path:
        """A profile slot this process keeps for its life (warm across restarts, never shared)."""
        if self._profile is not None:
            return self._profile
        pool = Path(settings.DATA_DIR) / "soffice"
        pool.mkdir(parents=True, exist_ok=True)
        for slot in range(PROFILE_SLOTS):
            lock = (pool / f"resident-{slot}.lock").open("a")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.close()
                continue
            self._slot, self._profile = lock, pool / f"resident-{slot}"
            return self._profile
        self._profile = Path(tempfile.mkdtemp(prefix="resident-", dir=pool))
        return self._profile

    def _call(self, docx: bytes, *, pdfa: bool, timeout: float) -> bytes:
        proxy = xmlrpc.client.ServerProxy(
            f"http://127.0.0.1:{self._port}", transport=_TimeoutTransport(timeout)
        )
        try:
            result = proxy.convert(xmlrpc.client.Binary(docx), pdfa)
        except TimeoutError:
            self.stop()  # LibreOffice may be stuck on this document: never reuse it
            raise PdfConversionTimeoutError from None
        except xmlrpc.client.Fault:
            if not self.healthy():
                self.stop()
            raise PdfConversionError from None
        except (OSError, xmlrpc.client.ProtocolError, http.client.HTTPException):
            self.stop()  # crashed mid-conversion: the caller converts the cold way
            raise ConverterUnavailableError from None
        if not isinstance(result, xmlrpc.client.Binary) or not result.data:
            raise PdfConversionError
        return result.data


def _read_port(process: subprocess.Popen[bytes], timeout: float) -> int:
    """Wait for ``READY <port>`` from the service, or raise ``ConverterUnavailableError``."""
    assert process.stdout is not None  # noqa: S101 — we asked for a pipe
    ready, _unused, _unused2 = select.select([process.stdout], [], [], timeout)
    if not ready:
        raise ConverterUnavailableError
    line = process.stdout.readline().decode("ascii", "replace").split()
    if len(line) != 2 or line[0] != "READY" or not line[1].isdigit():
        raise ConverterUnavailableError
    return int(line[1])


_resident = ResidentConverter()
atexit.register(_resident.stop)
os.register_at_fork(after_in_child=_resident.forget_after_fork)


def resident_converter() -> ResidentConverter:
    """The converter of this process."""
    return _resident


def resident_enabled() -> bool:
    """Whether conversions try the resident LibreOffice (``VANTHU_PDF_RESIDENT=0`` turns it off)."""
    flag = os.environ.get("VANTHU_PDF_RESIDENT", str(getattr(settings, "VANTHU_PDF_RESIDENT", "1")))
    return flag.strip().lower() not in {"0", "false", "no", "off"}
