"""Record audit events inside the caller's transaction."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from vanthu.audit.chain import GENESIS_HASH, compute_hash
from vanthu.audit.models import AuditChainHead, AuditEvent


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return result


def record(
    *,
    action: str,
    actor: models.Model | None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    agency_id: int | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    """Append one event to the hash chain, in the caller's transaction.

    ``action`` is a dotted code such as ``"accounts.login"``; ``data`` must be JSON-serialisable
    (dates and decimals are converted).
    """
    with transaction.atomic():
        head, _created = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS_HASH}
        )
        if agency_id is None and actor is not None:
            agency_id = getattr(actor, "agency_id", None)
        event = AuditEvent(
            occurred_at=timezone.now(),
            actor_id=actor.pk if actor is not None else None,
            actor_label=str(actor)[:150] if actor is not None else "",
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_label=str(target)[:255] if target is not None else "",
            agency_id=agency_id,
            data=_json_safe(data or {}),
            ip_address=ip_address,
            prev_hash=head.last_hash,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
        head.last_hash = event.hash
        head.save(update_fields=["last_hash"])
    return event
