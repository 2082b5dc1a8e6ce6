"""The decorator of every dossier page: login, the actor, domain errors as 404/403 or a message."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from vanthu.accounts.views import actor_view


def _back(request: HttpRequest, kwargs: dict[str, Any]) -> HttpResponse:
    """A refused form goes back to the page it came from (or "Hồ sơ của tôi")."""
    back = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("dossiers:mine")


# Require a login and pass the actor; "not found" is a 404, a refusal a 403, any other domain
# error of a form goes back to the page it came from as a message.
dossier_view = actor_view(form_error=_back)
