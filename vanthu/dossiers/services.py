"""Writes of dossiers: open, add and remove documents (each kept once, numbered in order)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.core.text import clean_text
from vanthu.documents.models import Document
from vanthu.documents.numbering import today_in_vietnam
from vanthu.dossiers.enums import DossierStatus, Retention, Rights
from vanthu.dossiers.errors import (
    DocumentAlreadyFiledError,
    DossierClosedError,
    DossierCodeExistsError,
)
from vanthu.dossiers.models import Dossier, DossierItem, FilePlanItem
from vanthu.dossiers.permissions import ensure_member, ensure_writer
from vanthu.dossiers.plan_services import retention_clean
from vanthu.dossiers.selectors import document_get_for


def _text(value: str, field: str, max_length: int) -> str:
    text = clean_text(value)
    if not text:
        raise InvalidInputError(fields={field: [_("Trường này là bắt buộc.")]})
    if len(text) > max_length:
        raise InvalidInputError(fields={field: [_("Quá dài (tối đa %d ký tự).") % max_length]})
    return text


# A dossier is opened on a day of the work it files: not in the future, not before 1945.
EARLIEST_OPENING = dt.date(1945, 9, 2)


def _opening_day(opened_on: dt.date | None) -> dt.date:
    today = today_in_vietnam()
    day = opened_on or today
    if not EARLIEST_OPENING <= day <= today:
        raise InvalidInputError(
            fields={"opened_on": [_("Ngày mở hồ sơ không được sau hôm nay hoặc trước năm 1945.")]}
        )
    return day


def dossier_open(
    *,
    actor: User,
    plan_item: FilePlanItem | None = None,
    title: str = "",
    code: str = "",
    retention: Retention | str | None = None,
    rights: Rights = Rights.PUBLIC,
    opened_on: dt.date | None = None,
    is_construction: bool = False,
    description: str = "",
) -> Dossier:
    """Open a dossier from a plan item (its code, title and retention are the defaults) or
    outside the plan (title, code and retention required). The actor becomes its creator."""
    if actor.agency_id is None:
        raise PermissionDeniedError
    ensure_member(actor, actor.agency_id)
    day = _opening_day(opened_on)
    if plan_item is not None:
        if plan_item.plan.agency_id != actor.agency_id:
            raise NotFoundError(_("Không tìm thấy hồ sơ trong danh mục."))
        title = title or plan_item.title
        code = code or plan_item.code
        retention = retention or Retention(plan_item.retention)
    if retention is None:
        raise InvalidInputError(fields={"retention": [_("Cần chọn thời hạn bảo quản.")]})
    retention = retention_clean(retention)
    dossier = Dossier(
        agency_id=actor.agency_id,
        unit_id=actor.unit_id,
        plan_item=plan_item,
        year=plan_item.plan.year if plan_item is not None else day.year,
        code=_text(code, "code", 40),
        title=_text(title, "title", 500),
        retention=retention,
        rights=rights,
        creator=actor,
        opened_on=day,
        is_construction=is_construction,
        description=clean_text(description),
    )
    try:
        with transaction.atomic():
            dossier.save()
            record(
                action="dossiers.opened",
                actor=actor,
                target=dossier,
                data={"code": dossier.code, "plan_item": plan_item.pk if plan_item else None},
            )
    except IntegrityError as exc:
        raise DossierCodeExistsError(fields={"code": [_("Trùng số và ký hiệu hồ sơ.")]}) from exc
    return dossier


def locked_open(dossier: Dossier) -> Dossier:
    """Return ``dossier`` locked for update; refuse a dossier that is not open."""
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if locked.status != DossierStatus.OPEN:
        raise DossierClosedError
    return locked


def dossier_document_add(
    *, actor: User, dossier: Dossier, document_id: int, is_draft: bool = False
) -> DossierItem:
    """File a document into an open dossier with the next ordinal (never a copy).

    The dossier becomes at least as confidential as the document.
    """
    ensure_writer(actor, dossier)
    document = document_get_for(actor=actor, pk=document_id)
    with transaction.atomic():
        locked = locked_open(dossier)
        if DossierItem.objects.filter(dossier=locked, document=document).exists():
            raise DocumentAlreadyFiledError
        last = DossierItem.objects.filter(dossier=locked).aggregate(m=Max("ordinal"))["m"]
        item = DossierItem.objects.create(
            dossier=locked,
            document=document,
            ordinal=(last or 0) + 1,
            pages=document.page_amount,
            is_draft=is_draft,
            added_by=actor,
        )
        raised = document.confidentiality > locked.confidentiality
        if raised:
            locked.confidentiality = document.confidentiality
        locked.doc_total += 1
        locked.page_total += document.page_amount
        locked.save(update_fields=["confidentiality", "doc_total", "page_total", "updated_at"])
        record(
            action="dossiers.document_added",
            actor=actor,
            target=locked,
            data={"document": document.pk, "ordinal": item.ordinal, "level_raised": raised},
        )
    dossier.refresh_from_db()
    return item


def dossier_document_remove(*, actor: User, dossier: Dossier, document_id: int) -> Dossier:
    """Take a document (a duplicate, a draft) out of an open dossier; renumber the rest."""
    ensure_writer(actor, dossier)
    with transaction.atomic():
        locked = locked_open(dossier)
        item = DossierItem.objects.filter(dossier=locked, document_id=document_id).first()
        if item is None:
            raise NotFoundError(_("Văn bản không có trong hồ sơ."))
        item.delete()
        _renumber(locked)
        _totals(locked)
        record(
            action="dossiers.document_removed",
            actor=actor,
            target=locked,
            data={"document": document_id},
        )
    return locked


def _renumber(dossier: Dossier) -> None:
    items = list(DossierItem.objects.filter(dossier=dossier).order_by("ordinal"))
    # Two passes: the (dossier, ordinal) constraint holds at every step.
    offset = len(items) + 1000
    for item in items:
        item.ordinal += offset
        item.save(update_fields=["ordinal"])
    for position, item in enumerate(items, start=1):
        item.ordinal = position
        item.save(update_fields=["ordinal"])


def _totals(dossier: Dossier) -> None:
    items = DossierItem.objects.filter(dossier=dossier).select_related("document")
    dossier.doc_total = items.count()
    dossier.page_total = sum(item.pages for item in items)
    levels = [item.document.confidentiality for item in items]
    dossier.confidentiality = max([dossier.confidentiality, *levels])
    dossier.save(update_fields=["doc_total", "page_total", "confidentiality", "updated_at"])


def document_filed(document: Document, *, by: User) -> bool:
    """Return whether ``document`` is in a dossier created by ``by``."""
    return DossierItem.objects.filter(document=document, dossier__creator=by).exists()


def dossier_viewed(*, actor: User, dossier: Dossier) -> None:
    """Record that ``actor`` opened the dossier (Annex VI access history)."""
    with transaction.atomic():
        record(action="dossiers.viewed", actor=actor, target=dossier, data={})
