"""Background tasks of outgoing documents (take ids; safe to run again)."""

from __future__ import annotations

from django_tasks import task

from vanthu.accounts.models import User
from vanthu.outgoing.distribution import outgoing_deliver


@task()
def deliver_record(record_id: int, actor_id: int) -> int:
    """Send an issued record to its pending recipients; return the record id."""
    actor = User.objects.get(pk=actor_id)
    return outgoing_deliver(actor=actor, record_id=record_id).pk
