"""Check that the database triggers keeping the audit table append-only are in place."""

from __future__ import annotations

from django.db import connection

from vanthu.audit.models import AuditEvent

TRIGGER_NAMES = frozenset({"audit_event_no_update", "audit_event_no_delete"})

_SQLITE_TRIGGERS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s"
_POSTGRESQL_TRIGGERS = (
    "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(%s) "
    "AND NOT tgisinternal AND tgenabled <> 'D'"
)


def missing_triggers() -> frozenset[str]:
    """Return the names of the append-only triggers absent (or disabled) in the database.

    On SQLite a migration that rebuilds the audit table drops its triggers: this tells.
    """
    query = _POSTGRESQL_TRIGGERS if connection.vendor == "postgresql" else _SQLITE_TRIGGERS
    with connection.cursor() as cursor:
        cursor.execute(query, [AuditEvent._meta.db_table])
        present = {row[0] for row in cursor.fetchall()}
    return TRIGGER_NAMES - present
