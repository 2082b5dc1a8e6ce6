"""JSON API of incoming documents (mounted under /api/v1/ by config/api.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut, keyset_page
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming import services
from vanthu.incoming.api_access import actor_and_record
from vanthu.incoming.attachment_apis import router as attachment_router
from vanthu.incoming.delivery_apis import router as delivery_router
from vanthu.incoming.enums import IncomingStatus, ListSort
from vanthu.incoming.presenters import incoming_detail, incoming_item, registration_detail
from vanthu.incoming.schemas import (
    CONFIDENTIALITY_LEVELS,
    AssignIn,
    CompleteIn,
    DuplicateErrorOut,
    IncomingIn,
    IncomingOut,
    IncomingPageOut,
    IncomingQuery,
    NoteIn,
    PartyIn,
    PresentIn,
    ReplyIn,
    ReturnIn,
)
from vanthu.incoming.selectors import IncomingFilters, incoming_list_for
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import party_resolve

router = Router(tags=["Văn bản đến"])

# The keyset column of each order (the id breaks ties, both descending).
_SORT_FIELDS: dict[ListSort, str] = {
    ListSort.ARRIVAL: "arrival_date",
    ListSort.URGENCY: "urgency_rank",
}


@router.post(
    "/incoming",
    response={201: IncomingOut, 409: DuplicateErrorOut},
    summary="Vào sổ văn bản đến",
    operation_id="incoming_register",
)
def incoming_register(request: HttpRequest, payload: IncomingIn) -> Status[dict[str, Any]]:
    """Register an incoming document and give it the next arrival number.

    A suspected duplicate answers 409 ``duplicate`` with the earlier registration, unless the
    body carries ``"confirm_duplicate": true`` and a ``duplicate_reason``.
    """
    values = payload.dict()
    values["confidentiality"] = CONFIDENTIALITY_LEVELS[payload.confidentiality]
    data = services.IncomingData(**values)
    registration = services.registration_run(actor=request_user(request), data=data)
    return Status(201, registration_detail(registration))


@router.get(
    "/incoming",
    response=IncomingPageOut,
    summary="Sổ văn bản đến",
    operation_id="incoming_list",
)
def incoming_list(request: HttpRequest, query: Query[IncomingQuery]) -> dict[str, Any]:
    """List the visible incoming records, newest arrival first (keyset pagination).

    ``sort=urgency`` puts Hỏa tốc, Thượng khẩn and Khẩn documents first (then newest first).
    """
    filters = IncomingFilters(
        date_from=query.date_from,
        date_to=query.date_to,
        status=IncomingStatus(query.status) if query.status else None,
        type_code=query.type_code,
        organ=query.organ,
        q=query.q,
        overdue_on=today_in_vietnam() if query.overdue else None,
        unit_id=query.unit,
        assignee=query.assignee,
    )
    page = keyset_page(
        incoming_list_for(actor=request_user(request), filters=filters),
        sort_field=_SORT_FIELDS[ListSort(query.sort)],
        cursor=query.cursor,
        limit=query.limit,
        descending=True,
    )
    return {"items": [incoming_item(row) for row in page.items], "next_cursor": page.next_cursor}


@router.get(
    "/incoming/{int:incoming_id}",
    response=IncomingOut,
    summary="Chi tiết văn bản đến",
    operation_id="incoming_get",
)
def incoming_get(request: HttpRequest, incoming_id: int) -> dict[str, Any]:
    """Return one incoming record with its assignments and trace (the view is audited)."""
    actor, incoming = actor_and_record(request, incoming_id)
    services.incoming_viewed(actor=actor, incoming=incoming)
    return incoming_detail(incoming)


def _party(agency_id: int, party: PartyIn, field: str) -> Party:
    return party_resolve(agency_id=agency_id, username=party.user, unit_id=party.unit, field=field)


@router.post(
    "/incoming/{int:incoming_id}/assign",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Phân công giải quyết",
    operation_id="incoming_assign",
)
def incoming_assign(request: HttpRequest, incoming_id: int, payload: AssignIn) -> dict[str, Any]:
    """Write the instruction and give the document to a lead, supports and informed parties."""
    actor, incoming = actor_and_record(request, incoming_id)
    agency_id = incoming.agency_id
    incoming = services.incoming_assign(
        actor=actor,
        incoming=incoming,
        lead=_party(agency_id, payload.lead, "lead"),
        supports=[_party(agency_id, p, f"support.{i}") for i, p in enumerate(payload.support)],
        informs=[_party(agency_id, p, f"inform.{i}") for i, p in enumerate(payload.inform)],
        instruction=payload.instruction,
        due_date=payload.due_date,
    )
    return incoming_detail(incoming)


@router.post(
    "/incoming/{int:incoming_id}/complete",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Hoàn thành giải quyết",
    operation_id="incoming_complete",
)
def incoming_complete(
    request: HttpRequest, incoming_id: int, payload: CompleteIn
) -> dict[str, Any]:
    """Mark the document handled (the lead assignee only), optionally linking the reply."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_complete(
        actor=actor,
        incoming=incoming,
        note=payload.note,
        reply_reference=payload.reply_reference,
    )
    return incoming_detail(incoming)


@router.post(
    "/incoming/{int:incoming_id}/return",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Trả lại văn bản",
    operation_id="incoming_return",
)
def incoming_return(request: HttpRequest, incoming_id: int, payload: ReturnIn) -> dict[str, Any]:
    """Send a misrouted document back to the clerk with a reason."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_return(actor=actor, incoming=incoming, reason=payload.reason)
    return incoming_detail(incoming)


@router.post(
    "/incoming/{int:incoming_id}/present",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Trình lãnh đạo",
    operation_id="incoming_present",
)
def incoming_present(request: HttpRequest, incoming_id: int, payload: PresentIn) -> dict[str, Any]:
    """Present the registered document to the agency leader (a clerk of the agency)."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_present(actor=actor, incoming=incoming, note=payload.note)
    return incoming_detail(incoming)


@router.post(
    "/incoming/{int:incoming_id}/start",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Bắt đầu giải quyết",
    operation_id="incoming_start",
)
def incoming_start(request: HttpRequest, incoming_id: int) -> dict[str, Any]:
    """Mark the document as being handled (the lead assignee only)."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_start(actor=actor, incoming=incoming)
    return incoming_detail(incoming)


@router.post(
    "/incoming/{int:incoming_id}/notes",
    response={201: IncomingOut, 409: ErrorOut},
    summary="Ghi ý kiến, đề xuất",
    operation_id="incoming_note_add",
)
def incoming_note_add(
    request: HttpRequest, incoming_id: int, payload: NoteIn
) -> Status[dict[str, Any]]:
    """Add a note and/or a proposal to the trace (lead and supporting assignees)."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_note_add(
        actor=actor, incoming=incoming, text=payload.text, proposal=payload.proposal
    )
    return Status(201, incoming_detail(incoming))


@router.post(
    "/incoming/{int:incoming_id}/reply",
    response={200: IncomingOut, 409: ErrorOut},
    summary="Liên kết văn bản trả lời",
    operation_id="incoming_reply_set",
)
def incoming_reply_set(request: HttpRequest, incoming_id: int, payload: ReplyIn) -> dict[str, Any]:
    """Record the reference of the reply (a free text until outgoing documents exist)."""
    actor, incoming = actor_and_record(request, incoming_id)
    incoming = services.incoming_reply_set(
        actor=actor, incoming=incoming, reference=payload.reply_reference
    )
    return incoming_detail(incoming)


router.add_router("/", attachment_router)
router.add_router("/", delivery_router)
