"""The document types, cached per process (reference data read by every registration).

The rows of Decree 30 change only through a migration, ``document_types_load`` or the admin.
This process drops its copy whenever a row is saved or deleted here (signals wired in
``apps.py``), after ``migrate`` or ``flush``, and at the latest ``TTL_SECONDS`` after loading it,
so that a change made by another process shows up within a minute. A code not in the copy is
looked up again once (a type added meanwhile is never refused).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from vanthu.documents.models import DocumentType

TTL_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class _Snapshot:
    by_code: dict[str, DocumentType]
    abbreviations: frozenset[str]
    loaded_at: float


_snapshot: _Snapshot | None = None


def _load() -> _Snapshot:
    global _snapshot  # noqa: PLW0603 - the one per-process copy, replaced whole
    rows = list(DocumentType.objects.all())
    snapshot = _Snapshot(
        by_code={row.code: row for row in rows},
        abbreviations=frozenset(row.abbreviation for row in rows if row.abbreviation),
        loaded_at=time.monotonic(),
    )
    _snapshot = snapshot
    return snapshot


def _current() -> _Snapshot:
    snapshot = _snapshot
    if snapshot is None or time.monotonic() - snapshot.loaded_at > TTL_SECONDS:
        return _load()
    return snapshot


def document_type_by_code(code: str) -> DocumentType | None:
    """Return the document type with this official code, or None (shared: do not modify)."""
    found = _current().by_code.get(code)
    if found is None:
        found = _load().by_code.get(code)
    return found


def type_abbreviations() -> frozenset[str]:
    """Return every document type abbreviation in use ("KH", "QĐ", …)."""
    return _current().abbreviations


def forget_document_types(**_kwargs: Any) -> None:
    """Drop this process's copy (a signal receiver: a type was saved or deleted, or migrate ran)."""
    global _snapshot  # noqa: PLW0603 - the one per-process copy, replaced whole
    _snapshot = None
