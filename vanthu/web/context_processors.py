"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Return the navigation entries for the current user (filled by the web shell)."""
    return {"nav_items": []}
