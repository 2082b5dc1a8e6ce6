"""Close a dossier when the work is done (checks, dates, totals, closing note); reopen it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.dates import format_date
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text, fold
from vanthu.dossiers.enums import DossierStatus, Retention, is_permanent
from vanthu.dossiers.errors import (
    DossierEmptyError,
    DossierHasDraftsError,
    DossierHasDuplicatesError,
    DossierNotClosedError,
)
from vanthu.dossiers.models import Dossier, DossierItem
from vanthu.dossiers.permissions import ensure_writer
from vanthu.dossiers.plan_services import retention_clean
from vanthu.dossiers.reopen_guards import check_reopen
from vanthu.dossiers.services import locked_open


def duplicate_groups(items: list[DossierItem]) -> list[list[int]]:
    """Return the ordinals of items that are the same document registered twice (same number,
    notation, date and issuer)."""
    seen: dict[tuple[str, str, str, str], list[int]] = {}
    for item in items:
        doc = item.document
        if not doc.code_number:
            continue
        key = (doc.code_number, fold(doc.code_notation), str(doc.issued_date), fold(doc.organ_name))
        seen.setdefault(key, []).append(item.ordinal)
    return [ordinals for ordinals in seen.values() if len(ordinals) > 1]


def _check(items: list[DossierItem]) -> None:
    if not items:
        raise DossierEmptyError
    drafts = [str(item.ordinal) for item in items if item.is_draft]
    if drafts:
        raise DossierHasDraftsError(fields={"items": [", ".join(drafts)]})
    duplicates = duplicate_groups(items)
    if duplicates:
        raise DossierHasDuplicatesError(
            fields={"items": [", ".join(map(str, group)) for group in duplicates]}
        )


def closing_note_text(dossier: Dossier, *, start: dt.date, end: dt.date, note: str) -> str:
    """Return the closing note (chứng từ kết thúc) of a dossier."""
    lines = [
        _("Hồ sơ %(code)s gồm có: %(docs)d văn bản, %(pages)d trang.")
        % {"code": dossier.code, "docs": dossier.doc_total, "pages": dossier.page_total},
        _("Thời gian tài liệu: từ %(start)s đến %(end)s.")
        % {"start": format_date(start), "end": format_date(end)},
        _("Thời hạn bảo quản: %s.") % dossier.get_retention_display(),
    ]
    if is_permanent(dossier.retention):
        lines.append(_("Có Mục lục văn bản kèm theo."))
    if note:
        lines.append(_("Đặc điểm: %s") % note)
    return "\n".join(lines)


def dossier_close(
    *,
    actor: User,
    dossier: Dossier,
    retention: Retention | str,
    title: str = "",
    note: str = "",
    settlement_date: dt.date | None = None,
) -> Dossier:
    """Close an open dossier: no drafts nor duplicates left, retention re-assessed (given again),
    start/end dates and totals computed, the closing note written, the hand-over due set."""
    ensure_writer(actor, dossier)
    retention = retention_clean(retention)
    title = clean_text(title)
    if len(title) > 500:
        raise InvalidInputError(fields={"title": [_("Quá dài (tối đa 500 ký tự).")]})
    note = clean_text(note)[:2000]
    with transaction.atomic():
        locked = locked_open(dossier)
        items = list(
            DossierItem.objects.filter(dossier=locked).select_related("document").order_by("pk")
        )
        _check(items)
        dates = [item.document.issued_date for item in items]
        locked.start_date, locked.end_date = min(dates), max(dates)
        locked.doc_total = len(items)
        locked.page_total = sum(item.pages for item in items)
        locked.retention = retention
        locked.title = title or locked.title
        locked.status = DossierStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.closed_by = actor
        if settlement_date is not None:
            locked.settlement_date = settlement_date
        locked.handover_due = locked.compute_handover_due()
        locked.closing_note = closing_note_text(locked, start=min(dates), end=max(dates), note=note)
        locked.save()
        record(
            action="dossiers.closed",
            actor=actor,
            target=locked,
            data={
                "retention": retention,
                "doc_total": locked.doc_total,
                "page_total": locked.page_total,
                "handover_due": locked.handover_due,
            },
        )
    return locked


def dossier_reopen(*, actor: User, dossier: Dossier, reason: str) -> Dossier:
    """Reopen a closed dossier (not one handed over) with a reason, audited; the registered
    reopen guards may refuse (a dossier waiting in a hand-over batch)."""
    ensure_writer(actor, dossier)
    reason = clean_text(reason)[:500]
    if not reason:
        raise InvalidInputError(fields={"reason": [_("Cần nêu lý do mở lại hồ sơ.")]})
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.status != DossierStatus.CLOSED:
            raise DossierNotClosedError
        check_reopen(locked)
        locked.status = DossierStatus.OPEN
        locked.closed_at = None
        locked.closed_by = None
        locked.handover_due = None
        locked.save(
            update_fields=["status", "closed_at", "closed_by", "handover_due", "updated_at"]
        )
        record(action="dossiers.reopened", actor=actor, target=locked, data={"reason": reason})
    return locked
