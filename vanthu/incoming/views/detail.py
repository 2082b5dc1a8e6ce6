"""The document page (metadata, attachments, trace, this user's actions) and downloads."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from vanthu.accounts.models import User
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.blobs import blob_open
from vanthu.incoming import selectors, services
from vanthu.incoming.attachments import ensure_may_attach
from vanthu.incoming.forms import (
    AttachForm,
    CompleteForm,
    NoteForm,
    PresentForm,
    ReplyForm,
    ReturnForm,
)
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.views.common import actor_of, incoming_view
from vanthu.incoming.views.pdfa_copy import copy_status
from vanthu.incoming.views.permitted import Permitted, permitted_actions
from vanthu.incoming.views.routing import assign_form
from vanthu.workflow.selectors import assignments_of, trace_of


def may_attach(actor: User, incoming: IncomingRecord) -> bool:
    """Return whether ``actor`` may attach files to ``incoming`` (the service decides again)."""
    try:
        ensure_may_attach(actor, incoming)
    except PermissionDeniedError:
        return False
    return True


def attachments_context(actor: User, incoming: IncomingRecord) -> dict[str, Any]:
    """Return what the files section of the document page shows (with a blank upload form)."""
    return {
        "incoming": incoming,
        "attachments": selectors.incoming_attachments_for(actor=actor, incoming=incoming),
        "may_attach": may_attach(actor, incoming),
        "attach_form": AttachForm(),
        "copy": copy_status(actor, incoming),
    }


def detail_context(actor: User, incoming: IncomingRecord, **forms: Any) -> dict[str, Any]:
    """Return what the document page shows to ``actor`` (``forms`` replace the blank ones)."""
    keys = {"document_id": incoming.document_id, "agency_id": incoming.agency_id}
    actions: Permitted = permitted_actions(actor, incoming)
    blank: dict[str, Any] = {
        "present_form": PresentForm(),
        "note_form": NoteForm(),
        "complete_form": CompleteForm(),
        "reply_form": ReplyForm(),
        "return_form": ReturnForm(),
    }
    if actions.assign:
        blank["assign_form"] = assign_form(actor, incoming)
    return {
        "incoming": incoming,
        "document": incoming.document,
        "actions": actions,
        "assignments": list(assignments_of(**keys)),
        "trace": list(trace_of(**keys)),
        **attachments_context(actor, incoming),
        **blank,
        **forms,
    }


def render_detail(
    request: HttpRequest, actor: User, incoming: IncomingRecord, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """Render the document page (with refused forms, if any, and their status)."""
    context = detail_context(actor, incoming, **forms)
    return render(request, "incoming/detail.html", context, status=status)


@incoming_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one visible document (404 otherwise); the view is recorded in the audit trail."""
    actor = actor_of(request)
    incoming = selectors.incoming_get_for(actor=actor, pk=pk)
    services.incoming_viewed(actor=actor, incoming=incoming)
    return render_detail(request, actor, incoming)


@incoming_view
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    """Stream one attachment of a visible document; the download is audited."""
    actor = actor_of(request)
    incoming = selectors.incoming_get_for(actor=actor, pk=pk)
    attachment = services.incoming_attachment_download(
        actor=actor, incoming=incoming, attachment_id=attachment_id
    )
    blob = attachment.blob
    response = FileResponse(blob_open(blob), as_attachment=True, filename=attachment.filename)
    response["Content-Type"] = blob.media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
