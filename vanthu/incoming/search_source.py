"""Incoming records in the search index, with the visibility rules of ``selectors.py``.

``incoming_visible_for``: the actor's agency only; clerks and leaders (and their delegates)
see the whole register; unit heads what is assigned to their unit or its members; everyone
else what is assigned to them; never above their clearance. Each record carries the keys of
who may see it; each user holds the keys of what they may see; the index matches the two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models.signals import post_delete, post_save

from vanthu.accounts.models import User
from vanthu.accounts.roles import is_unit_head
from vanthu.documents.models import Attachment, Document
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import sees_whole_register
from vanthu.search.documents import files_text, metadata_text
from vanthu.search.indexing import enqueue
from vanthu.search.register_keys import RecordIds, RegisterKeys
from vanthu.search.sources import IndexEntry, documents_in_dossier, entry_id, register_source
from vanthu.workflow.enums import AssignmentStatus
from vanthu.workflow.models import Assignment

KIND = "incoming"
KEYS = RegisterKeys("in")


class IncomingSource(RecordIds[IncomingRecord]):
    """The incoming register of every agency."""

    kind = KIND
    model = IncomingRecord

    def keys_for(self, actor: User) -> list[str]:
        return KEYS.held_by(
            actor, sees_whole=sees_whole_register(actor), heads_unit=is_unit_head(actor)
        )

    def entries(self, ids: Sequence[int]) -> list[IndexEntry]:
        records = list(
            IncomingRecord.objects.filter(pk__in=list(ids)).select_related(
                "document", "document__document_type"
            )
        )
        document_ids = {record.document_id for record in records}
        reach = _reach(document_ids)
        texts = files_text(document_ids)
        filed: dict[int, set[int]] = {}
        for record in records:
            if record.agency_id not in filed:
                agency_docs = [r.document_id for r in records if r.agency_id == record.agency_id]
                filed[record.agency_id] = documents_in_dossier(record.agency_id, agency_docs)
        return [
            _entry(record, reach.get((record.document_id, record.agency_id)), texts, filed)
            for record in records
        ]


class _Reach:
    """The keys, units and instructions of the assignments of one document in one agency."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.units: set[int] = set()
        self.instructions: list[str] = []


def _reach(document_ids: set[int]) -> dict[tuple[int, int], _Reach]:
    found: dict[tuple[int, int], _Reach] = defaultdict(_Reach)
    rows = (
        Assignment.objects.filter(document_id__in=document_ids)
        .exclude(status=AssignmentStatus.SUPERSEDED)
        .values_list(
            "document_id", "agency_id", "party_user_id", "party_user__unit_id", "party_unit_id"
        )
    )
    for document_id, agency_id, user_id, user_unit_id, unit_id in rows:
        reach = found[(document_id, agency_id)]
        if user_id is not None:
            reach.keys.add(KEYS.user(agency_id, user_id))
        for unit in (user_unit_id, unit_id):
            if unit is not None:
                reach.keys.add(KEYS.unit(agency_id, unit))
                reach.units.add(unit)
    instructions = Assignment.objects.filter(document_id__in=document_ids).exclude(instruction="")
    for document_id, agency_id, text in instructions.values_list(
        "document_id", "agency_id", "instruction"
    ):
        found[(document_id, agency_id)].instructions.append(text)
    return found


def _entry(
    record: IncomingRecord,
    reach: _Reach | None,
    texts: dict[int, str],
    filed: dict[int, set[int]],
) -> IndexEntry:
    document = record.document
    reach = reach or _Reach()
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
        units=tuple(sorted(reach.units)),
        year=record.arrival_year,
        confidentiality=document.confidentiality,
        in_dossier=document.pk in filed.get(record.agency_id, set()),
        metadata_text=metadata_text(document, record.proposal, *reach.instructions),
        full_text=texts.get(document.pk, ""),
        permission_keys=(KEYS.whole(record.agency_id), *sorted(reach.keys)),
    )


# --- keeping the index in step (infrastructure signals; the rules stay in the services) -------


def _records_of(document_id: int, agency_id: int | None = None) -> list[str]:
    records = IncomingRecord.objects.filter(document_id=document_id)
    if agency_id is not None:
        records = records.filter(agency_id=agency_id)
    return [entry_id(KIND, pk) for pk in records.values_list("pk", flat=True)]


def _on_record(sender: Any, instance: IncomingRecord, **kwargs: Any) -> None:
    enqueue([entry_id(KIND, instance.pk)])


def _on_assignment(sender: Any, instance: Assignment, **kwargs: Any) -> None:
    enqueue(_records_of(instance.document_id, instance.agency_id))


def _on_document(sender: Any, instance: Document, **kwargs: Any) -> None:
    if kwargs.get("created"):  # a new document has no record yet: the record's save queues it
        return
    enqueue(_records_of(instance.pk))


def _on_attachment(sender: Any, instance: Attachment, **kwargs: Any) -> None:
    enqueue(_records_of(instance.document_id))


SOURCE = IncomingSource()


def register_search_source() -> None:
    """Install the incoming source and the signals that keep its entries up to date."""
    register_source(SOURCE)
    uid = "vanthu.incoming.search_source"
    post_save.connect(_on_record, sender=IncomingRecord, dispatch_uid=f"{uid}.record")
    post_delete.connect(_on_record, sender=IncomingRecord, dispatch_uid=f"{uid}.record_del")
    post_save.connect(_on_assignment, sender=Assignment, dispatch_uid=f"{uid}.assignment")
    post_save.connect(_on_document, sender=Document, dispatch_uid=f"{uid}.document")
    post_save.connect(_on_attachment, sender=Attachment, dispatch_uid=f"{uid}.attachment")
