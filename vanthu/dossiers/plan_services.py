"""Writes of the file plan: create or copy, headings, items with their codes, approve, issue."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.core.text import clean_text, fold
from vanthu.dossiers.enums import FilePlanStatus, Numbering, Retention
from vanthu.dossiers.errors import (
    DuplicatePlanCodeError,
    FilePlanExistsError,
    FilePlanNotEditableError,
    FilePlanStateError,
)
from vanthu.dossiers.models import FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.permissions import ensure_leader, ensure_plan_editor

MIN_YEAR, MAX_YEAR = 2000, 2100


def _required(value: str, field: str, max_length: int) -> str:
    text = clean_text(value)
    if not text:
        raise InvalidInputError(fields={field: [_("Trường này là bắt buộc.")]})
    if len(text) > max_length:
        raise InvalidInputError(fields={field: [_("Quá dài (tối đa %d ký tự).") % max_length]})
    return text


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInputError(fields={"year": [_("Năm không hợp lệ.")]})
    return year


def retention_clean(value: str) -> Retention:
    """Return ``value`` as a retention value, or refuse it."""
    if value not in Retention.values:
        raise InvalidInputError(fields={"retention": [_("Thời hạn bảo quản không hợp lệ.")]})
    return Retention(value)


def _ensure_draft(plan: FilePlan) -> None:
    if plan.status != FilePlanStatus.DRAFT:
        raise FilePlanNotEditableError


def file_plan_create(
    *, actor: User, year: int, numbering: Numbering = Numbering.CONTINUOUS
) -> FilePlan:
    """Start an empty file plan of the actor's agency for ``year``."""
    if actor.agency_id is None:
        raise PermissionDeniedError
    ensure_plan_editor(actor, actor.agency_id)
    year = _year(year)
    with transaction.atomic():
        if FilePlan.objects.filter(agency_id=actor.agency_id, year=year).exists():
            raise FilePlanExistsError
        plan = FilePlan.objects.create(
            agency_id=actor.agency_id, year=year, numbering=numbering, created_by=actor
        )
        record(action="dossiers.plan_created", actor=actor, target=plan, data={"year": year})
    return plan


def file_plan_copy(*, actor: User, source: FilePlan, year: int) -> FilePlan:
    """Start the plan of ``year`` as a copy of ``source`` (headings and items, to adjust)."""
    ensure_plan_editor(actor, source.agency_id)
    year = _year(year)
    with transaction.atomic():
        if FilePlan.objects.filter(agency_id=source.agency_id, year=year).exists():
            raise FilePlanExistsError
        plan = FilePlan.objects.create(
            agency_id=source.agency_id,
            year=year,
            numbering=source.numbering,
            created_by=actor,
            copied_from=source,
        )
        mapping: dict[int, FilePlanHeading] = {}
        # Large headings first (NULL sorts last on PostgreSQL, first on SQLite).
        headings = source.headings.order_by("number", "pk")
        for heading in [*headings.filter(parent__isnull=True), *headings.exclude(parent=None)]:
            parent = mapping.get(heading.parent_id) if heading.parent_id else None
            mapping[heading.pk] = FilePlanHeading.objects.create(
                plan=plan,
                parent=parent,
                number=heading.number,
                title=heading.title,
                abbreviation=heading.abbreviation,
            )
        FilePlanItem.objects.bulk_create(
            FilePlanItem(
                plan=plan,
                heading=mapping[item.heading_id],
                number=item.number,
                code=item.code,
                title=item.title,
                retention=item.retention,
                responsible_unit_id=item.responsible_unit_id,
                responsible_user_id=item.responsible_user_id,
                keywords=item.keywords,
                keywords_folded=item.keywords_folded,
                note=item.note,
            )
            for item in source.items.all()
        )
        record(
            action="dossiers.plan_copied",
            actor=actor,
            target=plan,
            data={"year": year, "source": source.pk},
        )
    return plan


def heading_add(
    *,
    actor: User,
    plan: FilePlan,
    title: str,
    abbreviation: str = "",
    parent: FilePlanHeading | None = None,
) -> FilePlanHeading:
    """Add a large heading (Roman numeral; needs an abbreviation) or one inside ``parent``."""
    ensure_plan_editor(actor, plan.agency_id)
    title = _required(title, "title", 300)
    abbreviation = clean_text(abbreviation).upper()[:20]
    if parent is None and not abbreviation:
        raise InvalidInputError(
            fields={"abbreviation": [_("Đề mục lớn cần có chữ viết tắt (ví dụ TCCB).")]}
        )
    if parent is not None and (parent.plan_id != plan.pk or parent.parent_id is not None):
        raise InvalidInputError(fields={"parent": [_("Đề mục lớn không hợp lệ.")]})
    with transaction.atomic():
        locked = FilePlan.objects.select_for_update().get(pk=plan.pk)
        _ensure_draft(locked)
        last = FilePlanHeading.objects.filter(plan=locked, parent=parent).aggregate(m=Max("number"))
        heading = FilePlanHeading.objects.create(
            plan=locked,
            parent=parent,
            number=(last["m"] or 0) + 1,
            title=title,
            abbreviation=abbreviation,
        )
        record(action="dossiers.plan_heading_added", actor=actor, target=heading, data={})
    return heading


def _top(heading: FilePlanHeading) -> FilePlanHeading:
    return heading.parent if heading.parent is not None else heading


def _next_number(plan: FilePlan, heading: FilePlanHeading) -> int:
    items = FilePlanItem.objects.filter(plan=plan)
    if plan.numbering == Numbering.PER_HEADING:
        top = _top(heading)
        items = items.filter(heading__in=[top.pk, *top.children.values_list("pk", flat=True)])
    return int(items.aggregate(m=Max("number"))["m"] or 0) + 1


def plan_item_code_next(*, heading: FilePlanHeading) -> tuple[int, str]:
    """Return the number and the code (``02.TCCB``) the next item under ``heading`` gets when
    no code is typed: the one rule of ``plan_item_add`` and of the form's proposal."""
    number = _next_number(heading.plan, heading)
    return number, f"{number:02d}.{_top(heading).abbreviation}"


def _unit(plan: FilePlan, unit: OrgUnit | None) -> OrgUnit | None:
    if unit is not None and unit.agency_id != plan.agency_id:
        raise InvalidInputError(fields={"responsible_unit": [_("Đơn vị không thuộc cơ quan.")]})
    return unit


def plan_item_add(
    *,
    actor: User,
    heading: FilePlanHeading,
    title: str,
    retention: Retention | str,
    code: str = "",
    responsible_unit: OrgUnit | None = None,
    responsible_user: User | None = None,
    keywords: str = "",
    note: str = "",
) -> FilePlanItem:
    """Add a planned dossier; its code is the next number and the large heading's abbreviation
    (``01.TCCB``) unless ``code`` is given. A code already in the plan is refused."""
    plan = heading.plan
    ensure_plan_editor(actor, plan.agency_id)
    title = _required(title, "title", 500)
    retention = retention_clean(retention)
    if responsible_user is not None and responsible_user.agency_id != plan.agency_id:
        raise InvalidInputError(fields={"responsible_user": [_("Người không thuộc cơ quan.")]})
    keywords = clean_text(keywords)[:500]
    with transaction.atomic():
        locked = FilePlan.objects.select_for_update().get(pk=plan.pk)
        _ensure_draft(locked)
        number, proposed = plan_item_code_next(heading=heading)
        final_code = clean_text(code)[:40] or proposed
        if FilePlanItem.objects.filter(plan=locked, code=final_code).exists():
            raise DuplicatePlanCodeError(fields={"code": [_("Trùng số và ký hiệu hồ sơ.")]})
        item = FilePlanItem.objects.create(
            plan=locked,
            heading=heading,
            number=number,
            code=final_code,
            title=title,
            retention=retention,
            responsible_unit=_unit(locked, responsible_unit),
            responsible_user=responsible_user,
            keywords=keywords,
            keywords_folded=fold(keywords),
            note=clean_text(note)[:500],
        )
        record(
            action="dossiers.plan_item_added", actor=actor, target=item, data={"code": item.code}
        )
    return item


def file_plan_approve(*, actor: User, plan: FilePlan) -> FilePlan:
    """Approve a draft plan (the agency's leader)."""
    ensure_leader(actor, plan.agency_id)
    with transaction.atomic():
        locked = FilePlan.objects.select_for_update().get(pk=plan.pk)
        if locked.status != FilePlanStatus.DRAFT:
            raise FilePlanStateError
        if not locked.items.exists():
            raise InvalidInputError(_("Danh mục hồ sơ chưa có hồ sơ nào."))
        locked.status = FilePlanStatus.APPROVED
        locked.approved_by = actor
        locked.approved_at = timezone.now()
        locked.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
        record(action="dossiers.plan_approved", actor=actor, target=locked, data={})
    return locked


def file_plan_issue(
    *, actor: User, plan: FilePlan, decision_number: str, decision_date: dt.date
) -> FilePlan:
    """Issue an approved plan with its Quyết định (number and date)."""
    ensure_plan_editor(actor, plan.agency_id)
    decision_number = _required(decision_number, "decision_number", 50)
    with transaction.atomic():
        locked = FilePlan.objects.select_for_update().get(pk=plan.pk)
        if locked.status != FilePlanStatus.APPROVED:
            raise FilePlanStateError(_("Danh mục hồ sơ phải được phê duyệt trước khi ban hành."))
        locked.status = FilePlanStatus.ISSUED
        locked.decision_number = decision_number
        locked.decision_date = decision_date
        locked.issued_at = timezone.now()
        locked.save(
            update_fields=["status", "decision_number", "decision_date", "issued_at", "updated_at"]
        )
        record(
            action="dossiers.plan_issued",
            actor=actor,
            target=locked,
            data={"decision_number": decision_number, "decision_date": decision_date},
        )
    return locked
