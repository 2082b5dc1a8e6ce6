"""Fixtures of the documents tests: an isolated blob store (file system or a real S3 server)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.files.storage import Storage

from config.settings.env import storages
from tests.storage import blob_store
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.documents.blobs import blob_storage
from vanthu.documents.tests.factories import user_make

__all__ = ["blob_store"]

MOTO_SERVER = Path(sys.executable).parent / "moto_server"
S3_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("moto_server exited early")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("moto_server did not start")


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """Run a real S3 API (moto_server) on loopback for the whole session."""
    port = _free_port()
    process = subprocess.Popen(
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_listening(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _isolated_blob_store(blob_store: Path) -> None:
    """Blobs go to this test's own folder."""


@pytest.fixture(params=["file", "s3"])
def blob_backend(
    request: pytest.FixtureRequest, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Run the test against the local folder and against S3 (moto_server), configured from
    VANTHU_STORAGE / VANTHU_S3_ENDPOINT exactly as a deployment would be."""
    if request.param == "s3":
        endpoint: str = request.getfixturevalue("moto_endpoint")
        for name, value in S3_CREDENTIALS.items():
            monkeypatch.setenv(name, value)
        bucket = f"vanthu-{uuid.uuid4().hex[:12]}"
        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=bucket)
        monkeypatch.setenv("VANTHU_STORAGE", f"s3://{bucket}/blobs")
        monkeypatch.setenv("VANTHU_S3_ENDPOINT", endpoint)
        settings.STORAGES = storages(tmp_path)
        assert type(blob_storage()).__name__ == "S3Storage"
    return str(request.param)


def stored_keys(storage: Storage | None = None, folder: str = "") -> set[str]:
    """Return every object key under ``folder`` of the blob storage (staging area excluded)."""
    storage = storage or blob_storage()
    directories, files = storage.listdir(folder)
    keys = {f"{folder}{name}" for name in files}
    for directory in directories:
        if directory != ".incoming":
            keys |= stored_keys(storage, f"{folder}{directory}/")
    return keys


@pytest.fixture
def clerk() -> User:
    return user_make(roles=[Role.CLERK])
