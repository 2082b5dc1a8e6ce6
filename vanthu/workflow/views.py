"""HTML pages of the workflow engine: notifications (page and HTMX dropdown), the overdue list."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from vanthu.accounts.models import User
from vanthu.accounts.views import actor_view
from vanthu.workflow.notification_selectors import (
    DROPDOWN_SIZE,
    notifications_for,
    notifications_unread_for,
)
from vanthu.workflow.notifications import notification_mark_read, notifications_mark_all_read
from vanthu.workflow.overdue import overdue_report_for

PAGE_SIZE = 50


# Require a login, pass the actor; answer 404/403 for what is not found/refused.
workflow_view = actor_view()


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
