"""The decorator shared by the pages that act for the logged-in user.

``actor_view`` requires a login by an active user and passes the user to the view as ``actor``;
"not found" becomes a 404 and a refusal a 403. With ``form_error`` given, any other domain error
raised while handling a POST is shown as a message on the page ``form_error`` redirects to.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError, NotFoundError, PermissionDeniedError

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, User, P], HttpResponse]
Wrapped = Callable[Concatenate[HttpRequest, P], HttpResponse]
# Where a refused form goes back to: (request, the view's keyword arguments) → a redirect.
FormErrorRedirect = Callable[[HttpRequest, dict[str, Any]], HttpResponse]


def error_text(error: DomainError) -> str:
    """Return a domain error's message followed by its field messages, as one line."""
    details = [str(message) for found in error.fields.values() for message in found]
    return " ".join([str(error.message), *details])


def actor_view(
    *,
    before: Callable[[HttpRequest, User], None] | None = None,
    form_error: FormErrorRedirect | None = None,
) -> Callable[[View[P]], Wrapped[P]]:
    """Return a decorator for page views ``view(request, actor, ...)``.

    ``before`` runs first with the actor (e.g. a role check raising ``PermissionDenied``).
    """

    def decorate(inner: View[P]) -> Wrapped[P]:
        @functools.wraps(inner)
        def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            actor = request.user
            if not isinstance(actor, User) or not actor.is_active:
                raise PermissionDenied
            if before is not None:
                before(request, actor)
            try:
                return inner(request, actor, *args, **kwargs)
            except NotFoundError as error:
                raise Http404(error.message) from error
            except PermissionDeniedError as error:
                raise PermissionDenied(error.message) from error
            except DomainError as error:
                if form_error is None or request.method != "POST":
                    raise
                messages.error(request, error_text(error))
                return form_error(request, kwargs)

        wrapped: Wrapped[P] = login_required(wrapper)
        return wrapped

    return decorate
