"""The clerk's "chờ tiếp nhận" queue: documents sent by other agencies, accepted or refused.

Each item carries its own accept and refuse forms (prefixed by the delivery id). With HTMX a
decision replaces the item in place; without it the page posts and comes back. A refusal
re-renders the item (or the page) with the input kept and the message beside the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.api import keyset_page
from vanthu.core.errors import DomainError
from vanthu.core.forms import form_add_refusal
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Attachment, RegisterBook
from vanthu.incoming import services
from vanthu.incoming.delivery import delivery_attachment_download
from vanthu.incoming.forms import AcceptForm, RefuseForm
from vanthu.incoming.models import IncomingDelivery
from vanthu.incoming.permissions import is_clerk
from vanthu.incoming.queue_selectors import (
    delivery_attachments_for,
    queue_register_books_for,
)
from vanthu.incoming.selectors import deliveries_pending_for, delivery_get_for, incoming_get_for
from vanthu.incoming.views.common import actor_of, incoming_view, is_htmx, page_url

PAGE_SIZE = 25
# Where a service refusal lands on the accept form.
_ACCEPT_FIELDS = {"register_book_id": "register_book", "confidentiality": "register_book"}


@dataclass(slots=True)
class QueueItem:
    """One delivery of the queue with its files and forms."""

    delivery: IncomingDelivery
    attachments: list[Attachment]
    accept_form: AcceptForm
    refuse_form: RefuseForm


def _clerk(request: HttpRequest) -> User:
    actor = actor_of(request)
    if not is_clerk(actor):
        raise PermissionDenied
    return actor


def _books(
    grouped: dict[int, list[RegisterBook]], delivery: IncomingDelivery
) -> list[RegisterBook]:
    return grouped[1 if delivery.document.confidentiality else 0]


def _items(
    actor: User, rows: list[IncomingDelivery], bound: dict[int, dict[str, forms.Form]]
) -> list[QueueItem]:
    """Return the queue items of ``rows``; ``bound`` holds refused forms by delivery id."""
    files = delivery_attachments_for(actor=actor, deliveries=rows)
    books = queue_register_books_for(actor=actor)
    items = []
    for row in rows:
        prefix = f"d{row.pk}"
        kept = bound.get(row.pk, {})
        accept = kept.get("accept") or AcceptForm(books=_books(books, row), prefix=prefix)
        refuse = kept.get("refuse") or RefuseForm(prefix=prefix)
        if not isinstance(accept, AcceptForm) or not isinstance(refuse, RefuseForm):
            raise TypeError(prefix)
        items.append(QueueItem(row, files.get(row.document_id, []), accept, refuse))
    return items


def _queue_page(
    request: HttpRequest,
    actor: User,
    *,
    bound: dict[int, dict[str, forms.Form]] | None = None,
    status: int = 200,
) -> HttpResponse:
    cursor = request.GET.get("cursor") or None
    page = keyset_page(
        deliveries_pending_for(actor=actor),
        sort_field="queue_order",
        cursor=cursor,
        limit=PAGE_SIZE,
    )
    bound = bound or {}
    shown = {row.pk for row in page.items}
    for delivery_id, refused in bound.items():
        if delivery_id not in shown:  # decided meanwhile: say why above the queue
            for form in refused.values():
                for message in form.non_field_errors():
                    messages.error(request, str(message))
    context = {
        "items": _items(actor, page.items, bound),
        "next_url": page_url(request, cursor=page.next_cursor) if page.next_cursor else None,
        "first_url": page_url(request, cursor=None) if cursor else None,
    }
    return render(request, "incoming/deliveries.html", context, status=status)


def _refused(
    request: HttpRequest, actor: User, delivery: IncomingDelivery, name: str, form: forms.Form
) -> HttpResponse:
    """Show a refused form: the item alone for HTMX, else the whole queue (input kept)."""
    if not is_htmx(request):
        return _queue_page(request, actor, bound={delivery.pk: {name: form}}, status=400)
    item = _items(actor, [delivery], {delivery.pk: {name: form}})[0]
    return render(request, "incoming/_delivery.html", {"item": item, "open": name}, status=400)


@incoming_view
def deliveries(request: HttpRequest) -> HttpResponse:
    """Show what other agencies sent to the clerk's agency, urgent first."""
    return _queue_page(request, _clerk(request))


@require_POST
@incoming_view
def accept(request: HttpRequest, delivery_id: int) -> HttpResponse:
    """Register the delivered document (arrival number of the chosen book)."""
    actor = _clerk(request)
    delivery = delivery_get_for(actor=actor, pk=delivery_id)
    books = _books(queue_register_books_for(actor=actor), delivery)
    form = AcceptForm(request.POST, books=books, prefix=f"d{delivery.pk}")
    if form.is_valid():
        try:
            incoming = services.delivery_accept(
                actor=actor,
                delivery=delivery,
                register_book_id=form.cleaned_data["register_book"],
                due_date=form.cleaned_data["due_date"],
            )
        except DomainError as error:
            form_add_refusal(form, error, fields=_ACCEPT_FIELDS)
        else:
            if is_htmx(request):
                context = {"delivery": delivery, "incoming": incoming}
                return render(request, "incoming/_delivery_done.html", context)
            return redirect("incoming:delivery_accepted", pk=incoming.pk)
    return _refused(request, actor, delivery, "accept", form)


@require_POST
@incoming_view
def refuse(request: HttpRequest, delivery_id: int) -> HttpResponse:
    """Return the delivered document to its sender with a reason."""
    actor = _clerk(request)
    delivery = delivery_get_for(actor=actor, pk=delivery_id)
    form = RefuseForm(request.POST, prefix=f"d{delivery.pk}")
    if form.is_valid():
        try:
            refused = services.delivery_refuse(
                actor=actor, delivery=delivery, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form_add_refusal(form, error)
        else:
            if is_htmx(request):
                return render(request, "incoming/_delivery_done.html", {"delivery": refused})
            name = refused.from_agency.name
            messages.success(request, _("Đã trả lại văn bản cho %s.") % name)
            return redirect("incoming:deliveries")
    return _refused(request, actor, delivery, "refuse", form)


@incoming_view
def accepted(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm an acceptance: the arrival number, the record, back to the queue."""
    actor = _clerk(request)
    incoming = incoming_get_for(actor=actor, pk=pk)
    return render(request, "incoming/delivery_accepted.html", {"incoming": incoming})


@incoming_view
def attachment_download(request: HttpRequest, delivery_id: int, attachment_id: int) -> FileResponse:
    """Stream one file of a delivered document; the download is audited."""
    actor = _clerk(request)
    delivery = delivery_get_for(actor=actor, pk=delivery_id)
    attachment = delivery_attachment_download(
        actor=actor, delivery=delivery, attachment_id=attachment_id
    )
    blob = attachment.blob
    response = FileResponse(blob_open(blob), as_attachment=True, filename=attachment.filename)
    response["Content-Type"] = blob.media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
