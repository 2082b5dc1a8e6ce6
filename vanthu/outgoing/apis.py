"""JSON API of outgoing documents: drafts and their way to issue, the register, recall."""

from __future__ import annotations

import json
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from pydantic import ValidationError as PydanticValidationError

from vanthu.accounts.auth import request_user
from vanthu.core.api import validation_fields
from vanthu.core.errors import InvalidInputError
from vanthu.documents.mediatypes import DOCX, PDF
from vanthu.outgoing import services
from vanthu.outgoing.drafting_io import docx_to_pdf
from vanthu.outgoing.drafts import version_docx
from vanthu.outgoing.enums import (
    CONFIDENTIALITY_LEVELS,
    DistributionKind,
    ReviewDecision,
    SigningMode,
)
from vanthu.outgoing.presenters import draft_detail, record_detail, record_item
from vanthu.outgoing.schemas import (
    ApproveIn,
    CommentIn,
    DiffOut,
    DraftJsonIn,
    DraftOut,
    DraftReturnIn,
    FindingsOut,
    IssueIn,
    RecallIn,
    RecordOut,
    RecordPageOut,
    RegisterQuery,
    ReviewIn,
)
from vanthu.outgoing.selectors import (
    draft_current_version,
    draft_get_for,
    outgoing_register,
    record_get_for,
)

router = Router(tags=["Văn bản đi"])

_DRAFT_BODY = {
    "requestBody": {
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/DraftJsonIn"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "type_code", "subject"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "type_code": {"type": "string"},
                        "subject": {"type": "string"},
                        "confidentiality": {"type": "string", "enum": list(CONFIDENTIALITY_LEVELS)},
                        "urgency": {"type": "string"},
                    },
                }
            },
        },
        "required": True,
    }
}


def _source(request: HttpRequest) -> services.DraftSource:
    """Read a structured draft (JSON) or an uploaded DOCX (multipart) from the request."""
    if request.content_type == "multipart/form-data":
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInputError(fields={"file": [_("Cần gửi tệp DOCX trong trường “file”.")]})
        if upload.size is not None and upload.size > settings.VANTHU_MAX_UPLOAD_BYTES:
            raise InvalidInputError(
                fields={"file": [_("Tệp tải lên vượt quá dung lượng cho phép.")]}
            )
        level = request.POST.get("confidentiality", "none")
        if level not in CONFIDENTIALITY_LEVELS:
            raise InvalidInputError(
                fields={"confidentiality": [_("Giá trị không nằm trong danh sách cho phép.")]}
            )
        return services.DraftSource(
            docx=upload.read(),
            filename=upload.name or "du-thao.docx",
            type_code=request.POST.get("type_code", ""),
            subject=request.POST.get("subject", ""),
            confidentiality=CONFIDENTIALITY_LEVELS[level],
            urgency=request.POST.get("urgency", "normal"),
        )
    try:
        payload = DraftJsonIn.model_validate(json.loads(request.body or b"null"))
    except (ValueError, PydanticValidationError) as exc:
        errors = (
            [dict(error) for error in exc.errors()]
            if isinstance(exc, PydanticValidationError)
            else []
        )
        fields = (
            validation_fields(errors) if errors else {"__all__": [_("Nội dung JSON không hợp lệ.")]}
        )
        raise InvalidInputError(fields=fields) from exc
    return services.DraftSource(content=payload.content)


def _file(data: bytes, *, media_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.post(
    "/drafts",
    response={201: DraftOut},
    summary="Tạo dự thảo văn bản đi",
    operation_id="draft_create",
    openapi_extra=_DRAFT_BODY,
)
def draft_create(request: HttpRequest) -> Status[dict[str, Any]]:
    """Create a draft from structured content (JSON) or an uploaded DOCX (multipart ``file``)."""
    draft = services.draft_create(actor=request_user(request), source=_source(request))
    return Status(201, draft_detail(draft))


@router.get(
    "/drafts/{int:draft_id}", response=DraftOut, summary="Xem dự thảo", operation_id="draft_get"
)
def draft_get(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    """Return a draft with its versions, comments and reviews."""
    return draft_detail(draft_get_for(actor=request_user(request), pk=draft_id))


@router.post(
    "/drafts/{int:draft_id}/versions",
    response={201: DraftOut},
    summary="Thêm phiên bản dự thảo",
    operation_id="draft_add_version",
    openapi_extra=_DRAFT_BODY,
)
def draft_add_version(request: HttpRequest, draft_id: int) -> Status[dict[str, Any]]:
    """Keep a new version (structured JSON or DOCX upload) of a draft being written."""
    actor = request_user(request)
    services.draft_add_version(actor=actor, draft_id=draft_id, source=_source(request))
    return Status(201, draft_detail(draft_get_for(actor=actor, pk=draft_id)))


@router.post(
    "/drafts/{int:draft_id}/comments",
    response={201: DraftOut},
    summary="Góp ý dự thảo",
    operation_id="draft_comment",
)
def draft_comment(
    request: HttpRequest, draft_id: int, payload: CommentIn
) -> Status[dict[str, Any]]:
    """Comment on one version of a draft."""
    actor = request_user(request)
    services.draft_comment(
        actor=actor, draft_id=draft_id, version_number=payload.version, text=payload.text
    )
    return Status(201, draft_detail(draft_get_for(actor=actor, pk=draft_id)))


@router.get(
    "/drafts/{int:draft_id}/diff",
    response=DiffOut,
    summary="So sánh hai phiên bản",
    operation_id="draft_diff",
)
def draft_diff(request: HttpRequest, draft_id: int, a: int, b: int) -> dict[str, Any]:
    """Return the paragraph-level difference between versions ``a`` and ``b``."""
    lines = services.draft_diff(
        actor=request_user(request), draft_id=draft_id, version_a=a, version_b=b
    )
    return {"lines": lines}


@router.get(
    "/drafts/{int:draft_id}/render",
    summary="Kết xuất dự thảo (DOCX hoặc PDF)",
    operation_id="draft_render",
    response={200: None},
)
def draft_render(
    request: HttpRequest,
    draft_id: int,
    format: Literal["docx", "pdf"] = "docx",  # noqa: A002
) -> HttpResponse:
    """Return the current version as DOCX, or converted to PDF (number and date left blank)."""
    draft = draft_get_for(actor=request_user(request), pk=draft_id)
    data = version_docx(draft_current_version(draft))
    if format == "pdf":
        return _file(docx_to_pdf(data), media_type=PDF, filename=f"du-thao-{draft.pk}.pdf")
    return _file(data, media_type=DOCX, filename=f"du-thao-{draft.pk}.docx")


@router.get(
    "/drafts/{int:draft_id}/format-check",
    response=FindingsOut,
    summary="Kiểm tra thể thức dự thảo",
    operation_id="draft_format_findings",
)
def draft_format_findings(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    """Check the format of the current version (nothing is recorded)."""
    findings = services.draft_findings(actor=request_user(request), draft_id=draft_id)
    return {"findings": [finding.model_dump() for finding in findings]}


@router.post(
    "/drafts/{int:draft_id}/format-check",
    response=FindingsOut,
    summary="Văn thư kiểm tra thể thức",
    operation_id="draft_format_check",
)
def draft_format_check(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    """Record the clerk's format check; any error answers 409 ``format_errors``."""
    findings = services.draft_format_check(actor=request_user(request), draft_id=draft_id)
    return {"findings": [finding.model_dump() for finding in findings]}


@router.post(
    "/drafts/{int:draft_id}/submit",
    response=DraftOut,
    summary="Trình dự thảo",
    operation_id="draft_submit",
)
def draft_submit(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    """Send the draft to the head of its unit."""
    return draft_detail(services.draft_submit(actor=request_user(request), draft_id=draft_id))


@router.post(
    "/drafts/{int:draft_id}/review",
    response=DraftOut,
    summary="Lãnh đạo đơn vị duyệt dự thảo",
    operation_id="draft_review",
)
def draft_review(request: HttpRequest, draft_id: int, payload: ReviewIn) -> dict[str, Any]:
    """Approve the draft, or return it with a comment (the head of the drafting unit)."""
    draft = services.draft_review(
        actor=request_user(request),
        draft_id=draft_id,
        decision=ReviewDecision(payload.decision),
        comment=payload.comment,
    )
    return draft_detail(draft)


@router.post(
    "/drafts/{int:draft_id}/return",
    response=DraftOut,
    summary="Trả lại dự thảo",
    operation_id="draft_return",
)
def draft_return(request: HttpRequest, draft_id: int, payload: DraftReturnIn) -> dict[str, Any]:
    """Return a reviewed draft to its author (a clerk or a leader)."""
    draft = services.draft_return(
        actor=request_user(request), draft_id=draft_id, comment=payload.comment
    )
    return draft_detail(draft)


@router.post(
    "/drafts/{int:draft_id}/approve",
    response=DraftOut,
    summary="Lãnh đạo cơ quan duyệt ký",
    operation_id="draft_approve",
)
def draft_approve(request: HttpRequest, draft_id: int, payload: ApproveIn) -> dict[str, Any]:
    """Approve the draft for signature, on paper or digitally."""
    draft = services.draft_approve(
        actor=request_user(request),
        draft_id=draft_id,
        signing_mode=SigningMode(payload.signing_mode),
        comment=payload.comment,
    )
    return draft_detail(draft)


@router.post(
    "/drafts/{int:draft_id}/issue",
    response={201: RecordOut},
    summary="Cấp số và phát hành",
    operation_id="draft_issue",
)
def draft_issue(request: HttpRequest, draft_id: int, payload: IssueIn) -> Status[dict[str, Any]]:
    """Number, register and issue the approved draft; it is then sent to its recipients."""
    distribution = [
        services.DistributionInput(**{**item.dict(), "kind": DistributionKind(item.kind)})
        for item in payload.distribution
    ]
    outgoing = services.draft_issue(
        actor=request_user(request),
        draft_id=draft_id,
        distribution=distribution,
        copies=payload.copies,
    )
    return Status(201, record_detail(outgoing))


@router.get(
    "/outgoing", response=RecordPageOut, summary="Sổ văn bản đi", operation_id="outgoing_list"
)
def outgoing_list(request: HttpRequest, query: Query[RegisterQuery]) -> dict[str, Any]:
    """List the visible outgoing records, newest first (keyset pagination)."""
    page = outgoing_register(
        actor=request_user(request), cursor=query.cursor, limit=query.limit, year=query.year
    )
    return {"items": [record_item(r) for r in page.items], "next_cursor": page.next_cursor}


@router.get(
    "/outgoing/{int:record_id}",
    response=RecordOut,
    summary="Xem văn bản đi",
    operation_id="outgoing_get",
)
def outgoing_get(request: HttpRequest, record_id: int) -> dict[str, Any]:
    """Return an outgoing record with its recipients and their delivery status."""
    return record_detail(record_get_for(actor=request_user(request), pk=record_id))


@router.post(
    "/outgoing/{int:record_id}/recall",
    response=RecordOut,
    summary="Thu hồi văn bản đi",
    operation_id="outgoing_recall",
)
def outgoing_recall(request: HttpRequest, record_id: int, payload: RecallIn) -> dict[str, Any]:
    """Recall an issued document: freeze it and withdraw it from its receivers."""
    actor = request_user(request)
    services.outgoing_recall(actor=actor, record_id=record_id, reason=payload.reason)
    return record_detail(record_get_for(actor=actor, pk=record_id))
