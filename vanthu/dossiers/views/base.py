"""The decorator of every dossier page: login, the actor, domain errors as 404/403 or a message."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError, NotFoundError, PermissionDeniedError

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, User, P], HttpResponse]


def dossier_view(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Require a login and pass the actor; "not found" is a 404, a refusal a 403, any other
    domain error of a form goes back to the page it came from as a message."""

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
        except DomainError as error:
            if request.method != "POST":
                raise
            details = [m for messages_ in error.fields.values() for m in messages_]
            messages.error(request, " ".join([error.message, *details]))
            back = request.headers.get("referer", "")
            if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)
            return redirect("dossiers:mine")

    functools.update_wrapper(wrapper, view)
    return login_required(wrapper)
