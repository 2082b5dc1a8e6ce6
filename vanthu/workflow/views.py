"""HTML pages of the workflow engine: notifications (page and HTMX dropdown), the overdue list."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.workflow.notification_selectors import (
    DROPDOWN_SIZE,
    notifications_for,
    notifications_unread_for,
)
from vanthu.workflow.notifications import notification_mark_read, notifications_mark_all_read
from vanthu.workflow.overdue import overdue_report_for

PAGE_SIZE = 50
P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, User, P], HttpResponse]


def workflow_view(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Require a login, pass the actor; answer 404/403 for what is not found/refused."""

    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        user = request.user
        if not isinstance(user, User) or not user.is_active:
            raise PermissionDenied
        try:
            return view(request, user, *args, **kwargs)
        except NotFoundError as error:
            raise Http404(error.message) from error
        except PermissionDeniedError as error:
            raise PermissionDenied(error.message) from error

    functools.update_wrapper(wrapper, view)
    return login_required(wrapper)


def _dropdown(request: HttpRequest, actor: User) -> HttpResponse:
    unread = notifications_unread_for(actor=actor)
    context = {"unread": list(unread[:DROPDOWN_SIZE]), "unread_count": unread.count()}
    return render(request, "workflow/_notifications_dropdown.html", context)


@require_GET
@workflow_view
def notifications_page(request: HttpRequest, actor: User) -> HttpResponse:
    """Show the actor's latest notifications, unread ones marked."""
    rows = list(notifications_for(actor=actor)[:PAGE_SIZE])
    unread_count = notifications_unread_for(actor=actor).count()
    context = {"notifications": rows, "unread_count": unread_count}
    return render(request, "workflow/notifications.html", context)


@require_GET
@workflow_view
def notifications_dropdown(request: HttpRequest, actor: User) -> HttpResponse:
    """Return the HTMX partial: the unread count and the latest unread notifications."""
    return _dropdown(request, actor)


@require_POST
@workflow_view
def notification_open(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Mark a notification read and go to what it is about (or back to the list)."""
    notification = notification_mark_read(actor=actor, notification_id=pk)
    if request.headers.get("HX-Request"):
        return _dropdown(request, actor)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("workflow:notifications")


@require_POST
@workflow_view
def notifications_read_all(request: HttpRequest, actor: User) -> HttpResponse:
    """Mark every notification of the actor read."""
    notifications_mark_all_read(actor=actor)
    if request.headers.get("HX-Request"):
        return _dropdown(request, actor)
    return redirect("workflow:notifications")


@require_GET
@workflow_view
def overdue_page(request: HttpRequest, actor: User) -> HttpResponse:
    """Show the leader's overdue list per unit and per person ("Theo dõi hạn xử lý")."""
    report = overdue_report_for(actor=actor)
    return render(request, "workflow/overdue.html", {"report": report})
