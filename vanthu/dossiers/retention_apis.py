"""JSON API of the retention schedule (reference table and the agency's own items)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from vanthu.accounts.auth import request_user
from vanthu.dossiers.models import RetentionScheduleItem
from vanthu.dossiers.retention.services import schedule_for, schedule_item_add
from vanthu.dossiers.schemas import (
    DossierScheduleItemIn,
    DossierScheduleItemOut,
    DossierScheduleListOut,
)

router = Router(tags=["Danh mục hồ sơ"])


def _out(item: RetentionScheduleItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "own": item.agency_id is not None,
        "group_code": item.group_code,
        "group_name": item.group_name,
        "title": item.title,
        "retention": item.retention,
        "retention_label": item.get_retention_display(),
        "legal_basis": item.legal_basis,
        "version": item.version,
    }


@router.get(
    "/retention-schedule",
    response=DossierScheduleListOut,
    summary="Bảng thời hạn bảo quản",
    operation_id="retention_schedule_list",
)
def retention_schedule_list(request: HttpRequest) -> dict[str, Any]:
    """List the reference retention schedule and the agency's own items."""
    items = schedule_for(actor=request_user(request))
    return {"items": [_out(item) for item in items], "next_cursor": None}


@router.post(
    "/retention-schedule",
    response={201: DossierScheduleItemOut},
    summary="Thêm mục vào bảng thời hạn bảo quản của cơ quan",
    operation_id="retention_schedule_add",
)
def retention_schedule_add(
    request: HttpRequest, payload: DossierScheduleItemIn
) -> Status[dict[str, Any]]:
    """Add an item of the agency's own (office, archive or leaders)."""
    item = schedule_item_add(actor=request_user(request), **payload.dict())
    return Status(201, _out(item))
