"""Helpers for sources: the searchable text of Documents (metadata and files)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from vanthu.documents.models import Attachment, Document
from vanthu.search.fulltext import attachments_text


def metadata_text(document: Document, *extra: str) -> str:
    """Return the metadata words of ``document``: type, code, organ, subject, signer, …"""
    parts = [
        document.document_type.name,
        f"{document.code_number}/{document.code_notation}",
        document.organ_name,
        document.subject,
        document.signer_position,
        document.signer_name,
        document.to_places,
        document.description,
        *extra,
    ]
    return "\n".join(part for part in parts if part and part != "/")


def files_text(document_ids: Iterable[int]) -> dict[int, str]:
    """Return the text of the files of each document (documents without files are absent)."""
    grouped: dict[int, list[Attachment]] = defaultdict(list)
    attachments = (
        Attachment.objects.filter(document_id__in=list(document_ids))
        .select_related("blob")
        .order_by("document_id", "created_at", "pk")
    )
    for attachment in attachments:
        grouped[attachment.document_id].append(attachment)
    return {pk: attachments_text(files) for pk, files in grouped.items()}


def keyset_ids(queryset: QuerySet[Any], *, batch: int) -> Iterator[list[int]]:
    """Yield the primary keys of ``queryset`` ascending, ``batch`` at a time (bounded memory)."""
    last = 0
    while True:
        ids = list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            return
        yield ids
        last = ids[-1]
