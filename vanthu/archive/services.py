"""Writes of the hand-over (nộp lưu): submit a batch, the archivist accepts or returns it.

Accepted dossiers become holdings of the agency archive (status "đã nộp lưu", read-only).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.archive.access import archivists_of, ensure_archivist, is_handed_over_retention
from vanthu.archive.enums import HandoverStatus, ItemCheck
from vanthu.archive.errors import (
    HandoverAlreadyError,
    HandoverCheckFailedError,
    HandoverDossierOpenError,
    HandoverDossierUnknownError,
    HandoverEmptyError,
    HandoverReasonMissingError,
    HandoverShortRetentionError,
    HandoverStateError,
)
from vanthu.archive.forms.inventory import inventory_docx
from vanthu.archive.forms.minutes import minutes_docx
from vanthu.archive.links import handover_link
from vanthu.archive.models import Handover, HandoverItem
from vanthu.audit.services import record
from vanthu.core.errors import DomainError, InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.models import Blob
from vanthu.documents.uploads import blob_store_upload
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.handover_state import dossier_mark_handed_over
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.permissions import may_write
from vanthu.dossiers.selectors import dossiers_visible_for
from vanthu.workflow.notification_models import NotificationKind
from vanthu.workflow.notifications import NotificationDraft, notifications_store

MAX_BATCH = 500
HANDOVER_TARGET = "handover"


def _labels(dossiers: Sequence[Dossier]) -> list[str]:
    return [f"{dossier.code} - {dossier.title}" for dossier in dossiers]


def _refuse(error: type[DomainError], offenders: list[Dossier]) -> None:
    if offenders:
        raise error(fields={"dossier_ids": _labels(offenders)})


def _pending_ids(dossier_ids: Sequence[int]) -> set[int]:
    return set(
        HandoverItem.objects.filter(
            dossier_id__in=dossier_ids, handover__status=HandoverStatus.SUBMITTED
        ).values_list("dossier_id", flat=True)
    )


def _checked_dossiers(actor: User, dossier_ids: Sequence[int]) -> list[Dossier]:
    """Return the dossiers to hand over, locked, or refuse the batch with every offender."""
    wanted = list(dict.fromkeys(dossier_ids))
    if not wanted:
        raise HandoverEmptyError
    if len(wanted) > MAX_BATCH:
        raise InvalidInputError(
            fields={"dossier_ids": [_("Tối đa %d hồ sơ trong một đợt nộp lưu.") % MAX_BATCH]}
        )
    visible = set(
        dossiers_visible_for(actor=actor).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    unknown = [pk for pk in wanted if pk not in visible]
    if unknown:
        raise HandoverDossierUnknownError(fields={"dossier_ids": [str(pk) for pk in unknown]})
    dossiers = list(
        Dossier.objects.select_for_update().filter(pk__in=wanted).order_by("year", "code", "pk")
    )
    if any(not may_write(actor, dossier) for dossier in dossiers):
        raise PermissionDeniedError(
            _("Chỉ người lập hồ sơ hoặc lãnh đạo đơn vị mới nộp lưu hồ sơ.")
        )
    _refuse(HandoverDossierOpenError, [d for d in dossiers if d.status == DossierStatus.OPEN])
    pending = _pending_ids(wanted)
    _refuse(
        HandoverAlreadyError,
        [d for d in dossiers if d.status == DossierStatus.HANDED_OVER or d.pk in pending],
    )
    _refuse(
        HandoverShortRetentionError,
        [d for d in dossiers if not is_handed_over_retention(d.retention)],
    )
    return dossiers


def _store_docx(actor: User, content: bytes, filename: str) -> Blob:
    return blob_store_upload(actor=actor, fileobj=io.BytesIO(content), filename=filename)


def _default_title(actor: User, dossiers: Sequence[Dossier]) -> str:
    years = sorted({dossier.year for dossier in dossiers})
    owner = actor.unit.name if actor.unit is not None else actor.full_name
    return _("Hồ sơ, tài liệu của %(owner)s, năm %(years)s") % {
        "owner": owner,
        "years": ", ".join(map(str, years)),
    }


def _notify(recipients: Sequence[User], handover: Handover, title: str) -> None:
    notifications_store(
        NotificationDraft(
            recipient=user,
            agency_id=handover.agency_id,
            kind=NotificationKind.ASSIGNED,
            title=title,
            target_type=HANDOVER_TARGET,
            target_id=handover.pk,
            link=handover_link(handover.pk),
        )
        for user in recipients
    )


def handover_submit(
    *,
    actor: User,
    dossier_ids: Sequence[int],
    title: str = "",
    notes: Mapping[int, str] | None = None,
) -> Handover:
    """Submit a batch of the actor's closed dossiers (retention ≥ 5 years) to the archive.

    Writes the inventory (Mục lục hồ sơ, tài liệu nộp lưu) and tells the archivists.
    """
    if not actor.is_active or actor.agency_id is None:
        raise PermissionDeniedError
    title = clean_text(title)[:500]
    with transaction.atomic():
        dossiers = _checked_dossiers(actor, dossier_ids)
        handover = Handover.objects.create(
            agency_id=actor.agency_id,
            unit_id=actor.unit_id,
            submitted_by=actor,
            submitted_at=timezone.now(),
            title=title or _default_title(actor, dossiers),
            confidentiality=max(dossier.confidentiality for dossier in dossiers),
        )
        HandoverItem.objects.bulk_create(
            HandoverItem(
                handover=handover,
                dossier=dossier,
                ordinal=ordinal,
                code=dossier.code,
                title=dossier.title,
                start_date=dossier.start_date or dossier.opened_on,
                end_date=dossier.end_date or dossier.opened_on,
                retention=dossier.retention,
                doc_total=dossier.doc_total,
                page_total=dossier.page_total,
                note=clean_text((notes or {}).get(dossier.pk, ""))[:500],
            )
            for ordinal, dossier in enumerate(dossiers, start=1)
        )
        handover.inventory = _store_docx(
            actor, inventory_docx(handover), f"muc-luc-nop-luu-{handover.pk}.docx"
        )
        handover.save(update_fields=["inventory", "updated_at"])
        record(
            action="archive.handover_submitted",
            actor=actor,
            target=handover,
            data={"dossiers": [dossier.pk for dossier in dossiers]},
        )
        _notify(
            list(archivists_of(handover.agency_id)),
            handover,
            _("Hồ sơ nộp lưu chờ tiếp nhận: %s") % handover.title,
        )
    return handover


def _locked_submitted(actor: User, handover: Handover) -> Handover:
    ensure_archivist(actor, handover.agency_id)
    locked = Handover.objects.select_for_update().get(pk=handover.pk)
    if locked.status != HandoverStatus.SUBMITTED:
        raise HandoverStateError
    return locked


def _mismatch(item: HandoverItem, dossier: Dossier) -> str:
    """Return why ``dossier`` no longer matches its inventory row ("" when it does)."""
    if dossier.status != DossierStatus.CLOSED:
        return _("hồ sơ không còn ở trạng thái đã kết thúc")
    listed = (item.code, item.title, item.retention, item.doc_total, item.page_total)
    actual = (dossier.code, dossier.title, dossier.retention, dossier.doc_total, dossier.page_total)
    if listed != actual:
        return _("hồ sơ khác với mục lục (số, ký hiệu, tiêu đề, thời hạn hoặc số lượng)")
    return ""


def handover_accept(*, actor: User, handover: Handover, note: str = "") -> Handover:
    """Receive the batch: each dossier is checked against the inventory and becomes a holding
    ("đã nộp lưu"); the minutes (Biên bản giao nhận) are written."""
    note = clean_text(note)[:2000]
    with transaction.atomic():
        locked = _locked_submitted(actor, handover)
        items = list(locked.items.select_related("dossier").order_by("ordinal"))
        problems = [
            f"{item.code}: {why}" for item in items if (why := _mismatch(item, item.dossier))
        ]
        if problems:
            raise HandoverCheckFailedError(fields={"items": problems})
        for item in items:
            dossier_mark_handed_over(actor=actor, dossier=item.dossier, handover_id=locked.pk)
        HandoverItem.objects.filter(handover=locked).update(check_result=ItemCheck.PASSED)
        locked.status = HandoverStatus.ACCEPTED
        locked.archivist = actor
        locked.decided_at = timezone.now()
        locked.decision_note = note
        locked.minutes = _store_docx(
            actor, minutes_docx(locked), f"bien-ban-giao-nhan-{locked.pk}.docx"
        )
        locked.save()
        record(
            action="archive.handover_accepted",
            actor=actor,
            target=locked,
            data={"dossiers": [item.dossier_id for item in items]},
        )
    return locked


def handover_return(
    *, actor: User, handover: Handover, reasons: Mapping[int, str], note: str = ""
) -> Handover:
    """Return the batch with a reason for each dossier found wrong; the others are marked as
    matching the inventory. The dossiers stay with the unit (closed) and can be sent again."""
    cleaned = {pk: clean_text(text)[:1000] for pk, text in reasons.items()}
    cleaned = {pk: text for pk, text in cleaned.items() if text}
    if not cleaned:
        raise HandoverReasonMissingError
    note = clean_text(note)[:2000]
    with transaction.atomic():
        locked = _locked_submitted(actor, handover)
        items = list(locked.items.order_by("ordinal"))
        listed = {item.dossier_id for item in items}
        stray = sorted(pk for pk in cleaned if pk not in listed)
        if stray:
            raise InvalidInputError(
                _("Hồ sơ không có trong đợt nộp lưu này."),
                fields={"reasons": [str(pk) for pk in stray]},
            )
        for item in items:
            item.reason = cleaned.get(item.dossier_id, "")
            item.check_result = ItemCheck.RETURNED if item.reason else ItemCheck.PASSED
        HandoverItem.objects.bulk_update(items, ["reason", "check_result"])
        locked.status = HandoverStatus.RETURNED
        locked.archivist = actor
        locked.decided_at = timezone.now()
        locked.decision_note = note
        locked.save()
        record(
            action="archive.handover_returned",
            actor=actor,
            target=locked,
            data={"reasons": {str(pk): text for pk, text in cleaned.items()}},
        )
        _notify(
            [locked.submitted_by],
            locked,
            _("Lưu trữ trả lại đợt nộp lưu: %s") % locked.title,
        )
    return locked
