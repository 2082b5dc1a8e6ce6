"""Make ``audit_auditevent`` append-only in the database itself.

PostgreSQL: a plpgsql trigger function refuses every UPDATE and DELETE (SQLSTATE 23001, seen
by Django as IntegrityError). TRUNCATE is left to the DBA: Django's test flush uses it.

SQLite: a trigger refuses every UPDATE, and every DELETE except of the oldest remaining row.
That exception lets ``DELETE FROM audit_auditevent`` (Django's test flush, which walks the
table in id order) empty the whole table, while no event in the middle or at the end of the
chain can be removed; removing the oldest events still breaks the chain for ``audit_verify``.
"""

from django.db import migrations

MESSAGE = "Nhật ký kiểm tra chỉ được ghi thêm: không được sửa hoặc xóa sự kiện"

POSTGRESQL_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE} (%)', TG_OP USING ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()
    """,
    """
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()
    """,
]
POSTGRESQL_UNINSTALL = [
    "DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_event_no_delete ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_refuse_change()",
]

SQLITE_INSTALL = [
    """
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
    BEGIN
        SELECT RAISE(ABORT,
            'Nhật ký kiểm tra chỉ được ghi thêm: không được sửa hoặc xóa sự kiện (UPDATE)');
    END
    """,
    """
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
    WHEN EXISTS (SELECT 1 FROM audit_auditevent AS older WHERE older.id < OLD.id)
    BEGIN
        SELECT RAISE(ABORT,
            'Nhật ký kiểm tra chỉ được ghi thêm: không được sửa hoặc xóa sự kiện (DELETE)');
    END
    """,
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_INSTALL, POSTGRESQL_UNINSTALL),
    "sqlite": (SQLITE_INSTALL, SQLITE_UNINSTALL),
}


def _statements(schema_editor, *, install):
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"VănThư cannot make the audit trail append-only on {vendor}.")
    return STATEMENTS[vendor][0 if install else 1]


def install_triggers(apps, schema_editor):
    for sql in _statements(schema_editor, install=True):
        schema_editor.execute(sql, params=None)


def uninstall_triggers(apps, schema_editor):
    for sql in _statements(schema_editor, install=False):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_agency_index_unique_prev_hash"),
    ]

    operations = [
        migrations.RunPython(install_triggers, uninstall_triggers, elidable=False),
    ]
