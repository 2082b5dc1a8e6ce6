"""JSON API of the file plan (danh mục hồ sơ): create or copy, headings, items, approve, issue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut
from vanthu.core.errors import InvalidInputError
from vanthu.dossiers import plan_services
from vanthu.dossiers.enums import Numbering, Retention
from vanthu.dossiers.models import FilePlanHeading
from vanthu.dossiers.presenters import heading_out, plan_item_out, plan_out
from vanthu.dossiers.printing import DOCX_MEDIA_TYPE, plan_docx, plan_pdf
from vanthu.dossiers.schemas import (
    DossierHeadingIn,
    DossierHeadingOut,
    DossierPlanIn,
    DossierPlanIssueIn,
    DossierPlanItemIn,
    DossierPlanItemListOut,
    DossierPlanItemOut,
    DossierPlanListOut,
    DossierPlanOut,
    DossierPlanPrintQuery,
)
from vanthu.dossiers.selectors import file_plan_get_for, file_plans_for, plan_items_of

router = Router(tags=["Danh mục hồ sơ"])


def _heading(plan_id: int, heading_id: int | None, field: str) -> FilePlanHeading | None:
    if heading_id is None:
        return None
    heading = FilePlanHeading.objects.filter(plan_id=plan_id, pk=heading_id).first()
    if heading is None:
        raise InvalidInputError(fields={field: ["Không tìm thấy đề mục."]})
    return heading


@router.get(
    "/file-plans", response=DossierPlanListOut, summary="Danh mục hồ sơ", operation_id="plan_list"
)
def plan_list(request: HttpRequest) -> dict[str, Any]:
    """List the agency's file plans, newest year first."""
    plans = file_plans_for(actor=request_user(request))
    return {"items": [plan_out(plan) for plan in plans], "next_cursor": None}


@router.post(
    "/file-plans",
    response={201: DossierPlanOut, 409: ErrorOut},
    summary="Lập danh mục hồ sơ",
    operation_id="plan_create",
)
def plan_create(request: HttpRequest, payload: DossierPlanIn) -> Status[dict[str, Any]]:
    """Start the plan of a year, empty or as a copy of an earlier plan (``copy_from``)."""
    actor = request_user(request)
    if payload.copy_from is not None:
        source = file_plan_get_for(actor=actor, pk=payload.copy_from)
        plan = plan_services.file_plan_copy(actor=actor, source=source, year=payload.year)
    else:
        plan = plan_services.file_plan_create(
            actor=actor, year=payload.year, numbering=Numbering(payload.numbering)
        )
    return Status(201, plan_out(plan))


@router.get(
    "/file-plans/{int:plan_id}",
    response=DossierPlanOut,
    summary="Chi tiết danh mục hồ sơ",
    operation_id="plan_get",
)
def plan_get(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    """Return one file plan of the agency."""
    return plan_out(file_plan_get_for(actor=request_user(request), pk=plan_id))


@router.post(
    "/file-plans/{int:plan_id}/headings",
    response={201: DossierHeadingOut, 409: ErrorOut},
    summary="Thêm đề mục",
    operation_id="plan_heading_add",
)
def plan_heading_add(
    request: HttpRequest, plan_id: int, payload: DossierHeadingIn
) -> Status[dict[str, Any]]:
    """Add a large heading (Roman numeral, abbreviation) or a heading inside ``parent_id``."""
    actor = request_user(request)
    plan = file_plan_get_for(actor=actor, pk=plan_id)
    heading = plan_services.heading_add(
        actor=actor,
        plan=plan,
        title=payload.title,
        abbreviation=payload.abbreviation,
        parent=_heading(plan.pk, payload.parent_id, "parent_id"),
    )
    return Status(201, heading_out(heading))


@router.get(
    "/file-plans/{int:plan_id}/items",
    response=DossierPlanItemListOut,
    summary="Hồ sơ trong danh mục",
    operation_id="plan_item_list",
)
def plan_item_list(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    """List the plan's dossiers in number order."""
    plan = file_plan_get_for(actor=request_user(request), pk=plan_id)
    return {"items": [plan_item_out(item) for item in plan_items_of(plan)], "next_cursor": None}


@router.post(
    "/file-plans/{int:plan_id}/items",
    response={201: DossierPlanItemOut, 409: ErrorOut},
    summary="Thêm hồ sơ vào danh mục",
    operation_id="plan_item_add",
)
def plan_item_add(
    request: HttpRequest, plan_id: int, payload: DossierPlanItemIn
) -> Status[dict[str, Any]]:
    """Add a planned dossier; its code is computed (``01.TCCB``) unless given."""
    actor = request_user(request)
    plan = file_plan_get_for(actor=actor, pk=plan_id)
    heading = _heading(plan.pk, payload.heading_id, "heading_id")
    assert heading is not None  # noqa: S101 - an id was given
    item = plan_services.plan_item_add(
        actor=actor,
        heading=heading,
        title=payload.title,
        retention=Retention(payload.retention),
        code=payload.code,
        keywords=payload.keywords,
        note=payload.note,
    )
    return Status(201, plan_item_out(item))


@router.post(
    "/file-plans/{int:plan_id}/approve",
    response={200: DossierPlanOut, 409: ErrorOut},
    summary="Phê duyệt danh mục hồ sơ",
    operation_id="plan_approve",
)
def plan_approve(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    """Approve the draft plan (the agency's leader)."""
    actor = request_user(request)
    plan = file_plan_get_for(actor=actor, pk=plan_id)
    return plan_out(plan_services.file_plan_approve(actor=actor, plan=plan))


@router.post(
    "/file-plans/{int:plan_id}/issue",
    response={200: DossierPlanOut, 409: ErrorOut},
    summary="Ban hành danh mục hồ sơ",
    operation_id="plan_issue",
)
def plan_issue(request: HttpRequest, plan_id: int, payload: DossierPlanIssueIn) -> dict[str, Any]:
    """Issue the approved plan with its Quyết định."""
    actor = request_user(request)
    plan = file_plan_get_for(actor=actor, pk=plan_id)
    issued = plan_services.file_plan_issue(
        actor=actor,
        plan=plan,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
    )
    return plan_out(issued)


@router.get(
    "/file-plans/{int:plan_id}/print",
    response={200: None},
    summary="In danh mục hồ sơ (mẫu Phụ lục V)",
    operation_id="plan_print",
)
def plan_print(
    request: HttpRequest, plan_id: int, query: Query[DossierPlanPrintQuery]
) -> HttpResponse:
    """Return the plan in the Annex V form as DOCX or PDF, with the permanent/fixed totals."""
    plan = file_plan_get_for(actor=request_user(request), pk=plan_id)
    if query.format == "docx":
        content, media_type = plan_docx(plan), DOCX_MEDIA_TYPE
    else:
        content, media_type = plan_pdf(plan), "application/pdf"
    response = HttpResponse(content, content_type=media_type)
    filename = f"danh-muc-ho-so-{plan.year}.{query.format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
