"""The RUM backend's table (PostgreSQL only; a no-op on SQLite)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS rum",
    """CREATE TABLE IF NOT EXISTS search_rumentry (
        id text PRIMARY KEY,
        kind text NOT NULL,
        type text NOT NULL,
        organ text NOT NULL,
        status text NOT NULL,
        units integer[] NOT NULL,
        year integer NOT NULL,
        conf integer NOT NULL,
        in_dossier boolean NOT NULL,
        issued date,
        keys text[] NOT NULL,
        data jsonb NOT NULL,
        folded text NOT NULL,
        tsv tsvector NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS search_rum_tsv ON search_rumentry USING rum (tsv rum_tsvector_ops)",
    "CREATE INDEX IF NOT EXISTS search_rum_keys ON search_rumentry USING gin (keys)",
    "CREATE INDEX IF NOT EXISTS search_rum_issued ON search_rumentry (issued DESC, id DESC)",
]


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS search_rumentry")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
