"""The lists of each role: my drafts, the review, format-check, signature and issue queues,
and the outgoing register. A draft its signer may sign now carries the "Ký số" button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.outgoing.enums import RecordStatus
from vanthu.outgoing.forms import RegisterFilterForm
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import ensure_drafter, is_clerk
from vanthu.outgoing.signature_steps import may_sign_as_signer
from vanthu.outgoing.ui_selectors import (
    RegisterFilters,
    agency_units,
    drafts_mine,
    drafts_page,
    drafts_to_check,
    drafts_to_issue,
    drafts_to_review,
    drafts_to_sign,
    register_page,
)
from vanthu.outgoing.views.common import actor_of, outgoing_view, page_url


def _queue(
    request: HttpRequest,
    *,
    rows: Callable[[User], QuerySet[OutgoingDraft]],
    title: str | Promise,
    lead: str | Promise,
    mine: bool = False,
) -> HttpResponse:
    actor = actor_of(request)
    cursor = request.GET.get("cursor") or None
    page = drafts_page(rows(actor), cursor=cursor)
    context: dict[str, Any] = {
        "title": title,
        "lead": lead,
        "rows": page.items,
        "signable": {row.pk for row in page.items if may_sign_as_signer(actor, row)},
        "mine": mine,
        "next_url": page_url(request, cursor=page.next_cursor) if page.next_cursor else None,
        "first_url": page_url(request, cursor=None) if cursor else None,
    }
    return render(request, "outgoing/queue.html", context)


def _drafter_rows(actor: User) -> QuerySet[OutgoingDraft]:
    ensure_drafter(actor)
    return drafts_mine(actor)


@outgoing_view
def my_drafts(request: HttpRequest) -> HttpResponse:
    """The specialist's drafts."""
    return _queue(
        request,
        rows=_drafter_rows,
        title=_("Dự thảo của tôi"),
        lead=_("Dự thảo bạn đang soạn, đã trình hoặc bị trả lại."),
        mine=True,
    )


@outgoing_view
def to_review(request: HttpRequest) -> HttpResponse:
    """The unit head's queue."""
    return _queue(
        request,
        rows=drafts_to_review,
        title=_("Dự thảo chờ duyệt"),
        lead=_("Dự thảo của đơn vị đã trình, chờ lãnh đạo đơn vị duyệt."),
    )


@outgoing_view
def to_check(request: HttpRequest) -> HttpResponse:
    """The clerk's format-check queue."""
    return _queue(
        request,
        rows=drafts_to_check,
        title=_("Chờ kiểm tra thể thức"),
        lead=_("Dự thảo lãnh đạo đơn vị đã duyệt, chờ văn thư kiểm tra thể thức."),
    )


@outgoing_view
def to_sign(request: HttpRequest) -> HttpResponse:
    """The leader's "Chờ ký duyệt" queue: drafts to approve, and his digital signatures due."""
    return _queue(
        request,
        rows=drafts_to_sign,
        title=_("Văn bản chờ ký duyệt"),
        lead=_("Dự thảo đã kiểm tra thể thức chờ duyệt ký, và văn bản bạn đã duyệt ký số chờ ký."),
    )


@outgoing_view
def to_issue(request: HttpRequest) -> HttpResponse:
    """The clerk's issue queue."""
    return _queue(
        request,
        rows=drafts_to_issue,
        title=_("Chờ phát hành"),
        lead=_("Văn bản lãnh đạo đã ký duyệt, chờ văn thư cấp số và phát hành."),
    )


def _filters(form: RegisterFilterForm) -> RegisterFilters:
    if not form.is_valid():
        return RegisterFilters()
    values = form.cleaned_data
    return RegisterFilters(
        year=values["year"],
        type_code=values["type_code"].code if values["type_code"] else None,
        unit_id=values["unit"].pk if values["unit"] else None,
        status=RecordStatus(values["status"]) if values["status"] else None,
    )


@outgoing_view
def register(request: HttpRequest) -> HttpResponse:
    """The outgoing register ("Văn bản đi") with filters, keyset pages, newest first."""
    actor = actor_of(request)
    form = RegisterFilterForm(request.GET or None, units=agency_units(actor))
    cursor = request.GET.get("cursor") or None
    page = register_page(actor=actor, filters=_filters(form), cursor=cursor)
    context = {
        "form": form,
        "rows": page.items,
        "is_clerk": is_clerk(actor),
        "next_url": page_url(request, cursor=page.next_cursor) if page.next_cursor else None,
        "first_url": page_url(request, cursor=None) if cursor else None,
    }
    return render(request, "outgoing/register.html", context)
