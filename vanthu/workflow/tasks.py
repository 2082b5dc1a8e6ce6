"""Background tasks of the workflow engine (django-tasks; ``manage.py db_worker`` runs them)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from vanthu.workflow.reminder_delivery import reminders_send


@task()
def send_daily_reminders(day: str | None = None) -> dict[str, int | str]:
    """Deliver the daily digests of ``day`` (ISO date; default today) and return the figures.

    Safe to run again: each user's digest is delivered once a day.
    """
    on = dt.date.fromisoformat(day) if day else None
    return reminders_send(on=on).as_dict()
