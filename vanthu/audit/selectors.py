"""Reads of the audit trail for later screens (document history, agency log)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import QuerySet

from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError

VIEW_PERMISSION = "audit.view_auditevent"
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class EventPage:
    """One keyset page of events, newest first; ``next_cursor`` is ``None`` on the last page."""

    items: list[AuditEvent]
    next_cursor: str | None


def events_for_target(target: models.Model) -> QuerySet[AuditEvent]:
    """Return the history of ``target``, oldest first.

    The caller has already checked that the actor may see ``target`` (its own selector).
    """
    return AuditEvent.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).order_by("id")


def _parse_cursor(cursor: str | None) -> int | None:
    if cursor is None or cursor == "":
        return None
    if not cursor.isdigit():
        raise InvalidInputError(fields={"cursor": [str(InvalidInputError.default_message)]})
    return int(cursor)


def events_for_agency(
    *,
    actor: AbstractUser,
    agency_id: int | None = None,
    action: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> EventPage:
    """Return one page of an agency's events, newest first, keyset-paginated by id.

    Users holding ``audit.view_auditevent`` see their own agency's log; superusers may name
    any agency (``agency_id``). Others are refused.
    """
    if not actor.is_active or not actor.has_perm(VIEW_PERMISSION):
        raise PermissionDeniedError
    if agency_id is None or not actor.is_superuser:
        agency_id = getattr(actor, "agency_id", None)
    if agency_id is None:
        raise PermissionDeniedError
    events = AuditEvent.objects.filter(agency_id=agency_id)
    if action:
        events = events.filter(action=action)
    before = _parse_cursor(cursor)
    if before is not None:
        events = events.filter(id__lt=before)
    size = max(1, min(limit, MAX_PAGE_SIZE))
    items = list(events.order_by("-id")[: size + 1])
    next_cursor = str(items[size - 1].pk) if len(items) > size else None
    return EventPage(items=items[:size], next_cursor=next_cursor)
