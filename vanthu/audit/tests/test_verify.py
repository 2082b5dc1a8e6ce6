"""verify_chain() and audit_verify against a DBA who dropped the triggers and edited rows."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from vanthu.audit.chain import compute_hash
from vanthu.audit.models import AuditChainHead, AuditEvent
from vanthu.audit.tests.factories import make_user
from vanthu.audit.tests.tamper import drop_triggers, execute, make_events
from vanthu.audit.verify import BreakCode, VerifyResult, verify_chain

pytestmark = pytest.mark.django_db


def run_command() -> str:
    """Run audit_verify and return the message of its refusal (exit status 1)."""
    with pytest.raises(CommandError) as caught:
        call_command("audit_verify", batch_size=2)
    assert caught.value.returncode == 1
    return str(caught.value)


def assert_broken(result: VerifyResult, code: BreakCode, event_id: int | None) -> None:
    assert not result.ok
    assert result.code == code
    assert result.broken_event_id == event_id


def insert_raw(event: AuditEvent, *, event_id: int | None = None) -> int:
    """Insert ``event`` with raw SQL, bypassing record(); return its id."""
    columns = [
        "occurred_at", "actor_id", "actor_label", "action", "target_type", "target_id",
        "target_label", "agency_id", "data", "ip_address", "prev_hash", "hash",
    ]  # fmt: skip
    values: list[Any] = [getattr(event, name) for name in columns]
    values[columns.index("data")] = AuditEvent._meta.get_field("data").get_db_prep_value(
        event.data, connection
    )
    if event_id is not None:
        columns.append("id")
        values.append(event_id)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO audit_auditevent ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
    execute(sql, values)
    return AuditEvent.objects.get(hash=event.hash).pk


def forged(*, prev_hash: str, self_consistent: bool = True) -> AuditEvent:
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor_label="Kẻ giả mạo",
        action="documents.destroy",
        data={"lý do": "không có"},
        prev_hash=prev_hash,
    )
    event.hash = compute_hash(event) if self_consistent else hashlib.sha256(b"x").hexdigest()
    return event


class TestIntact:
    def test_empty_trail_is_intact(self) -> None:
        result = verify_chain()

        assert result.ok
        assert result.checked == 0

    @pytest.mark.parametrize("batch_size", [1, 2, 3, 7, 1000])
    def test_every_event_is_checked_whatever_the_batch_size(self, batch_size: int) -> None:
        make_events(7, ip_address="10.0.0.1")

        result = verify_chain(batch_size=batch_size)

        assert result.ok
        assert result.checked == 7

    def test_command_summary_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        make_events(3)

        call_command("audit_verify")

        assert "Chuỗi nhật ký toàn vẹn: 3 sự kiện" in capsys.readouterr().out


MODIFICATIONS: list[tuple[str, Any]] = [
    ("occurred_at", dt.datetime(2020, 4, 23, 8, 0, tzinfo=dt.UTC)),
    ("actor_label", "Người khác"),
    ("action", "documents.view"),
    ("target_type", "documents.document"),
    ("target_id", "42"),
    ("target_label", "Kế hoạch số 26/KH-SNV"),
    ("agency_id", 99),
    ("data", '{"n": 1, "tên": "Nguyễn Thị Ánh", "thêm": true}'),
    ("ip_address", "10.9.9.9"),
    ("prev_hash", "f" * 64),
    ("hash", "e" * 64),
]


class TestTampering:
    @pytest.mark.parametrize(("column", "value"), MODIFICATIONS)
    def test_a_modified_field_names_its_event(self, column: str, value: Any) -> None:
        events = make_events(5)
        victim = events[2]
        drop_triggers()

        cast = "::jsonb" if column == "data" and connection.vendor == "postgresql" else ""
        touched = execute(
            f"UPDATE audit_auditevent SET {column} = %s{cast} WHERE id = %s",  # noqa: S608
            [value, victim.pk],
        )

        assert touched == 1
        assert_broken(verify_chain(batch_size=2), BreakCode.MODIFIED, victim.pk)
        assert f"#{victim.pk}" in run_command()

    def test_a_changed_actor_names_its_event(self) -> None:
        events = make_events(3)
        drop_triggers()

        execute(
            "UPDATE audit_auditevent SET actor_id = %s WHERE id = %s",
            [make_user().pk, events[1].pk],
        )

        assert_broken(verify_chain(), BreakCode.MODIFIED, events[1].pk)

    def test_a_deleted_middle_event_names_the_next_one(self) -> None:
        events = make_events(5)
        drop_triggers()

        execute("DELETE FROM audit_auditevent WHERE id = %s", [events[2].pk])

        assert_broken(verify_chain(batch_size=2), BreakCode.LINK_BROKEN, events[3].pk)
        assert f"#{events[3].pk}" in run_command()

    def test_a_deleted_last_event_is_caught_by_the_head(self) -> None:
        events = make_events(4)
        drop_triggers()

        execute("DELETE FROM audit_auditevent WHERE id = %s", [events[3].pk])

        result = verify_chain()
        assert_broken(result, BreakCode.TAIL_MISSING, None)
        assert result.checked == 3
        assert f"#{events[2].pk}" in run_command()

    def test_deleting_every_event_is_caught_by_the_head(self) -> None:
        make_events(3)
        drop_triggers()

        execute("DELETE FROM audit_auditevent")

        assert_broken(verify_chain(), BreakCode.TAIL_MISSING, None)
        run_command()

    def test_a_well_forged_event_appended_outside_the_head_is_named(self) -> None:
        events = make_events(3)

        forged_id = insert_raw(forged(prev_hash=events[-1].hash))

        assert_broken(verify_chain(), BreakCode.OUTSIDE_CHAIN, forged_id)
        assert f"#{forged_id}" in run_command()

    def test_an_appended_event_linked_to_nothing_is_named(self) -> None:
        make_events(3)

        forged_id = insert_raw(forged(prev_hash="a" * 64))

        assert_broken(verify_chain(), BreakCode.LINK_BROKEN, forged_id)

    def test_an_event_inserted_in_the_middle_is_named(self) -> None:
        events = make_events(4)
        drop_triggers()
        execute("UPDATE audit_auditevent SET id = id + 1000 WHERE id >= %s", [events[2].pk])
        assert verify_chain().ok  # Renumbering alone changes no recorded fact.

        forged_id = insert_raw(
            forged(prev_hash="b" * 64, self_consistent=False), event_id=events[2].pk
        )

        assert forged_id == events[2].pk
        assert_broken(verify_chain(), BreakCode.MODIFIED, forged_id)
        assert f"#{forged_id}" in run_command()

    def test_a_missing_head_is_reported(self) -> None:
        make_events(2)

        AuditChainHead.objects.all().delete()

        assert_broken(verify_chain(), BreakCode.HEAD_MISSING, None)
        run_command()

    def test_a_rewound_head_names_the_first_event_after_it(self) -> None:
        events = make_events(4)

        AuditChainHead.objects.update(last_hash=events[1].hash)

        assert_broken(verify_chain(), BreakCode.OUTSIDE_CHAIN, events[2].pk)

    def test_dropped_triggers_are_reported_by_the_command(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        make_events(1)
        drop_triggers()

        call_command("audit_verify")

        captured = capsys.readouterr()
        assert "audit_event_no_delete" in captured.err
        assert "Chuỗi nhật ký toàn vẹn: 1 sự kiện" in captured.out
