"""JSON API of dossiers: open, list, detail, add documents, close, reopen, export, one-click
filing proposals and the "chưa lập hồ sơ" worklist."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Status, UploadedFile

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut, keyset_page
from vanthu.dossiers import closing, proposals, services
from vanthu.dossiers.enums import Retention, Rights
from vanthu.dossiers.exports.service import dossier_export
from vanthu.dossiers.presenters import dossier_out, item_out, proposal_out, unfiled_out
from vanthu.dossiers.schemas import (
    DossierAddIn,
    DossierCloseIn,
    DossierConfirmIn,
    DossierDetailOut,
    DossierExportQuery,
    DossierItemOut,
    DossierListOut,
    DossierOpenIn,
    DossierProposalListOut,
    DossierQuery,
    DossierReopenIn,
    DossierUnfiledListOut,
    DossierUploadIn,
)
from vanthu.dossiers.selectors import (
    dossier_get_for,
    dossier_items_of,
    dossiers_visible_for,
    plan_item_get_for,
)
from vanthu.dossiers.uploads import UploadMeta, dossier_upload
from vanthu.dossiers.worklist import unfiled_for

router = Router(tags=["Hồ sơ"])


def _detail(request: HttpRequest, dossier_id: int) -> dict[str, Any]:
    dossier = dossier_get_for(actor=request_user(request), pk=dossier_id)
    body = dossier_out(dossier)
    body["items"] = [item_out(item) for item in dossier_items_of(dossier)]
    return body


@router.post(
    "/dossiers",
    response={201: DossierDetailOut, 409: ErrorOut},
    summary="Mở hồ sơ",
    operation_id="dossier_open",
)
def dossier_open(request: HttpRequest, payload: DossierOpenIn) -> Status[dict[str, Any]]:
    """Open a dossier from a plan item, or outside the plan (title, code, retention)."""
    actor = request_user(request)
    item = (
        plan_item_get_for(actor=actor, pk=payload.plan_item_id)
        if payload.plan_item_id is not None
        else None
    )
    dossier = services.dossier_open(
        actor=actor,
        plan_item=item,
        title=payload.title,
        code=payload.code,
        retention=Retention(payload.retention) if payload.retention is not None else None,
        rights=Rights(payload.rights),
        is_construction=payload.is_construction,
        description=payload.description,
    )
    return Status(201, _detail(request, dossier.pk))


@router.get("/dossiers", response=DossierListOut, summary="Hồ sơ", operation_id="dossier_list")
def dossier_list(request: HttpRequest, query: Query[DossierQuery]) -> dict[str, Any]:
    """List the dossiers the user may see, newest first (keyset pagination)."""
    actor = request_user(request)
    rows = dossiers_visible_for(actor=actor)
    if query.status:
        rows = rows.filter(status=query.status)
    if query.mine:
        rows = rows.filter(creator=actor)
    page = keyset_page(
        rows, sort_field="opened_on", cursor=query.cursor, limit=query.limit, descending=True
    )
    return {"items": [dossier_out(row) for row in page.items], "next_cursor": page.next_cursor}


@router.get(
    "/dossiers/{int:dossier_id}",
    response=DossierDetailOut,
    summary="Chi tiết hồ sơ",
    operation_id="dossier_get",
)
def dossier_get(request: HttpRequest, dossier_id: int) -> dict[str, Any]:
    """Return one dossier with its documents in order (the view is audited)."""
    actor = request_user(request)
    services.dossier_viewed(actor=actor, dossier=dossier_get_for(actor=actor, pk=dossier_id))
    return _detail(request, dossier_id)


@router.post(
    "/dossiers/{int:dossier_id}/documents",
    response={201: DossierItemOut, 409: ErrorOut},
    summary="Thêm văn bản vào hồ sơ",
    operation_id="dossier_document_add",
)
def dossier_document_add(
    request: HttpRequest, dossier_id: int, payload: DossierAddIn
) -> Status[dict[str, Any]]:
    """File a document (kept once, never copied) with the next ordinal."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    item = services.dossier_document_add(
        actor=actor, dossier=dossier, document_id=payload.document_id, is_draft=payload.is_draft
    )
    return Status(201, item_out(item))


@router.post(
    "/dossiers/{int:dossier_id}/uploads",
    response={201: DossierItemOut, 409: ErrorOut, 413: ErrorOut, 415: ErrorOut},
    summary="Tải tệp vào hồ sơ (văn bản nội bộ, ảnh, ghi âm, phim)",
    operation_id="dossier_upload",
)
def dossier_upload_file(
    request: HttpRequest,
    dossier_id: int,
    file: File[UploadedFile],
    meta: Form[DossierUploadIn],
) -> Status[dict[str, Any]]:
    """Store an internal file as a document of the agency and file it into the dossier."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    try:
        item = dossier_upload(
            actor=actor,
            dossier=dossier,
            fileobj=file,
            filename=str(file.name or ""),
            meta=UploadMeta(**meta.dict()),
        )
    finally:
        file.close()
    return Status(201, item_out(item))


@router.post(
    "/dossiers/{int:dossier_id}/documents/{int:document_id}/remove",
    response={200: DossierDetailOut, 409: ErrorOut},
    summary="Loại văn bản khỏi hồ sơ",
    operation_id="dossier_document_remove",
)
def dossier_document_remove(
    request: HttpRequest, dossier_id: int, document_id: int
) -> dict[str, Any]:
    """Take a duplicate or a draft out of an open dossier (the rest is renumbered)."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    services.dossier_document_remove(actor=actor, dossier=dossier, document_id=document_id)
    return _detail(request, dossier_id)


@router.post(
    "/dossiers/{int:dossier_id}/close",
    response={200: DossierDetailOut, 409: ErrorOut},
    summary="Kết thúc hồ sơ",
    operation_id="dossier_close",
)
def dossier_close(request: HttpRequest, dossier_id: int, payload: DossierCloseIn) -> dict[str, Any]:
    """Close the dossier: checks, dates, totals, closing note; retention given again."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    closing.dossier_close(
        actor=actor,
        dossier=dossier,
        retention=Retention(payload.retention),
        title=payload.title,
        note=payload.note,
        settlement_date=payload.settlement_date,
    )
    return _detail(request, dossier_id)


@router.post(
    "/dossiers/{int:dossier_id}/reopen",
    response={200: DossierDetailOut, 409: ErrorOut},
    summary="Mở lại hồ sơ",
    operation_id="dossier_reopen",
)
def dossier_reopen(
    request: HttpRequest, dossier_id: int, payload: DossierReopenIn
) -> dict[str, Any]:
    """Reopen a closed dossier with a reason (audited)."""
    actor = request_user(request)
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    closing.dossier_reopen(actor=actor, dossier=dossier, reason=payload.reason)
    return _detail(request, dossier_id)


@router.get(
    "/dossiers/{int:dossier_id}/export",
    response={200: None},
    summary="Xuất hồ sơ (PDF hoặc XML)",
    operation_id="dossier_export",
)
def dossier_export_file(
    request: HttpRequest, dossier_id: int, query: Query[DossierExportQuery]
) -> HttpResponse:
    """Return the dossier as one PDF (contents, then documents by date) or as Annex VI XML."""
    exported = dossier_export(actor=request_user(request), dossier_id=dossier_id, fmt=query.format)
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@router.get(
    "/dossier-proposals/{int:document_id}",
    response=DossierProposalListOut,
    summary="Đề xuất hồ sơ cho văn bản",
    operation_id="dossier_proposals",
)
def dossier_proposals(request: HttpRequest, document_id: int) -> dict[str, Any]:
    """Propose where to file a document just handled (reply chain, plan item, keywords)."""
    found = proposals.proposals_for(actor=request_user(request), document_id=document_id)
    return {"items": [proposal_out(proposal) for proposal in found]}


@router.post(
    "/dossier-proposals/{int:document_id}/confirm",
    response={201: DossierItemOut, 409: ErrorOut},
    summary="Lập hồ sơ một chạm",
    operation_id="dossier_proposal_confirm",
)
def dossier_proposal_confirm(
    request: HttpRequest, document_id: int, payload: DossierConfirmIn
) -> Status[dict[str, Any]]:
    """File the document into the chosen dossier, or one opened from the chosen plan item."""
    item = proposals.proposal_confirm(
        actor=request_user(request),
        document_id=document_id,
        dossier_id=payload.dossier_id,
        plan_item_id=payload.plan_item_id,
    )
    return Status(201, item_out(item))


@router.get(
    "/dossier-worklist",
    response=DossierUnfiledListOut,
    summary="Văn bản chưa lập hồ sơ",
    operation_id="dossier_worklist",
)
def dossier_worklist(
    request: HttpRequest, cursor: str | None = None, limit: int = 50
) -> dict[str, Any]:
    """List the documents the user handled and has not filed, newest first."""
    limit = max(1, min(limit, 200))
    page = keyset_page(
        unfiled_for(actor=request_user(request)),
        sort_field="issued_date",
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    return {"items": [unfiled_out(doc) for doc in page.items], "next_cursor": page.next_cursor}
