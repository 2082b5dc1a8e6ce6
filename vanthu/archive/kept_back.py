"""Kept-back dossiers: a unit keeps a closed dossier past its hand-over due date with the head's
written consent, at most 2 years (Decree 30 Art. 31.3.d); the archive keeps the list."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import max_confidentiality
from vanthu.archive.access import ensure_leader, is_handed_over_retention, sees_whole_agency
from vanthu.archive.errors import (
    HandoverDossierOpenError,
    HandoverShortRetentionError,
    KeptBackExistsError,
    KeptBackTooLongError,
)
from vanthu.archive.models import KeptBackDossier
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import Dossier, add_months

MAX_KEPT_MONTHS = 24


def _required(value: str, field: str, max_length: int) -> str:
    text = clean_text(value)[:max_length]
    if not text:
        raise InvalidInputError(fields={field: [_("Trường này là bắt buộc.")]})
    return text


def kept_back_record(
    *,
    actor: User,
    dossier: Dossier,
    reason: str,
    kept_until: dt.date,
    consent_reference: str,
    consent_date: dt.date,
) -> KeptBackDossier:
    """Record the leader's written consent to keep ``dossier`` until ``kept_until``."""
    ensure_leader(actor, dossier.agency_id)
    reason = _required(reason, "reason", 1000)
    consent_reference = _required(consent_reference, "consent_reference", 200)
    if dossier.status != DossierStatus.CLOSED:
        raise HandoverDossierOpenError(_("Chỉ hồ sơ đã kết thúc, chưa nộp lưu mới được giữ lại."))
    if not is_handed_over_retention(dossier.retention):
        raise HandoverShortRetentionError
    due = dossier.handover_due
    if due is None:
        raise InvalidInputError(
            fields={"kept_until": [_("Hồ sơ chưa có hạn nộp lưu (thiếu ngày quyết toán).")]}
        )
    limit = add_months(due, MAX_KEPT_MONTHS)
    if kept_until > limit:
        raise KeptBackTooLongError(fields={"kept_until": [limit.isoformat()]})
    if kept_until <= due:
        raise InvalidInputError(
            fields={"kept_until": [_("Ngày giữ lại phải sau hạn nộp lưu (%s).") % due.isoformat()]}
        )
    try:
        with transaction.atomic():
            kept = KeptBackDossier.objects.create(
                agency_id=dossier.agency_id,
                dossier=dossier,
                consent_by=actor,
                consent_reference=consent_reference,
                consent_date=consent_date,
                reason=reason,
                kept_until=kept_until,
            )
            record(
                action="archive.kept_back_recorded",
                actor=actor,
                target=dossier,
                data={"kept_until": kept_until, "consent": consent_reference},
            )
    except IntegrityError as exc:
        raise KeptBackExistsError from exc
    return kept


def kept_back_for(*, actor: User) -> QuerySet[KeptBackDossier]:
    """Return the list of kept-back dossiers of the agency (leaders and archivists)."""
    if actor.agency_id is None or not sees_whole_agency(actor):
        return KeptBackDossier.objects.none()
    return (
        KeptBackDossier.objects.filter(
            agency_id=actor.agency_id,
            dossier__confidentiality__lte=max_confidentiality(actor),
        )
        .select_related("dossier", "consent_by")
        .order_by("kept_until", "pk")
    )
