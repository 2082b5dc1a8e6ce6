"""Load the reference retention schedule (vanthu/dossiers/retention/schedule.py)."""

from typing import Any

from django.db import migrations

from vanthu.dossiers.retention.schedule import schedule_load


def load(apps: Any, schema_editor: Any) -> None:
    schedule_load(model=apps.get_model("dossiers", "RetentionScheduleItem"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
