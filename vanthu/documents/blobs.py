"""The content-addressed blob store behind the ``"blobs"`` storage alias (file system or S3).

A blob's key is ``sha256[:2]/sha256[2:4]/sha256``. Content under a key never changes: writing
the same content twice is a no-op, and a stored object whose digest no longer matches its key
is damaged (``fixity_check`` reports it; the next upload of the same content repairs it).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from storages.utils import clean_name

from vanthu.documents.models import Blob

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

BLOBS_STORAGE_ALIAS = "blobs"
CHUNK_SIZE = 1024 * 1024
_INCOMING_DIR = ".incoming"


class Readable(Protocol):
    """Anything with ``read(size)`` returning bytes (an uploaded file, a socket stream…)."""

    def read(self, size: int, /) -> bytes: ...


def blob_storage() -> Storage:
    """Return the storage configured under the ``"blobs"`` alias."""
    return storages[BLOBS_STORAGE_ALIAS]


def blob_key(sha256: str) -> str:
    """Return the storage key of the content with this SHA-256 (hex)."""
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def staging_dir() -> Path | None:
    """Return where uploads are staged: beside the blobs on disk (so moving is a rename)."""
    storage = blob_storage()
    if isinstance(storage, FileSystemStorage):
        path = Path(storage.location) / _INCOMING_DIR
        path.mkdir(parents=True, exist_ok=True)
        return path
    configured = settings.FILE_UPLOAD_TEMP_DIR
    return Path(configured) if configured else None


def blob_open(blob: Blob) -> io.BufferedReader:
    """Return a readable binary stream of the blob's content; FileNotFoundError when lost."""
    return key_open(blob.storage_key)


def key_open(key: str) -> io.BufferedReader:
    """Open the stored object under ``key`` for streaming reads."""
    storage = blob_storage()
    source: Any = _s3_body(storage, key) if _is_s3(storage) else storage.open(key, "rb")
    return io.BufferedReader(_RawAdapter(source), buffer_size=CHUNK_SIZE)


def key_digest(key: str) -> tuple[str, int] | None:
    """Return the SHA-256 and size of the stored object, or None when it is missing."""
    digest = hashlib.sha256()
    size = 0
    try:
        with key_open(key) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    return digest.hexdigest(), size


def key_put(*, key: str, path: Path, sha256: str, trust_existing: bool) -> bool:
    """Put the staged file at ``path`` under ``key``; return True if this call wrote it.

    An object already under the key is kept when ``trust_existing`` (a row references it) or
    when its digest matches; a damaged or partial object is replaced. If a concurrent writer
    stores the same content first, the copy written here is removed again.
    """
    storage = blob_storage()
    if storage.exists(key):
        if trust_existing:
            return False
        stored = key_digest(key)
        if stored is not None and stored[0] == sha256:
            return False
        storage.delete(key)
    with path.open("rb") as handle:
        content: File[bytes] = (
            _StagedFile(handle, path) if isinstance(storage, FileSystemStorage) else File(handle)
        )
        saved = storage.save(key, content)
    if saved != key:
        storage.delete(saved)
        return False
    return True


def key_delete(key: str) -> None:
    """Remove the object under ``key`` (no error when already gone)."""
    blob_storage().delete(key)


class _StagedFile(File[bytes]):
    """A staged file that FileSystemStorage moves into place (a rename) instead of copying."""

    def __init__(self, handle: Any, path: Path) -> None:
        super().__init__(handle, name=path.name)
        self._path = path

    def temporary_file_path(self) -> str:
        return str(self._path)


class _RawAdapter(io.RawIOBase):
    """Adapt any object with ``read(n)``/``close()`` to a raw stream for BufferedReader."""

    def __init__(self, source: Any) -> None:
        super().__init__()
        self._source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        view = memoryview(buffer).cast("B")
        data: bytes = self._source.read(len(view))
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._source.close()
        super().close()


def _is_s3(storage: Storage) -> bool:
    return hasattr(storage, "bucket") and hasattr(storage, "connection")


def _s3_body(storage: Any, key: str) -> Any:
    """Return the streaming body of an S3 object (never buffered whole in memory)."""
    name = storage._normalize_name(clean_name(key))
    try:
        return storage.bucket.Object(name).get()["Body"]
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
            raise FileNotFoundError(key) from exc
        raise
