"""The indexing queue and rebuilds over a stand-in source (no higher app needed)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from django.db import transaction

from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.search.indexing import (
    enqueue,
    enqueue_documents,
    index_pending,
    missing_entries,
    reindex_all,
)
from vanthu.search.models import PendingEntry
from vanthu.search.sources import IndexEntry, register_source, unregister_source
from vanthu.search.tests.helpers import entry, ids

pytestmark = pytest.mark.django_db


class MemorySource:
    """Entries kept in a dict; every active user holds the key ``in:1``."""

    kind = "memo"

    def __init__(self) -> None:
        self.rows: dict[int, IndexEntry] = {}

    def put(self, number: int, subject: str) -> None:
        self.rows[number] = entry(number, subject, id=f"memo:{number}", kind="memo")

    def entries(self, ids: Sequence[int]) -> list[IndexEntry]:
        return [self.rows[pk] for pk in ids if pk in self.rows]

    def all_ids(self, *, batch: int) -> Iterator[list[int]]:
        keys = sorted(self.rows)
        for start in range(0, len(keys), batch):
            yield keys[start : start + batch]

    def ids_of_documents(self, document_ids: Sequence[int]) -> list[int]:
        return [pk for pk in document_ids if pk in self.rows]

    def keys_for(self, actor: User) -> list[str]:
        return ["in:1"] if actor.is_active else []


@pytest.fixture
def source() -> Iterator[MemorySource]:
    memory = MemorySource()
    register_source(memory)
    yield memory
    unregister_source(memory.kind)


def test_queued_entries_are_indexed_then_removed_from_the_queue(source: MemorySource) -> None:
    reader = make_user()
    source.put(1, "Đồng Tháp")
    enqueue(["memo:1", "memo:1"])
    assert PendingEntry.objects.count() == 1
    assert index_pending() == 1
    assert ids(reader, "dong thap") == ["memo:1"]
    del source.rows[1]
    enqueue(["memo:1"])
    index_pending()
    assert ids(reader, "dong thap") == []
    assert not PendingEntry.objects.exists()


def test_a_rolled_back_transaction_queues_nothing(source: MemorySource) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(["memo:2"])
        raise RuntimeError
    assert not PendingEntry.objects.exists()


def test_rebuild_in_batches_and_report_missing(source: MemorySource) -> None:
    for number in range(1, 8):
        source.put(number, f"Văn bản số {number}")
    assert len(missing_entries()) == 7
    seen: list[int] = []
    assert reindex_all(batch=3, progress=seen.append) == 7
    assert seen == [3, 3, 1]
    assert missing_entries() == []
    inactive = make_user(is_active=False)
    assert ids(inactive, "van ban") == []


def test_entries_of_documents_are_queued_through_their_sources(source: MemorySource) -> None:
    source.put(4, "Hồ sơ")
    enqueue_documents([4, 5])
    assert list(PendingEntry.objects.values_list("entry_id", flat=True)) == ["memo:4"]
