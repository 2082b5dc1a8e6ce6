"""The first step of every per-record API operation: who asks, and the record they may see."""

from __future__ import annotations

from django.http import HttpRequest

from vanthu.accounts.auth import request_user
from vanthu.accounts.models import User
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_get_for


def actor_and_record(request: HttpRequest, incoming_id: int) -> tuple[User, IncomingRecord]:
    """Return the authenticated user and the record; 404 when it is not visible to them."""
    actor = request_user(request)
    return actor, incoming_get_for(actor=actor, pk=incoming_id)
