"""What every outgoing screen shares: the actor, refusals as pages, page links, errors on forms."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError, NotFoundError, PermissionDeniedError
from vanthu.core.forms import form_add_refusal
from vanthu.signing.errors import CertificateMissingError

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)

# Service field names → form field names where they differ.
CONTENT_FIELDS = {
    f"content.{name}": name
    for name in (
        "type_code",
        "subject",
        "superior_name",
        "issuer_name",
        "legal_bases",
        "addressees",
        "recipients",
        "archive_copies",
        "authority",
        "authority_body",
        "signer_position",
        "signer_name",
        "drafter_initials",
        "urgency",
        "confidentiality",
    )
}


def actor_of(request: HttpRequest) -> User:
    """Return the logged-in user (every outgoing view requires a login)."""
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    return user


def refused(request: HttpRequest, *, status: int, message: str) -> HttpResponse:
    """Render the refusal page: 403 (not allowed) or 404 (not found or not visible)."""
    title = _("Không có quyền thực hiện") if status == 403 else _("Không tìm thấy")
    context = {"title": title, "message": message}
    return render(request, "outgoing/refused.html", context, status=status)


def outgoing_view(
    view: Callable[Concatenate[HttpRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Require a login; show 404 for what is not visible and 403 for what is refused."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFoundError as error:
            return refused(request, status=404, message=str(error.message))
        except PermissionDeniedError as error:
            return refused(request, status=403, message=str(error.message))

    return login_required(wrapper)  # type: ignore[return-value]


def page_url(request: HttpRequest, **changes: str | None) -> str:
    """Return the current query string with ``changes`` (None removes a parameter)."""
    params = {key: value for key, value in request.GET.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return f"?{urlencode(params)}" if params else "?"


def raise_access(error: DomainError) -> None:
    """Re-raise "not visible" and "not allowed" so that they become the 404/403 pages."""
    if isinstance(error, (NotFoundError, PermissionDeniedError)):
        raise error


def refuse_beside_pin(form: forms.Form, error: DomainError) -> None:
    """Put a signing refusal beside the PIN field (not visible / not allowed become pages).

    A missing certificate is a "not found" of the signing app, not of the document: it is
    shown beside the field like a wrong PIN.
    """
    if not isinstance(error, CertificateMissingError):
        raise_access(error)
    form.add_error("pin", error.message)


def add_refusal(request: HttpRequest, form: forms.Form, error: DomainError) -> None:
    """Show a service refusal beside the form's fields it names, else as a page message.

    A page message is seen even when the form that was posted is no longer offered (the
    draft moved on meanwhile).
    """
    raise_access(error)
    names = [CONTENT_FIELDS.get(name, name) for name in error.fields]
    if any(name in form.fields for name in names):
        form_add_refusal(form, error, fields=CONTENT_FIELDS)
    else:
        messages.error(request, error.message)


def is_htmx(request: HttpRequest) -> bool:
    """Return whether ``request`` was made by HTMX (it then wants a fragment)."""
    return request.headers.get("HX-Request") == "true"
