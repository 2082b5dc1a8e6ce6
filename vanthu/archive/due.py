"""Hand-over due dates and the notice 30 days before (Decree 30 Art. 30, Annex VI §III.5.b).

A closed dossier is due 1 year after the end of the work; a construction dossier 3 months after
its final settlement (``Dossier.compute_handover_due``, stored when it is closed). A kept-back
dossier is due when the consent ends. The daily notice goes once per dossier to its creator and
to the agency's archivists; running it again never repeats a notice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.archive.access import LONG_RETENTIONS, archivists_of
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.links import dossier_link
from vanthu.archive.models import HandoverItem, KeptBackDossier
from vanthu.audit.services import record
from vanthu.core.dates import format_date
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import Dossier
from vanthu.workflow.notification_models import Notification, NotificationKind
from vanthu.workflow.notifications import NotificationDraft, notifications_store

NOTICE_DAYS = 30
DOSSIER_TARGET = "dossier"


def handover_due_of(dossier: Dossier) -> dt.date | None:
    """Return when ``dossier`` is due at the archive (a kept-back one: the consent's end)."""
    kept: KeptBackDossier | None = getattr(dossier, "kept_back", None)
    if kept is not None:
        return kept.kept_until
    return dossier.handover_due or dossier.compute_handover_due()


def _due(lookup: str, day: dt.date) -> Q:
    """Match dossiers whose due date (kept-back date first) satisfies ``lookup`` ``day``."""
    return Q(kept_back__isnull=False, **{f"kept_back__kept_until__{lookup}": day}) | Q(
        kept_back__isnull=True, **{f"handover_due__{lookup}": day}
    )


def awaiting_handover() -> QuerySet[Dossier]:
    """Return the closed dossiers that go to the archive and are not in a pending batch."""
    pending = HandoverItem.objects.filter(
        dossier=OuterRef("pk"), handover__status=HandoverStatus.SUBMITTED
    )
    return (
        Dossier.objects.filter(status=DossierStatus.CLOSED, retention__in=LONG_RETENTIONS)
        .exclude(Exists(pending))
        .select_related("kept_back")
    )


def overdue_dossiers(*, on: dt.date) -> QuerySet[Dossier]:
    """Return the dossiers past their due date on ``on`` and not handed over."""
    return awaiting_handover().filter(_due("lt", on))


def due_soon(*, on: dt.date) -> QuerySet[Dossier]:
    """Return the dossiers due within ``NOTICE_DAYS`` days of ``on`` (or already overdue)."""
    return awaiting_handover().filter(_due("lte", on + dt.timedelta(days=NOTICE_DAYS)))


def _already_told(user: User, dossier: Dossier) -> bool:
    return Notification.objects.filter(
        recipient=user,
        kind=NotificationKind.DUE_SOON,
        target_type=DOSSIER_TARGET,
        target_id=dossier.pk,
    ).exists()


def handover_due_notify(*, on: dt.date | None = None) -> int:
    """Tell each dossier's creator and the archivists that it is due within 30 days (once per
    dossier and person); return the number of notices written."""
    day = on or timezone.localdate()
    dossiers = due_soon(on=day).select_related("creator").order_by("agency_id", "pk")
    archivists: dict[int, list[User]] = {}
    told: dict[int, list[int]] = defaultdict(list)
    written = 0
    with transaction.atomic():
        for dossier in dossiers:
            if dossier.agency_id not in archivists:
                archivists[dossier.agency_id] = list(archivists_of(dossier.agency_id))
            people = [dossier.creator, *archivists[dossier.agency_id]]
            due = handover_due_of(dossier)
            link = dossier_link(dossier.pk)
            title = _("Hồ sơ %(code)s đến hạn nộp lưu ngày %(day)s") % {
                "code": dossier.code,
                "day": format_date(due) if due is not None else "",
            }
            drafts = [
                NotificationDraft(
                    recipient=person,
                    agency_id=dossier.agency_id,
                    kind=NotificationKind.DUE_SOON,
                    title=title[:255],
                    body=dossier.title,
                    target_type=DOSSIER_TARGET,
                    target_id=dossier.pk,
                    link=link,
                )
                for person in dict.fromkeys(people)
                if person.is_active and not _already_told(person, dossier)
            ]
            stored = notifications_store(drafts, day=day)
            if stored:
                told[dossier.agency_id].append(dossier.pk)
                written += len(stored)
        for agency_id, dossier_ids in told.items():
            record(
                action="archive.handover_due_notified",
                actor=None,
                agency_id=agency_id,
                data={"day": day, "dossiers": dossier_ids},
            )
    return written
