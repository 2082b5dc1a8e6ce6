"""The register list (clerk), the leader's inbox and the specialist's worklist."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from vanthu.accounts.models import User
from vanthu.core.api import keyset_page
from vanthu.documents.enums import Urgency
from vanthu.documents.selectors import document_types
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.forms import FilterForm
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.permissions import can_route, is_clerk, is_unit_head
from vanthu.incoming.selectors import (
    OPEN_STATUSES,
    IncomingFilters,
    deliveries_pending_for,
    incoming_list_for,
)
from vanthu.incoming.views.common import actor_of, incoming_view, page_url

PAGE_SIZE = 50
URGENT_LIMIT = 20
QUEUE_CAP = 100


def _filters(form: FilterForm) -> IncomingFilters:
    if not form.is_valid():
        return IncomingFilters()
    values = form.cleaned_data
    return IncomingFilters(
        date_from=values["date_from"],
        date_to=values["date_to"],
        status=IncomingStatus(values["status"]) if values["status"] else None,
        type_code=values["type_code"] or None,
        organ=values["organ"] or None,
        q=values["q"] or None,
    )


def _page(request: HttpRequest, rows: QuerySet[IncomingRecord]) -> dict[str, Any]:
    """Return one keyset page of ``rows`` (newest arrival first) and its "Trang sau" link."""
    cursor = request.GET.get("cursor") or None
    page = keyset_page(
        rows, sort_field="arrival_date", cursor=cursor, limit=PAGE_SIZE, descending=True
    )
    next_url = page_url(request, cursor=page.next_cursor) if page.next_cursor else None
    first_url = page_url(request, cursor=None) if cursor else None
    return {"rows": page.items, "next_url": next_url, "first_url": first_url}


def _queue(actor: User) -> dict[str, Any]:
    """Return the clerk's "chờ tiếp nhận" figure (capped) and its page, when there is one."""
    if not is_clerk(actor):
        return {"is_clerk": False}
    pending = len(deliveries_pending_for(actor=actor).values_list("pk", flat=True)[:QUEUE_CAP])
    try:
        url: str | None = reverse("incoming:deliveries")
    except NoReverseMatch:
        url = None
    shown = f"{QUEUE_CAP - 1}+" if pending >= QUEUE_CAP else str(pending)
    return {"is_clerk": True, "pending_count": shown, "pending_url": url}


@incoming_view
def register_list(request: HttpRequest) -> HttpResponse:
    """Show the incoming register with filters; urgent open documents first when chosen."""
    actor = actor_of(request)
    form = FilterForm(request.GET or None, types=document_types())
    rows = incoming_list_for(actor=actor, filters=_filters(form))
    context = {"form": form, **_queue(actor), **_page(request, rows)}
    chosen = form.is_bound and form.is_valid() and form.cleaned_data["urgent_first"]
    if chosen and not request.GET.get("cursor"):
        urgent = rows.filter(status__in=OPEN_STATUSES).exclude(document__urgency=Urgency.NORMAL)
        context["urgent_rows"] = list(urgent.order_by("-arrival_date", "-pk")[:URGENT_LIMIT])
    return render(request, "incoming/list.html", context)


@incoming_view
def leader_inbox(request: HttpRequest) -> HttpResponse:
    """Show the documents presented to the leader, waiting for an instruction."""
    actor = actor_of(request)
    if not can_route(actor):
        raise PermissionDenied
    rows = incoming_list_for(actor=actor, filters=IncomingFilters(status=IncomingStatus.PRESENTED))
    return render(request, "incoming/inbox.html", _page(request, rows))


@incoming_view
def worklist(request: HttpRequest) -> HttpResponse:
    """Show the open documents given to the user (and, for a unit head, to the unit)."""
    actor = actor_of(request)
    mine = (
        IncomingFilters(unit_id=actor.unit_id)
        if is_unit_head(actor) and actor.unit_id is not None
        else IncomingFilters(assignee=actor.username)
    )
    rows = incoming_list_for(actor=actor, filters=mine).filter(
        status__in=[IncomingStatus.ASSIGNED, IncomingStatus.IN_PROGRESS]
    )
    return render(request, "incoming/worklist.html", _page(request, rows))
