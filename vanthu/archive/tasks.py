"""Background tasks of the agency archive (django-tasks; ``manage.py db_worker`` runs them)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from vanthu.archive.due import handover_due_notify


@task()
def notify_handover_due(day: str | None = None) -> int:
    """Send the daily hand-over notices of ``day`` (ISO date; default today); safe to rerun."""
    return handover_due_notify(on=dt.date.fromisoformat(day) if day else None)
