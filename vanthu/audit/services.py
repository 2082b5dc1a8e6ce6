"""Record audit events inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from vanthu.audit.canonical import clean_data, clean_ip, clean_text
from vanthu.audit.chain import GENESIS_HASH, compute_hash
from vanthu.audit.errors import AuditTargetUnsavedError
from vanthu.audit.models import AuditChainHead, AuditEvent

HEAD_PK = 1
# Written out: one event per write of every service, so no ORM query building here.
_READ_HEAD_SQL = {
    False: "SELECT last_hash FROM audit_auditchainhead WHERE id = %s",
    True: "SELECT last_hash FROM audit_auditchainhead WHERE id = %s FOR UPDATE",
}
_WRITE_HEAD_SQL = "UPDATE audit_auditchainhead SET last_hash = %s WHERE id = %s"


def _lock_head() -> str:
    """Return the chain head's ``last_hash``, its row locked until the caller's transaction ends.

    PostgreSQL: ``SELECT … FOR UPDATE`` makes every other writer wait here, so each one reads
    the ``last_hash`` left by the previous commit. SQLite: transactions begin IMMEDIATE
    (settings), so the database is already locked for writing. ``get_or_create`` (first event
    only) survives a race on the very first event (the loser's INSERT fails, then it waits on
    the lock).
    """
    with connection.cursor() as cursor:
        cursor.execute(_READ_HEAD_SQL[connection.vendor == "postgresql"], [HEAD_PK])
        row = cursor.fetchone()
    if row is not None:
        return str(row[0])
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=HEAD_PK, defaults={"last_hash": GENESIS_HASH}
    )
    return head.last_hash


def _target_fields(target: models.Model | None) -> dict[str, str]:
    if target is None:
        return {"target_type": "", "target_id": "", "target_label": ""}
    if target.pk is None:
        raise AuditTargetUnsavedError
    return {
        "target_type": target._meta.label_lower,
        "target_id": clean_text(str(target.pk), max_length=64),
        "target_label": clean_text(str(target), max_length=255),
    }


def record(
    *,
    action: str,
    actor: models.Model | None,
    target: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
    agency_id: int | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    """Append one event to the hash chain, in the caller's transaction.

    ``action`` is a dotted code such as ``"accounts.login"``; ``data`` must be JSON-serialisable
    (dates, decimals and UUIDs become strings). ``agency_id`` defaults to the actor's agency.
    The chain head stays locked until the caller's transaction ends: keep such transactions short.
    """
    if agency_id is None and actor is not None:
        agency_id = getattr(actor, "agency_id", None)
    # Everything that can refuse the event is settled before the chain is touched.
    event = AuditEvent(
        actor_id=actor.pk if actor is not None else None,
        actor_label=clean_text(str(actor), max_length=150) if actor is not None else "",
        action=clean_text(action, max_length=80),
        agency_id=agency_id,
        data=clean_data(data),
        ip_address=clean_ip(ip_address),
        **_target_fields(target),
    )
    # No savepoint of its own: an event that cannot be written fails the caller's transaction.
    with transaction.atomic(savepoint=False):
        event.prev_hash = _lock_head()
        event.occurred_at = timezone.now()
        event.hash = compute_hash(event)
        event.save(force_insert=True)
        with connection.cursor() as cursor:
            cursor.execute(_WRITE_HEAD_SQL, [event.hash, HEAD_PK])
    return event
