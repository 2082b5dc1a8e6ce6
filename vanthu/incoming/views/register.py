"""The clerk's registration screen, its confirmation and the issuing-agency autocomplete."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.core.forms import form_add_refusal
from vanthu.documents.selectors import document_types, register_books_for
from vanthu.incoming import services
from vanthu.incoming.capture_link import incoming_register_captured
from vanthu.incoming.errors import DuplicateIncomingError
from vanthu.incoming.forms import RegistrationForm
from vanthu.incoming.permissions import is_clerk, max_confidentiality
from vanthu.incoming.selectors import incoming_get_for
from vanthu.incoming.suggestions import organ_suggestions
from vanthu.incoming.views.common import actor_of, incoming_view
from vanthu.incoming.views.scans import KeptScan, scan_from_token, scan_store

INCOMING_BOOK_KINDS = ("incoming", "secret_incoming")


def _clerk(request: HttpRequest) -> User:
    actor = actor_of(request)
    if not is_clerk(actor):
        raise PermissionDenied
    return actor


def _form(actor: User, data: Any = None, files: Any = None) -> RegistrationForm:
    books = register_books_for(actor=actor).filter(kind__in=INCOMING_BOOK_KINDS, is_active=True)
    return RegistrationForm(
        data,
        files,
        types=document_types(),
        books=list(books),
        max_confidentiality=max_confidentiality(actor),
        initial={"language": "01", "urgency": "normal", "confidentiality": 0, "page_amount": 1},
    )


def _kept_scan(actor: User, form: RegistrationForm) -> KeptScan | None:
    """Store a new upload, or take back the one kept by the hidden token; errors go on ``scan``."""
    upload = form.cleaned_data.get("scan") if hasattr(form, "cleaned_data") else None
    if upload:
        try:
            return scan_store(actor=actor, upload=upload)
        except DomainError as error:
            form.add_error("scan", error.message)
            return None
    token = form.data.get("scan_token", "")
    return scan_from_token(actor=actor, token=token) if token else None


def _render(request: HttpRequest, form: RegistrationForm, **context: Any) -> HttpResponse:
    status = 200 if not form.is_bound or not form.errors else 400
    return render(request, "incoming/register.html", {"form": form, **context}, status=status)


def _register(actor: User, form: RegistrationForm, scan: KeptScan | None) -> Any:
    data = form.incoming_data()
    job_id = form.cleaned_data.get("capture_job")
    if job_id:
        return incoming_register_captured(actor=actor, data=data, job_id=job_id)
    if scan is None:
        return services.incoming_register(actor=actor, data=data)
    return services.incoming_register_with_files(actor=actor, data=data, files=[scan.as_file()])


@incoming_view
def register(request: HttpRequest) -> HttpResponse:
    """Show the registration form; on POST register and go to the confirmation."""
    actor = _clerk(request)
    if request.method != "POST":
        return _render(request, _form(actor))
    form = _form(actor, request.POST, request.FILES)
    valid = form.is_valid()
    scan = _kept_scan(actor, form)
    context: dict[str, Any] = {"scan": scan, "scan_token": scan.token(actor) if scan else ""}
    if not valid or form.errors:
        return _render(request, form, **context)
    try:
        incoming = _register(actor, form, scan)
    except DuplicateIncomingError as error:
        form.add_error(None, error.message)
        return _render(request, form, duplicate=error.earlier, **context)
    except DomainError as error:
        form_add_refusal(form, error, fields={"register_book_id": "register_book"})
        return _render(request, form, **context)
    return redirect("incoming:registered", pk=incoming.pk)


@incoming_view
def registered(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a registration: the ĐẾN stamp data and the next steps."""
    actor = _clerk(request)
    incoming = incoming_get_for(actor=actor, pk=pk)
    return render(
        request,
        "incoming/registered.html",
        {"incoming": incoming, "next_url": reverse("incoming:register")},
    )


@require_GET
@incoming_view
def organ_autocomplete(request: HttpRequest) -> HttpResponse:
    """Return the issuing-agency suggestions for what the clerk typed (an HTMX fragment)."""
    actor = _clerk(request)
    term = request.GET.get("organ_name", "")
    names = organ_suggestions(actor=actor, term=term)
    return render(request, "incoming/_organ_suggestions.html", {"names": names, "term": term})
