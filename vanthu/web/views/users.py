"""The agency administrator's user pages: the agency's users, one user with the leaver's
checklist (dossiers still held), handing them to a colleague, deactivating and reactivating."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanthu.accounts.deactivation import (
    managed_user_get_for,
    managed_users_for,
    user_deactivate,
    user_reactivate,
)
from vanthu.accounts.models import User
from vanthu.accounts.roles import is_agency_admin_of
from vanthu.accounts.views import actor_view
from vanthu.archive.selectors import DeactivationChecklist, deactivation_checklist
from vanthu.core.errors import NotFoundError
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.presenters import dossier_label_for
from vanthu.dossiers.selectors import dossiers_visible_for
from vanthu.dossiers.transfer import dossiers_transfer
from vanthu.web.areas import AGENCY_ADMIN
from vanthu.web.navigation import remember_area

PAGE_SIZE = 500


def _require_admin(request: HttpRequest, actor: User) -> None:
    if actor.agency_id is None or not is_agency_admin_of(actor, actor.agency_id):
        raise PermissionDenied(_("Chỉ quản trị của cơ quan mới mở được trang này."))
    remember_area(request, AGENCY_ADMIN)


def _back_to_user(request: HttpRequest, kwargs: dict[str, Any]) -> HttpResponse:
    return redirect("web:user_detail", pk=kwargs.get("pk", 0))


# Require a login as the agency's administrator and pass the actor; "not found" is a 404, a
# refusal a 403, another refusal of a form goes back to the user page as a message.
admin_view = actor_view(before=_require_admin, form_error=_back_to_user)


@require_GET
@admin_view
def user_list(request: HttpRequest, actor: User) -> HttpResponse:
    """List the agency's users: name, unit, roles, active."""
    rows = list(managed_users_for(actor=actor)[:PAGE_SIZE])
    return render(request, "web/users.html", {"rows": rows, "area": AGENCY_ADMIN})


def _rows(actor: User, dossiers: list[Dossier]) -> list[dict[str, Any]]:
    """Return each dossier with a link when the actor may open it."""
    visible = set(
        dossiers_visible_for(actor=actor)
        .filter(pk__in=[d.pk for d in dossiers])
        .values_list("pk", flat=True)
    )
    return [
        {
            "dossier": dossier,
            "label": dossier_label_for(actor, dossier),
            "href": reverse("dossiers:detail", kwargs={"pk": dossier.pk})
            if dossier.pk in visible
            else "",
        }
        for dossier in dossiers
    ]


def _checklist_context(actor: User, checklist: DeactivationChecklist) -> dict[str, Any]:
    return {
        "clear": checklist.clear,
        "groups": [
            (_("Hồ sơ đang mở"), "open", _rows(actor, checklist.open_dossiers)),
            (
                _("Hồ sơ đã kết thúc, chưa nộp lưu"),
                "closed",
                _rows(actor, checklist.closed_dossiers),
            ),
            (
                _("Hồ sơ đang chờ lưu trữ tiếp nhận"),
                "pending",
                _rows(actor, checklist.pending_dossiers),
            ),
        ],
    }


@require_GET
@admin_view
def user_detail(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Show one user, the dossiers they still hold, and the transfer and (de)activation forms."""
    user = managed_user_get_for(actor=actor, pk=pk)
    checklist = deactivation_checklist(actor=actor, user=user)
    colleagues = managed_users_for(actor=actor).filter(is_active=True).exclude(pk=user.pk)
    context = {
        "person": user,
        "roles": [grant.get_role_display() for grant in user.role_grants.order_by("role")],
        "colleagues": colleagues,
        "is_self": user.pk == actor.pk,
        "area": AGENCY_ADMIN,
        **_checklist_context(actor, checklist),
    }
    return render(request, "web/users_detail.html", context)


def _colleague(actor: User, value: str | None) -> User:
    if not value or not value.isdigit() or len(value) > 10:
        raise NotFoundError(_("Cần chọn người nhận hồ sơ."))
    return managed_user_get_for(actor=actor, pk=int(value))


@require_POST
@admin_view
def user_transfer(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Hand every dossier the user still holds to the chosen colleague."""
    user = managed_user_get_for(actor=actor, pk=pk)
    try:
        receiver = _colleague(actor, request.POST.get("to_user"))
    except NotFoundError as error:
        messages.error(request, error.message)
        return redirect("web:user_detail", pk=pk)
    moved = dossiers_transfer(
        actor=actor, from_user=user, to_user=receiver, reason=request.POST.get("reason", "")
    )
    messages.success(
        request,
        _("Đã chuyển %(count)d hồ sơ cho %(name)s.")
        % {"count": len(moved), "name": receiver.full_name or receiver.username},
    )
    return redirect("web:user_detail", pk=pk)


@require_POST
@admin_view
def user_deactivate_view(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Deactivate the user (refused while they still hold dossiers)."""
    user = managed_user_get_for(actor=actor, pk=pk)
    user_deactivate(actor=actor, user=user, reason=request.POST.get("reason", ""))
    messages.success(request, _("Đã ngừng hoạt động tài khoản."))
    return redirect("web:user_detail", pk=pk)


@require_POST
@admin_view
def user_reactivate_view(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Let the user sign in again."""
    user = managed_user_get_for(actor=actor, pk=pk)
    user_reactivate(actor=actor, user=user, reason=request.POST.get("reason", ""))
    messages.success(request, _("Đã kích hoạt lại tài khoản."))
    return redirect("web:user_detail", pk=pk)
