"""The resident LibreOffice converter: a child process, run as a script (never imported by Django).

``python -I uno_service.py --soffice PATH --profile DIR`` starts LibreOffice headless listening on a
local UNO socket, connects to it through ``unoserver``'s converter (Debian's ``python3-uno``
supplies ``uno``), then answers XML-RPC on a free local port: ``ping()`` and ``convert(docx,
pdfa)``. The XML-RPC server handles one request at a time, so conversions are serialised. It prints
``READY <port>`` on stdout once conversions work, and stops (taking LibreOffice with it: both share
one process group) when LibreOffice dies or when the parent process goes away.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from xmlrpc.client import Binary
from xmlrpc.server import SimpleXMLRPCServer

UNO_PATHS = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")
DOCX_IMPORT_FILTER = "MS Word 2007 XML"
PDFA_OPTIONS = ["SelectPdfVersion=2"]
EXIT_SOFFICE_DIED = 3
EXIT_START_TIMEOUT = 4


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start_soffice(executable: str, profile: Path, uno_port: int) -> subprocess.Popen[bytes]:
    accept = f"socket,host=127.0.0.1,port={uno_port},tcpNoDelay=1;urp;StarOffice.ComponentContext"
    command = [
        executable,
        "--headless",
        "--invisible",
        "--nocrashreport",
        "--nodefault",
        "--nologo",
        "--nofirststartwizard",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={profile.as_uri()}",
        f"--accept={accept}",
    ]
    environment = {**os.environ, "HOME": str(profile), "SAL_USE_VCLPLUGIN": "svp"}
    return subprocess.Popen(  # noqa: S603 — fixed program, arguments are ours
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _connect(soffice: subprocess.Popen[bytes], uno_port: int, deadline: float) -> Any:
    module = importlib.import_module("unoserver.converter")
    while True:
        if soffice.poll() is not None:
            sys.exit(EXIT_SOFFICE_DIED)
        try:
            return module.UnoConverter(interface="127.0.0.1", port=str(uno_port))
        except Exception:  # noqa: BLE001 — UNO raises its own NoConnectException until ready
            if time.monotonic() > deadline:
                sys.exit(EXIT_START_TIMEOUT)
            time.sleep(0.1)


def _stop_group() -> None:
    os.killpg(os.getpgid(0), signal.SIGKILL)


def _watch(soffice: subprocess.Popen[bytes], parent: int) -> None:
    """End the whole group when LibreOffice dies or the parent that started us is gone."""
    while soffice.poll() is None and os.getppid() == parent:
        time.sleep(0.5)
    _stop_group()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="uno_service")
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True, type=Path)
    parser.add_argument("--start-timeout", type=float, default=60.0)
    parser.add_argument("--parent", type=int, default=os.getppid())
    arguments = parser.parse_args(argv)
    for folder in UNO_PATHS:
        if folder not in sys.path:
            sys.path.append(folder)
    arguments.profile.mkdir(parents=True, exist_ok=True)
    uno_port = _free_port()
    soffice = _start_soffice(arguments.soffice, arguments.profile, uno_port)
    converter = _connect(soffice, uno_port, time.monotonic() + arguments.start_timeout)

    def ping() -> bool:
        return soffice.poll() is None

    def convert(*arguments: Any) -> Binary:
        docx, pdfa = arguments  # XML-RPC passes (Binary, bool) positionally
        data = converter.convert(
            indata=docx.data,
            convert_to="pdf",
            infiltername=DOCX_IMPORT_FILTER,
            filter_options=PDFA_OPTIONS if pdfa else [],
        )
        return Binary(data)

    server = SimpleXMLRPCServer(("127.0.0.1", 0), logRequests=False, allow_none=True)
    server.register_function(ping)
    server.register_function(convert)
    threading.Thread(target=_watch, args=(soffice, arguments.parent), daemon=True).start()
    sys.stdout.write(f"READY {server.server_address[1]}\n")
    sys.stdout.flush()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
