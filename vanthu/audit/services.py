"""Record audit events inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from vanthu.audit.canonical import clean_data, clean_ip, clean_text
from vanthu.audit.chain import GENESIS_HASH, compute_hash
from vanthu.audit.errors import AuditTargetUnsavedError
from vanthu.audit.models import AuditChainHead, AuditEvent

HEAD_PK = 1


def _lock_head() -> AuditChainHead:
    """Return the chain head, locked until the caller's transaction ends.

    PostgreSQL: ``SELECT … FOR UPDATE`` makes every other writer wait here, so each one reads
    the ``last_hash`` left by the previous commit. SQLite: transactions begin IMMEDIATE
    (settings), so the database is already locked for writing. ``get_or_create`` survives a
    race on the very first event (the loser's INSERT fails, then it waits on the lock).
    """
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=HEAD_PK, defaults={"last_hash": GENESIS_HASH}
    )
    return head


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
    with transaction.atomic():
        head = _lock_head()
        if agency_id is None and actor is not None:
            agency_id = getattr(actor, "agency_id", None)
        event = AuditEvent(
            occurred_at=timezone.now(),
            actor_id=actor.pk if actor is not None else None,
            actor_label=clean_text(str(actor), max_length=150) if actor is not None else "",
            action=clean_text(action, max_length=80),
            agency_id=agency_id,
            data=clean_data(data),
            ip_address=clean_ip(ip_address),
            prev_hash=head.last_hash,
            **_target_fields(target),
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
        head.last_hash = event.hash
        head.save(update_fields=["last_hash"])
    return event
