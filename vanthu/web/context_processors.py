"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from vanthu.web.navigation import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Return ``nav``: the user's navigation, built only when a template uses it."""
    return {"nav": SimpleLazyObject(lambda: navigation_for(request))}
