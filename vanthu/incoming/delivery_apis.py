"""JSON API of the "chờ tiếp nhận" queue (nested in ``vanthu.incoming.apis.router``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut, keyset_page
from vanthu.incoming import services
from vanthu.incoming.presenters import delivery_out, incoming_detail
from vanthu.incoming.schemas import (
    AcceptIn,
    DeliveryOut,
    DeliveryPageOut,
    IncomingOut,
    PendingQuery,
    RefuseIn,
)
from vanthu.incoming.selectors import deliveries_pending_for, delivery_get_for

router = Router(tags=["Văn bản đến"])


@router.get(
    "/incoming/pending",
    response=DeliveryPageOut,
    summary="Văn bản chờ tiếp nhận",
    operation_id="incoming_pending_list",
)
def pending_list(request: HttpRequest, query: Query[PendingQuery]) -> dict[str, Any]:
    """List what other agencies sent to the clerk's agency: Hỏa tốc, Thượng khẩn, Khẩn first,
    then by the time it was sent (keyset pagination)."""
    page = keyset_page(
        deliveries_pending_for(actor=request_user(request)),
        sort_field="queue_order",
        cursor=query.cursor,
        limit=query.limit,
    )
    return {"items": [delivery_out(row) for row in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/incoming/pending/{int:delivery_id}/accept",
    response={201: IncomingOut, 409: ErrorOut},
    summary="Tiếp nhận văn bản",
    operation_id="incoming_pending_accept",
)
def pending_accept(
    request: HttpRequest, delivery_id: int, payload: AcceptIn
) -> Status[dict[str, Any]]:
    """Register the delivered document in the incoming book (the same document, a new
    arrival number); 409 ``delivery_decided`` when it was already accepted or refused."""
    actor = request_user(request)
    delivery = delivery_get_for(actor=actor, pk=delivery_id)
    incoming = services.delivery_accept(
        actor=actor,
        delivery=delivery,
        register_book_id=payload.register_book_id,
        due_date=payload.due_date,
    )
    return Status(201, incoming_detail(incoming))


@router.post(
    "/incoming/pending/{int:delivery_id}/refuse",
    response={200: DeliveryOut, 409: ErrorOut},
    summary="Từ chối tiếp nhận",
    operation_id="incoming_pending_refuse",
)
def pending_refuse(request: HttpRequest, delivery_id: int, payload: RefuseIn) -> dict[str, Any]:
    """Return the document to its sender with a reason the sender sees."""
    actor = request_user(request)
    delivery = delivery_get_for(actor=actor, pk=delivery_id)
    delivery = services.delivery_refuse(actor=actor, delivery=delivery, reason=payload.reason)
    return delivery_out(delivery)
