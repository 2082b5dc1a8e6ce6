"""JSON API of the hand-over to the agency archive: batches, the archivist's decision, the
Annex V forms, kept-back dossiers and the deactivation checklist."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from vanthu.accounts.auth import request_user
from vanthu.archive import services
from vanthu.archive.forms.output import FormFormat, FormKind, handover_form
from vanthu.archive.kept_back import kept_back_for, kept_back_record
from vanthu.archive.presenters import (
    checklist_out,
    compliance_out,
    handover_out,
    item_out,
    kept_back_out,
)
from vanthu.archive.report_files import compliance_file
from vanthu.archive.reports import filing_compliance
from vanthu.archive.schemas import (
    HandoverAcceptIn,
    HandoverChecklistOut,
    HandoverComplianceOut,
    HandoverComplianceQuery,
    HandoverDetailOut,
    HandoverFormQuery,
    HandoverKeptBackIn,
    HandoverKeptBackListOut,
    HandoverKeptBackOut,
    HandoverListOut,
    HandoverListQuery,
    HandoverReturnIn,
    HandoverSubmitIn,
)
from vanthu.archive.selectors import (
    deactivation_checklist_for,
    handover_get_for,
    handover_items_of,
    handovers_visible_for,
    item_counts,
)
from vanthu.core.api import ErrorOut, keyset_page
from vanthu.documents.printing.downloads import FileFormat
from vanthu.documents.printing.http import file_response
from vanthu.dossiers.selectors import dossier_get_for

router = Router(tags=["Nộp lưu"])


def _detail(request: HttpRequest, handover_id: int) -> dict[str, Any]:
    handover = handover_get_for(actor=request_user(request), pk=handover_id)
    items = handover_items_of(handover)
    body = handover_out(handover, dossier_total=len(items))
    body["items"] = [item_out(item) for item in items]
    return body


@router.post(
    "/handovers",
    response={201: HandoverDetailOut, 409: ErrorOut},
    summary="Nộp lưu hồ sơ",
    operation_id="handover_submit",
)
def handover_submit(request: HttpRequest, payload: HandoverSubmitIn) -> Status[dict[str, Any]]:
    """Submit a batch of closed dossiers (retention ≥ 5 years) to the agency archive."""
    handover = services.handover_submit(
        actor=request_user(request),
        dossier_ids=payload.dossier_ids,
        title=payload.title,
        notes={note.dossier_id: note.note for note in payload.notes},
    )
    return Status(201, _detail(request, handover.pk))


@router.get(
    "/handovers", response=HandoverListOut, summary="Đợt nộp lưu", operation_id="handover_list"
)
def handover_list(request: HttpRequest, query: Query[HandoverListQuery]) -> dict[str, Any]:
    """List the batches the user may see, newest first (keyset pagination)."""
    rows = handovers_visible_for(actor=request_user(request))
    if query.status:
        rows = rows.filter(status=query.status)
    page = keyset_page(
        rows, sort_field="submitted_at", cursor=query.cursor, limit=query.limit, descending=True
    )
    totals = item_counts([row.pk for row in page.items])
    return {
        "items": [handover_out(row, dossier_total=totals.get(row.pk, 0)) for row in page.items],
        "next_cursor": page.next_cursor,
    }


@router.get(
    "/handovers/{int:handover_id}",
    response=HandoverDetailOut,
    summary="Chi tiết đợt nộp lưu",
    operation_id="handover_get",
)
def handover_get(request: HttpRequest, handover_id: int) -> dict[str, Any]:
    """Return one batch with its inventory rows and the archivist's checks."""
    return _detail(request, handover_id)


@router.post(
    "/handovers/{int:handover_id}/accept",
    response={200: HandoverDetailOut, 409: ErrorOut},
    summary="Lưu trữ tiếp nhận đợt nộp lưu",
    operation_id="handover_accept",
)
def handover_accept(
    request: HttpRequest, handover_id: int, payload: HandoverAcceptIn
) -> dict[str, Any]:
    """Check each dossier against the inventory and receive the batch (archivists)."""
    actor = request_user(request)
    handover = handover_get_for(actor=actor, pk=handover_id)
    services.handover_accept(actor=actor, handover=handover, note=payload.note)
    return _detail(request, handover_id)


@router.post(
    "/handovers/{int:handover_id}/return",
    response={200: HandoverDetailOut, 409: ErrorOut},
    summary="Lưu trữ trả lại đợt nộp lưu",
    operation_id="handover_return",
)
def handover_return(
    request: HttpRequest, handover_id: int, payload: HandoverReturnIn
) -> dict[str, Any]:
    """Return the batch with a reason for each dossier found wrong (archivists)."""
    actor = request_user(request)
    handover = handover_get_for(actor=actor, pk=handover_id)
    services.handover_return(
        actor=actor,
        handover=handover,
        reasons={reason.dossier_id: reason.reason for reason in payload.reasons},
        note=payload.note,
    )
    return _detail(request, handover_id)


def _form(request: HttpRequest, handover_id: int, kind: FormKind, fmt: str) -> HttpResponse:
    file = handover_form(
        actor=request_user(request), handover_id=handover_id, kind=kind, fmt=FormFormat(fmt)
    )
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@router.get(
    "/handovers/{int:handover_id}/inventory",
    response={200: None},
    summary="Mục lục hồ sơ, tài liệu nộp lưu (DOCX hoặc PDF)",
    operation_id="handover_inventory",
)
def handover_inventory(
    request: HttpRequest, handover_id: int, query: Query[HandoverFormQuery]
) -> HttpResponse:
    """Return the inventory of the batch in the Annex V form."""
    return _form(request, handover_id, FormKind.INVENTORY, query.format)


@router.get(
    "/handovers/{int:handover_id}/minutes",
    response={200: None},
    summary="Biên bản giao nhận hồ sơ, tài liệu (DOCX hoặc PDF)",
    operation_id="handover_minutes",
)
def handover_minutes(
    request: HttpRequest, handover_id: int, query: Query[HandoverFormQuery]
) -> HttpResponse:
    """Return the minutes of the batch in the Annex V form (a draft until it is received)."""
    return _form(request, handover_id, FormKind.MINUTES, query.format)


@router.get(
    "/handover-kept-back",
    response=HandoverKeptBackListOut,
    summary="Danh sách hồ sơ giữ lại",
    operation_id="handover_kept_back_list",
)
def handover_kept_back_list(request: HttpRequest) -> dict[str, Any]:
    """The list of dossiers kept back past their due date (leaders and archivists)."""
    rows = kept_back_for(actor=request_user(request))[:1000]
    return {"items": [kept_back_out(row) for row in rows]}


@router.post(
    "/handover-kept-back",
    response={201: HandoverKeptBackOut, 409: ErrorOut},
    summary="Đồng ý giữ lại hồ sơ quá hạn nộp lưu",
    operation_id="handover_kept_back_record",
)
def handover_kept_back_create(
    request: HttpRequest, payload: HandoverKeptBackIn
) -> Status[dict[str, Any]]:
    """Record the leader's written consent to keep a closed dossier (at most 2 years)."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=payload.dossier_id)
    kept = kept_back_record(
        actor=actor,
        dossier=dossier,
        reason=payload.reason,
        kept_until=payload.kept_until,
        consent_reference=payload.consent_reference,
        consent_date=payload.consent_date,
    )
    return Status(201, kept_back_out(kept))


@router.get(
    "/handover-checklist/{int:user_id}",
    response=HandoverChecklistOut,
    summary="Hồ sơ phải bàn giao trước khi nghỉ việc, chuyển công tác",
    operation_id="handover_checklist",
)
def handover_checklist(request: HttpRequest, user_id: int) -> dict[str, Any]:
    """The dossiers a user still holds (for the administrator's deactivation screen)."""
    return checklist_out(deactivation_checklist_for(actor=request_user(request), user_id=user_id))


@router.get(
    "/handover-reports/filing",
    response=HandoverComplianceOut,
    summary="Báo cáo lập hồ sơ và nộp lưu theo đơn vị, cá nhân",
    operation_id="handover_filing_report",
)
def handover_filing_report(
    request: HttpRequest, query: Query[HandoverComplianceQuery]
) -> dict[str, Any]:
    """Documents handled vs filed, dossiers opened/closed, dossiers overdue for hand-over."""
    return compliance_out(filing_compliance(actor=request_user(request), year=query.year))


@router.get(
    "/handover-reports/filing/xlsx",
    response={200: None},
    summary="Báo cáo lập hồ sơ và nộp lưu (XLSX)",
    operation_id="handover_filing_report_xlsx",
)
def handover_filing_report_xlsx(
    request: HttpRequest, query: Query[HandoverComplianceQuery]
) -> HttpResponse:
    """The same report as an Excel workbook."""
    return file_response(
        compliance_file(actor=request_user(request), file_format=FileFormat.XLSX, year=query.year)
    )
