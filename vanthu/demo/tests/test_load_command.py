"""load_demo on an empty database (the package's first load), then again: nothing changes."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.demo.constants import DEMO_PASSWORD, REQUIRED_LOGINS
from vanthu.demo.services import demo_load
from vanthu.demo.tests.conftest import FirstLoad, row_counts
from vanthu.documents.models import Document
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.workflow.models import Assignment, TraceEntry

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, set[tuple[object, ...]]]:
    return {
        "documents": set(Document.objects.values_list("code_number", "code_notation", "subject")),
        "incoming": set(
            IncomingRecord.objects.values_list(
                "agency_id", "arrival_number", "arrival_date", "status", "due_date"
            )
        ),
        "assignments": set(Assignment.objects.values_list("pk", "status", "due_date")),
        "deliveries": set(IncomingDelivery.objects.values_list("pk", "status")),
        "trace": set(TraceEntry.objects.values_list("pk", "at")),
    }


class TestCommandOutput:
    def test_prints_what_it_created_the_summary_and_logins(self, first_load: FirstLoad) -> None:
        text = first_load.output
        assert text.startswith("Đã tạo mới: 38 cơ quan")
        assert "văn bản đến" in text and "lượt gửi văn bản giữa các cơ quan" in text
        assert "38 cơ quan" in text
        assert DEMO_PASSWORD in text
        for username in REQUIRED_LOGINS:
            assert f"\n{username} " in text
        assert "Phòng Tư pháp huyện Hòn Đất" in text


class TestIdempotency:
    def test_second_run_changes_no_row_of_any_model(self, first_load: FirstLoad) -> None:
        assert row_counts() == first_load.counts
        assert first_load.counts["incoming.IncomingRecord"] > 300
        assert first_load.counts["workflow.Assignment"] > 300
        before = _snapshot()
        out = StringIO()
        call_command("load_demo", stdout=out)
        assert out.getvalue().startswith("Dữ liệu mẫu đã có sẵn, không có gì thay đổi.")
        assert row_counts() == first_load.counts
        assert _snapshot() == before

    def test_one_audit_event_for_the_load_none_for_a_rerun(self, first_load: FirstLoad) -> None:
        event = AuditEvent.objects.get(action="demo.loaded")
        created = event.data["created"]
        assert created["users"] == User.objects.count()
        assert created["incoming_records"] == IncomingRecord.objects.count()
        assert created["deliveries"] == IncomingDelivery.objects.count()
        assert not demo_load().changed
        assert AuditEvent.objects.filter(action="demo.loaded").count() == 1

    def test_existing_user_is_left_alone(self, first_load: FirstLoad) -> None:
        User.objects.filter(username="snv.vanthu").update(full_name="Tên đã sửa")
        demo_load()
        assert User.objects.get(username="snv.vanthu").full_name == "Tên đã sửa"
