"""Fixity: recompute every blob's SHA-256 from storage and report missing or damaged ones."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from vanthu.documents.blobs import key_digest
from vanthu.documents.models import Blob


class FixityStatus(enum.StrEnum):
    OK = "ok"
    MISSING = "missing"
    CORRUPTED = "corrupted"


@dataclass(frozen=True, slots=True)
class FixityResult:
    """The outcome for one blob (``actual_sha256`` is empty when the object is missing)."""

    blob_id: int
    sha256: str
    storage_key: str
    status: FixityStatus
    actual_sha256: str = ""
    actual_size: int | None = None


def blob_verify(blob: Blob) -> FixityResult:
    """Stream the stored object of ``blob`` and compare its digest and size with the row."""
    found = key_digest(blob.storage_key)
    if found is None:
        return FixityResult(blob.pk, blob.sha256, blob.storage_key, FixityStatus.MISSING)
    actual_sha256, actual_size = found
    status = (
        FixityStatus.OK
        if actual_sha256 == blob.sha256 and actual_size == blob.size
        else FixityStatus.CORRUPTED
    )
    return FixityResult(blob.pk, blob.sha256, blob.storage_key, status, actual_sha256, actual_size)


def blobs_verify(*, batch_size: int = 500) -> Iterator[FixityResult]:
    """Verify every blob, reading rows in keyset batches (bounded memory, any table size)."""
    last_id = 0
    while True:
        batch = list(
            Blob.objects.filter(pk__gt=last_id)
            .order_by("pk")
            .only("pk", "sha256", "size", "storage_key")[:batch_size]
        )
        if not batch:
            return
        for blob in batch:
            yield blob_verify(blob)
        last_id = batch[-1].pk
