"""The hash of an audit event: SHA-256 over the previous hash and a canonical JSON payload."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import Any

from vanthu.audit.canonical import clean_ip
from vanthu.audit.models import AuditEvent

GENESIS_HASH = "0" * 64


def event_payload(event: AuditEvent) -> dict[str, Any]:
    """Return the fields covered by the hash, in a form that survives a database round trip."""
    return {
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "agency_id": event.agency_id,
        "data": event.data,
        "ip_address": clean_ip(event.ip_address),
    }


def compute_hash(event: AuditEvent) -> str:
    """Return the chained hash of ``event`` (its ``prev_hash`` must be set)."""
    body = json.dumps(
        event_payload(event),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256((event.prev_hash + body).encode("utf-8")).hexdigest()
