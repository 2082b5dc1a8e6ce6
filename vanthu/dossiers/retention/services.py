"""Reads and writes of the retention schedule: the reference rows plus the agency's own."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.core.text import clean_text
from vanthu.dossiers.models import RetentionScheduleItem
from vanthu.dossiers.permissions import agency_id_of, ensure_plan_editor
from vanthu.dossiers.plan_services import retention_clean

AGENCY_ORDINAL_BASE = 10_000  # an agency's own items follow the reference table


def schedule_for(*, actor: User) -> QuerySet[RetentionScheduleItem]:
    """Return the reference items and the actor's agency's own items, in table order."""
    if not actor.is_active or actor.agency_id is None:
        return RetentionScheduleItem.objects.none()
    return RetentionScheduleItem.objects.filter(
        Q(agency__isnull=True) | Q(agency_id=actor.agency_id)
    ).order_by("ordinal", "pk")


def _text(value: str, field: str, max_length: int) -> str:
    text = clean_text(value)
    if not text or len(text) > max_length:
        raise InvalidInputError(fields={field: [_("Cần nhập (tối đa %d ký tự).") % max_length]})
    return text


def schedule_item_add(
    *,
    actor: User,
    group_code: str,
    group_name: str,
    title: str,
    retention: str,
    legal_basis: str,
    version: str,
) -> RetentionScheduleItem:
    """Add an item of the agency's own to its retention schedule."""
    agency_id = agency_id_of(actor)
    ensure_plan_editor(actor, agency_id)
    item = RetentionScheduleItem(
        agency_id=agency_id,
        group_code=_text(group_code, "group_code", 10),
        group_name=_text(group_name, "group_name", 200),
        title=_text(title, "title", 500),
        retention=retention_clean(retention),
        legal_basis=_text(legal_basis, "legal_basis", 200),
        version=_text(version, "version", 20),
    )
    with transaction.atomic():
        count = RetentionScheduleItem.objects.filter(agency_id=agency_id).count()
        item.ordinal = AGENCY_ORDINAL_BASE + count + 1
        item.save()
        record(
            action="dossiers.schedule_item_added",
            actor=actor,
            target=item,
            data={"title": item.title, "retention": item.retention},
        )
    return item
