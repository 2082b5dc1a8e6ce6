"""Which work areas a user holds, which one is active, and the links the layout shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse

from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import roles_of
from vanthu.web.areas import BY_ROLE, BY_SLUG, PRIORITY, Area, Label, NavEntry

SESSION_KEY = "web.area"


@dataclass(frozen=True)
class Link:
    """A resolved navigation link."""

    label: Label
    url: str
    current: bool = False


@dataclass(frozen=True)
class Navigation:
    """Everything the layout needs to draw the navigation of one request."""

    area: Area | None = None
    start: Link | None = None
    links: list[Link] = field(default_factory=list)
    other_areas: list[Link] = field(default_factory=list)
    agency: Agency | None = None


def user_areas(user: User) -> list[Area]:
    """Return the work areas of ``user``'s own roles, in landing priority order."""
    held = roles_of(user)
    return [area for area in PRIORITY if area.role in held]


def active_area(request: HttpRequest, areas: list[Area]) -> Area | None:
    """Pick the area of this request: the URL's, else the last one visited, else the first."""
    if not areas:
        return None
    match = request.resolver_match
    slug = match.kwargs.get("area") if match is not None else None
    if slug in BY_SLUG and BY_SLUG[slug] in areas:
        return BY_SLUG[slug]
    remembered = BY_ROLE.get(request.session.get(SESSION_KEY, ""))
    if remembered in areas:
        return remembered
    return areas[0]


def remember_area(request: HttpRequest, area: Area) -> None:
    """Keep ``area`` as the active one for pages outside the areas (other apps' pages)."""
    if request.session.get(SESSION_KEY) != area.role.value:
        request.session[SESSION_KEY] = area.role.value


def start_url(area: Area) -> str:
    """Return the URL of ``area``'s start page."""
    return reverse("web:start", kwargs={"area": area.slug})


def entry_url(area: Area, entry: NavEntry) -> str:
    """Return the URL of ``entry``: its feature page, or the area's placeholder section."""
    if entry.url_name:
        return reverse(entry.url_name)
    return reverse("web:section", kwargs={"area": area.slug, "section": entry.section})


def navigation_for(request: HttpRequest) -> Navigation:
    """Build the navigation of ``request`` for its authenticated user."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        return Navigation()
    areas = user_areas(user)
    area = active_area(request, areas)
    agency = user.agency
    if area is None:
        return Navigation(agency=agency)
    path = request.path
    links = [
        Link(entry.label, url, current=path.startswith(url))
        for entry in area.entries
        if user.is_staff or not entry.staff_only
        for url in [entry_url(area, entry)]
    ]
    start = start_url(area)
    return Navigation(
        area=area,
        start=Link(area.title, start, current=path == start),
        links=links,
        other_areas=[Link(other.title, start_url(other)) for other in areas if other != area],
        agency=agency,
    )
