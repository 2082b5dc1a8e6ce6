"""Outgoing records in the search index, with the visibility rules of ``selectors.py``.

``records_visible_to``: the actor's agency only, up to their clearance; clerks and leaders
(also by delegation) see every record of the agency, unit heads their unit's, authors their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models.signals import post_delete, post_save

from vanthu.accounts.models import User
from vanthu.documents.models import Attachment, Document
from vanthu.outgoing.models import OutgoingDraft, OutgoingRecord
from vanthu.outgoing.permissions import is_unit_head, sees_whole_agency
from vanthu.search.documents import files_text, metadata_text
from vanthu.search.indexing import enqueue
from vanthu.search.register_keys import RecordIds, RegisterKeys
from vanthu.search.sources import IndexEntry, documents_in_dossier, entry_id, register_source

KIND = "outgoing"
KEYS = RegisterKeys("out")


class OutgoingSource(RecordIds[OutgoingRecord]):
    """The outgoing register of every agency."""

    kind = KIND
    model = OutgoingRecord

    def keys_for(self, actor: User) -> list[str]:
        return KEYS.held_by(
            actor, sees_whole=sees_whole_agency(actor), heads_unit=is_unit_head(actor)
        )

    def entries(self, ids: Sequence[int]) -> list[IndexEntry]:
        records = list(
            OutgoingRecord.objects.filter(pk__in=list(ids)).select_related(
                "draft", "document", "document__document_type"
            )
        )
        texts = files_text({record.document_id for record in records})
        filed: dict[int, set[int]] = {}
        for record in records:
            if record.agency_id not in filed:
                same = [r.document_id for r in records if r.agency_id == record.agency_id]
                filed[record.agency_id] = documents_in_dossier(record.agency_id, same)
        return [_entry(record, texts, filed[record.agency_id]) for record in records]


def _entry(record: OutgoingRecord, texts: dict[int, str], filed: set[int]) -> IndexEntry:
    document = record.document
    draft = record.draft
    return IndexEntry(
        id=entry_id(KIND, record.pk),
        kind=KIND,
        code_number=document.code_number,
        code_notation=document.code_notation,
        subject=document.subject,
        issued_date=document.issued_date,
        organ_name=document.organ_name,
        type_code=document.document_type.code,
        status=record.status,
        units=(draft.unit_id,),
        year=record.year,
        confidentiality=draft.confidentiality,
        in_dossier=document.pk in filed,
        metadata_text=metadata_text(document, record.recall_reason),
        full_text=texts.get(document.pk, ""),
        permission_keys=(
            KEYS.whole(record.agency_id),
            KEYS.user(record.agency_id, draft.author_id),
            KEYS.unit(record.agency_id, draft.unit_id),
        ),
    )


# --- keeping the index in step (infrastructure signals; the rules stay in the services) -------


def _ids(records: Any) -> list[str]:
    return [entry_id(KIND, pk) for pk in records.values_list("pk", flat=True)]


def _on_record(sender: Any, instance: OutgoingRecord, **kwargs: Any) -> None:
    enqueue([entry_id(KIND, instance.pk)])


def _on_draft(sender: Any, instance: OutgoingDraft, **kwargs: Any) -> None:
    enqueue(_ids(OutgoingRecord.objects.filter(draft_id=instance.pk)))


def _on_document(sender: Any, instance: Document, **kwargs: Any) -> None:
    if kwargs.get("created"):  # a new document has no record yet: the record's save queues it
        return
    enqueue(_ids(OutgoingRecord.objects.filter(document_id=instance.pk)))


def _on_attachment(sender: Any, instance: Attachment, **kwargs: Any) -> None:
    enqueue(_ids(OutgoingRecord.objects.filter(document_id=instance.document_id)))


SOURCE = OutgoingSource()


def register_search_source() -> None:
    """Install the outgoing source and the signals that keep its entries up to date."""
    register_source(SOURCE)
    uid = "vanthu.outgoing.search_source"
    post_save.connect(_on_record, sender=OutgoingRecord, dispatch_uid=f"{uid}.record")
    post_delete.connect(_on_record, sender=OutgoingRecord, dispatch_uid=f"{uid}.record_del")
    post_save.connect(_on_draft, sender=OutgoingDraft, dispatch_uid=f"{uid}.draft")
    post_save.connect(_on_document, sender=Document, dispatch_uid=f"{uid}.document")
    post_save.connect(_on_attachment, sender=Attachment, dispatch_uid=f"{uid}.attachment")
