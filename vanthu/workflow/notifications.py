"""Writes of in-app notifications: create (once per recipient, target, kind and day), mark read.

``notify_assignments`` is what the assignment services call right after creating assignments,
in their transaction: the assignees (or the heads of an assigned unit) are told at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import NotFoundError
from vanthu.workflow.links import document_link
from vanthu.workflow.models import Assignment
from vanthu.workflow.notification_models import Notification, NotificationKind
from vanthu.workflow.notification_text import assigned_title, body_lines
from vanthu.workflow.recipients import recipients_of

DOCUMENT = "document"


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationDraft:
    """What one notification says, before it is stored."""

    recipient: User
    agency_id: int
    kind: NotificationKind
    title: str
    body: str = ""
    target_type: str = DOCUMENT
    target_id: int
    link: str = ""


def _store(draft: NotificationDraft, *, day: dt.date) -> Notification | None:
    """Store ``draft`` unless the recipient already has it today; return the new row or None."""
    duplicate = Notification.objects.filter(
        recipient=draft.recipient,
        kind=draft.kind,
        target_type=draft.target_type,
        target_id=draft.target_id,
        day=day,
    ).exists()
    if duplicate:
        return None
    try:
        with transaction.atomic():  # a savepoint: a racing twin only loses this row
            return Notification.objects.create(
                recipient=draft.recipient,
                agency_id=draft.agency_id,
                kind=draft.kind,
                title=draft.title,
                body=draft.body,
                target_type=draft.target_type,
                target_id=draft.target_id,
                link=draft.link,
                day=day,
            )
    except IntegrityError:
        return None


def notifications_store(
    drafts: Iterable[NotificationDraft], *, day: dt.date | None = None
) -> list[Notification]:
    """Store the drafts, skipping those their recipient already got today (no audit event).

    A building block for services that record their own event in the same transaction.
    """
    on = day or timezone.localdate()
    stored = [_store(draft, day=on) for draft in drafts]
    return [row for row in stored if row is not None]


def notification_create(
    *, actor: User | None, draft: NotificationDraft, day: dt.date | None = None
) -> Notification | None:
    """Store one notification (None when the recipient already has it today)."""
    with transaction.atomic():
        created = notifications_store([draft], day=day)
        if created:
            record(
                action="workflow.notification_created",
                actor=actor,
                target=created[0],
                agency_id=draft.agency_id,
                data={"recipient_id": draft.recipient.pk, "kind": draft.kind.value},
            )
    return created[0] if created else None


def _assignment_drafts(assignment: Assignment) -> list[NotificationDraft]:
    document = assignment.document
    unit = assignment.party_unit
    link = document_link(document.pk, assignment.agency_id)
    return [
        NotificationDraft(
            recipient=user,
            agency_id=assignment.agency_id,
            kind=NotificationKind.ASSIGNED,
            title=assigned_title(
                assignment.role, document, unit_name=unit.name if unit is not None else None
            ),
            body=body_lines(
                user, document, due_date=assignment.due_date, note=assignment.instruction
            ),
            target_id=document.pk,
            link=link,
        )
        for user in recipients_of(assignment)
        if user.agency_id == assignment.agency_id
    ]


def notify_assignments(assignments: Iterable[Assignment]) -> list[Notification]:
    """Tell the parties of new assignments (one event for the lot); return what was stored.

    Someone reached twice for the same document the same day (a person and their unit) is
    told once.
    """
    rows = list(assignments)
    if not rows:
        return []
    with transaction.atomic():
        drafts = [draft for row in rows for draft in _assignment_drafts(row)]
        created = notifications_store(drafts)
        first = rows[0]
        record(
            action="workflow.assignment_notified",
            actor=first.assigned_by,
            target=first.document,
            agency_id=first.agency_id,
            data={
                "assignments": [row.pk for row in rows],
                "recipients": sorted({n.recipient_id for n in created}),
            },
        )
    return created


def notify_assignment(assignment: Assignment) -> list[Notification]:
    """Tell the parties of one new assignment; return the notifications stored."""
    return notify_assignments([assignment])


def notification_mark_read(*, actor: User, notification_id: int) -> Notification:
    """Mark one of the actor's notifications read; another user's is not found (404)."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, recipient_id=actor.pk)
            .first()
        )
        if notification is None:
            raise NotFoundError
        if notification.read_at is None:
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
            record(
                action="workflow.notification_read",
                actor=actor,
                target=notification,
                agency_id=notification.agency_id,
            )
    return notification


def notifications_mark_all_read(*, actor: User) -> int:
    """Mark every unread notification of the actor read; return how many."""
    with transaction.atomic():
        count = Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        if count:
            record(action="workflow.notifications_read_all", actor=actor, data={"count": count})
    return count
