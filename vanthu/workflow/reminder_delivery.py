"""Deliver the daily digests: in-app notifications and one e-mail per user, once a day.

Idempotent per user and day (``DigestLog``): a second run adds nothing and sends nothing. The
e-mail is claimed (``emailed_at`` set) before it is sent, so two runs at once never send it
twice; a failed send releases the claim and the next run retries it. Users without an e-mail
address get the in-app notifications only.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from vanthu.audit.services import record
from vanthu.workflow.digest_mail import digest_message
from vanthu.workflow.notification_models import DigestLog, NotificationKind
from vanthu.workflow.notification_text import body_lines, reminder_title
from vanthu.workflow.notifications import NotificationDraft, notifications_store
from vanthu.workflow.reminders import Digest, digests_for_day

logger = logging.getLogger("vanthu.reminders")


@dataclass(slots=True)
class ReminderSummary:
    """What one run did."""

    day: dt.date
    digests: int = 0
    notifications: int = 0
    emails: int = 0
    already_done: int = 0

    def as_dict(self) -> dict[str, int | str]:
        return {
            "day": self.day.isoformat(),
            "digests": self.digests,
            "notifications": self.notifications,
            "emails": self.emails,
            "already_done": self.already_done,
        }


def _drafts(digest: Digest) -> list[NotificationDraft]:
    user = digest.user
    return [
        NotificationDraft(
            recipient=user,
            agency_id=item.agency_id,
            kind=NotificationKind.OVERDUE if item.overdue else NotificationKind.DUE_SOON,
            title=reminder_title(item.document, due_date=item.due_date, days_left=item.days_left),
            body=body_lines(user, item.document, due_date=item.due_date, note=""),
            target_id=item.document.pk,
            link=item.link,
        )
        for item in digest.items
    ]


def _log_digest(digest: Digest) -> tuple[DigestLog, int | None]:
    """Create the day's log with its notifications; return it and how many were stored.

    When the log exists already (an earlier run), nothing is stored and the count is None.
    """
    with transaction.atomic():
        log, created = DigestLog.objects.get_or_create(
            user=digest.user, day=digest.day, defaults={"item_count": len(digest.items)}
        )
        if not created:
            return log, None
        stored = notifications_store(_drafts(digest), day=digest.day)
        record(
            action="workflow.digest_made",
            actor=None,
            target=log,
            agency_id=digest.user.agency_id,
            data={
                "user_id": digest.user.pk,
                "day": digest.day,
                "overdue": len(digest.overdue_items),
                "due_soon": len(digest.due_soon_items),
                "notifications": len(stored),
            },
        )
    return log, len(stored)


def _email(digest: Digest, log: DigestLog) -> bool:
    """Send the digest e-mail unless it was sent (or is being sent); return whether it was."""
    if not digest.user.email:
        return False
    claimed = DigestLog.objects.filter(pk=log.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    try:
        digest_message(digest).send()
    except Exception:
        DigestLog.objects.filter(pk=log.pk).update(emailed_at=None)
        logger.exception("Digest e-mail to user %s failed", digest.user.pk)
        raise
    return True


def digest_deliver(digest: Digest, summary: ReminderSummary) -> None:
    """Deliver one digest (notifications, then the e-mail) and count it in ``summary``."""
    log, stored = _log_digest(digest)
    if stored is None:
        summary.already_done += 1
    else:
        summary.digests += 1
        summary.notifications += stored
    summary.emails += _email(digest, log)


def reminders_send(*, on: dt.date | None = None) -> ReminderSummary:
    """Deliver every user's digest of the day ``on`` (default: today, Vietnam time)."""
    day = on or timezone.localdate()
    summary = ReminderSummary(day=day)
    for digest in digests_for_day(day):
        digest_deliver(digest, summary)
    return summary
