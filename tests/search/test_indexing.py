"""Incremental indexing after commit, the queue, reindex and search_check."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.services import incoming_assign
from vanthu.incoming.tests.factories import Office
from vanthu.search.indexing import enqueue, index_pending, missing_entries
from vanthu.search.models import PendingEntry
from vanthu.search.tests.helpers import ids
from vanthu.workflow.parties import Party

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


def test_a_registered_record_is_found_after_commit(
    office: Office, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record = office.register(subject="Báo cáo tình hình Đồng Tháp")
    assert ids(office.clerk, "dong thap") == [f"incoming:{record.pk}"]
    assert not PendingEntry.objects.exists()


def test_nothing_is_indexed_before_commit(office: Office) -> None:
    record = office.register(subject="Báo cáo Đồng Tháp")
    assert ids(office.clerk, "dong thap") == []
    assert PendingEntry.objects.filter(entry_id=f"incoming:{record.pk}").exists()
    assert index_pending() >= 1
    assert ids(office.clerk, "dong thap") == [f"incoming:{record.pk}"]


def test_an_assignment_opens_the_record_to_the_assignee(
    office: Office, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        record = office.register(subject="Kế hoạch Đồng Tháp")
    assert ids(office.specialist_a, "dong thap") == []
    with django_capture_on_commit_callbacks(execute=True):
        incoming_assign(actor=office.leader, incoming=record, lead=Party(user=office.specialist_a))
    assert ids(office.specialist_a, "dong thap") == [f"incoming:{record.pk}"]


def test_a_rolled_back_change_leaves_no_queue_row(office: Office) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        office.register()
        raise RuntimeError
    assert not PendingEntry.objects.exists()


def test_queue_is_idempotent_and_removes_entries_that_are_gone(office: Office) -> None:
    record = office.register(subject="Đồng Tháp")
    enqueue([f"incoming:{record.pk}", f"incoming:{record.pk}", "incoming:999999", "bad"])
    index_pending()
    index_pending()
    assert ids(office.clerk, "dong thap") == [f"incoming:{record.pk}"]
    assert not PendingEntry.objects.exists()


def test_reindex_and_search_check(office: Office) -> None:
    records = [office.register() for _ in range(3)]
    PendingEntry.objects.all().delete()
    assert len(missing_entries()) == 3
    with pytest.raises(CommandError):
        call_command("search_check", stdout=StringIO())
    out = StringIO()
    call_command("reindex", "--no-progress", "--batch", "2", stdout=out)
    assert "3 văn bản" in out.getvalue()
    check = StringIO()
    call_command("search_check", stdout=check)
    assert "Thiếu trong chỉ mục: 0" in check.getvalue()
    IncomingRecord.objects.filter(pk=records[0].pk).update(status="done")
    enqueue([f"incoming:{records[0].pk}"])
    pending = StringIO()
    call_command("reindex", "--pending", stdout=pending)
    assert "1 mục" in pending.getvalue()
