"""The landing redirect, the start page of each work area and its placeholder sections."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.web.areas import BY_SLUG, Area
from vanthu.web.counters import panel_figure
from vanthu.web.dateline import today_line
from vanthu.web.navigation import active_area, remember_area, user_areas


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; this narrows the type
        raise PermissionDenied
    return user


def _held_area(request: HttpRequest, slug: str) -> Area:
    """Return the area of ``slug`` when the user holds its role; refuse otherwise."""
    area = BY_SLUG[slug]
    if area not in user_areas(_user(request)):
        raise PermissionDenied(_("Bạn không có vai trò để mở trang này."))
    remember_area(request, area)
    return area


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send the user to the start page of their active area, or explain that they have none."""
    area = active_area(request, user_areas(_user(request)))
    if area is None:
        return render(request, "web/no_role.html")
    return redirect("web:start", area=area.slug)


@login_required
def start_page(request: HttpRequest, area: str) -> HttpResponse:
    """Show the start page of a work area: title, today's date line and summary panels."""
    held = _held_area(request, area)
    user = _user(request)
    panels = [
        {
            "label": panel.label,
            "href": held.section_url(panel.section),
            "figure": panel_figure(user=user, area_slug=held.slug, section=panel.section),
        }
        for panel in held.panels
    ]
    context = {"area": held, "date_line": today_line(user.agency), "panels": panels}
    return render(request, "web/start.html", context)


@login_required
def section_page(request: HttpRequest, area: str, section: str) -> HttpResponse:
    """Show the placeholder of a navigation entry whose feature is not built yet."""
    held = _held_area(request, area)
    entry = held.placeholder_entry(section)
    if entry is None:
        raise Http404
    return render(request, "web/section.html", {"area": held, "entry": entry})
