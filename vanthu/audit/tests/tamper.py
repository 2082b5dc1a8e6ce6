"""What a DBA with direct database access could do to the audit table (test helpers)."""

from __future__ import annotations

from typing import Any

from django.db import connection

from vanthu.audit.models import AuditEvent
from vanthu.audit.services import record

TABLE = AuditEvent._meta.db_table


def execute(sql: str, params: list[Any] | None = None) -> int:
    """Run raw SQL on the default connection and return the number of rows touched."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return int(cursor.rowcount)


def drop_triggers() -> None:
    """Drop the append-only triggers, as a DBA could (rolled back with the test)."""
    for name in ("audit_event_no_update", "audit_event_no_delete"):
        if connection.vendor == "postgresql":
            execute(f"DROP TRIGGER {name} ON {TABLE}")
        else:
            execute(f"DROP TRIGGER {name}")


def make_events(count: int, **kwargs: Any) -> list[AuditEvent]:
    """Record ``count`` events with distinct data."""
    return [
        record(action="test.event", actor=None, data={"n": n, "tên": "Nguyễn Thị Ánh"}, **kwargs)
        for n in range(count)
    ]
