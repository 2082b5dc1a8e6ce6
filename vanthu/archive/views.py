"""Screens of the hand-over: the unit's submission, the batches, the archivist's check."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route
from vanthu.archive import services
from vanthu.archive.access import is_archivist
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.forms.output import FormFormat, FormKind, handover_form
from vanthu.archive.selectors import (
    handover_get_for,
    handover_items_of,
    handovers_visible_for,
    holdings_for,
    submittable_for,
)
from vanthu.core.errors import DomainError, NotFoundError, PermissionDeniedError

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


def _actor(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    return user


def archive_view(
    view: Callable[Concatenate[HttpRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Require a login; show 404 for what is not visible and 403 for what is refused."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except (NotFoundError, PermissionDeniedError) as error:
            status = 404 if isinstance(error, NotFoundError) else 403
            title = _("Không tìm thấy") if status == 404 else _("Không có quyền thực hiện")
            context = {"title": title, "message": error.message}
            return render(request, "archive/refused.html", context, status=status)

    return login_required(wrapper)  # type: ignore[return-value]


def _ids(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit() and len(value) < 10]


@archive_view
def handovers(request: HttpRequest) -> HttpResponse:
    """The batches the user may see and, for submitters, the dossiers ready to hand over."""
    actor = _actor(request)
    rows = handovers_visible_for(actor=actor).order_by("-submitted_at", "-pk")[:200]
    context = {
        "rows": rows,
        "ready": list(submittable_for(actor=actor)[:500]),
        "is_archivist": is_archivist(actor),
    }
    return render(request, "archive/handovers.html", context)


@archive_view
@require_POST
def submit(request: HttpRequest) -> HttpResponse:
    """Submit the ticked dossiers as one batch."""
    actor = _actor(request)
    try:
        handover = services.handover_submit(
            actor=actor,
            dossier_ids=_ids(request.POST.getlist("dossier_ids")),
            title=request.POST.get("title", ""),
        )
    except DomainError as error:
        if isinstance(error, PermissionDeniedError):
            raise
        messages.error(request, error.message)
        return redirect("archive:handovers")
    messages.success(request, _("Đã gửi hồ sơ nộp lưu đến lưu trữ cơ quan."))
    return redirect("archive:detail", pk=handover.pk)


@archive_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One batch: its inventory rows, the forms, and the archivist's decision."""
    actor = _actor(request)
    handover = handover_get_for(actor=actor, pk=pk)
    context = {
        "handover": handover,
        "items": handover_items_of(handover),
        "can_decide": is_archivist(actor)
        and handover.status == HandoverStatus.SUBMITTED
        and actor.agency_id == handover.agency_id,
    }
    return render(request, "archive/detail.html", context)


@archive_view
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The archivist accepts the batch, or returns it with a reason per dossier."""
    actor = _actor(request)
    handover = handover_get_for(actor=actor, pk=pk)
    note = request.POST.get("note", "")
    try:
        if request.POST.get("decision") == "accept":
            services.handover_accept(actor=actor, handover=handover, note=note)
            messages.success(request, _("Đã tiếp nhận hồ sơ vào lưu trữ cơ quan."))
        else:
            reasons = {
                item.dossier_id: request.POST.get(f"reason_{item.dossier_id}", "")
                for item in handover_items_of(handover)
            }
            services.handover_return(actor=actor, handover=handover, reasons=reasons, note=note)
            messages.success(request, _("Đã trả lại đợt nộp lưu."))
    except DomainError as error:
        if isinstance(error, PermissionDeniedError):
            raise
        messages.error(request, error.message)
        for problem in error.fields.get("items", []):
            messages.error(request, problem)
    return redirect("archive:detail", pk=pk)


@archive_view
def form(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    """Download the inventory or the minutes as DOCX or PDF."""
    file = handover_form(
        actor=_actor(request), handover_id=pk, kind=FormKind(kind), fmt=FormFormat(fmt)
    )
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@archive_view
def holdings(request: HttpRequest) -> HttpResponse:
    """The dossiers the agency archive holds (read-only), for archivists and leaders."""
    actor = _actor(request)
    if not (is_archivist(actor) or can_route(actor)):
        raise PermissionDeniedError(_("Chỉ lưu trữ cơ quan và lãnh đạo xem kho lưu trữ."))
    rows = holdings_for(actor=actor).select_related("creator", "unit")[:500]
    return render(request, "archive/holdings.html", {"rows": rows})
