"""What every incoming screen shares: the actor, refusals as HTTP answers, page links."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from vanthu.accounts.models import User
from vanthu.core.errors import NotFoundError, PermissionDeniedError

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


def actor_of(request: HttpRequest) -> User:
    """Return the logged-in user (every incoming view requires a login)."""
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    return user


def incoming_view(
    view: Callable[Concatenate[HttpRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R]:
    """Require a login; answer 404 for what is not visible and 403 for what is refused."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError as error:
            raise Http404(error.message) from error
        except PermissionDeniedError as error:
            raise PermissionDenied(error.message) from error

    return login_required(wrapper)  # type: ignore[return-value]


def page_url(request: HttpRequest, **changes: str | None) -> str:
    """Return the current URL's query string with ``changes`` (None removes a parameter)."""
    params = {key: value for key, value in request.GET.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return f"?{urlencode(params)}" if params else "?"


def is_htmx(request: HttpRequest) -> bool:
    """Return whether ``request`` was made by HTMX (it then wants a fragment, not a page)."""
    return request.headers.get("HX-Request") == "true"
