"""Reads of notifications: only ever the actor's own."""

from __future__ import annotations

from django.db.models import QuerySet

from vanthu.accounts.models import User
from vanthu.core.errors import NotFoundError
from vanthu.workflow.notification_models import Notification

DROPDOWN_SIZE = 10


def notifications_for(*, actor: User) -> QuerySet[Notification]:
    """Return the actor's notifications, newest first."""
    if not actor.is_active or actor.pk is None:
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=actor.pk).order_by("-created_at", "-pk")


def notifications_unread_for(*, actor: User) -> QuerySet[Notification]:
    """Return the actor's unread notifications, newest first."""
    return notifications_for(actor=actor).filter(read_at__isnull=True)


def notification_get_for(*, actor: User, pk: int) -> Notification:
    """Return one of the actor's notifications; anyone else's is not found."""
    notification = notifications_for(actor=actor).filter(pk=pk).first()
    if notification is None:
        raise NotFoundError
    return notification
