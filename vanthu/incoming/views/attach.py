"""Attach one more file to a registered document, from the document page.

The upload is stored first (checked and hashed by the documents kernel) and kept by a signed
token, so that a refusal — a suspected duplicate asking for a confirmation and a reason, a
reason too long — never makes the clerk pick the file again. With HTMX the files section is
replaced in place; without it the page posts and comes back.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.core.forms import form_add_refusal
from vanthu.documents.enums import AttachmentRole
from vanthu.incoming import services
from vanthu.incoming.attachments import ALLOWED_TYPES, ensure_may_attach
from vanthu.incoming.errors import AttachmentExistsError, DuplicateIncomingError
from vanthu.incoming.forms import AttachForm
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_get_for
from vanthu.incoming.views.common import actor_of, incoming_view, is_htmx
from vanthu.incoming.views.detail import attachments_context, render_detail
from vanthu.incoming.views.scans import KeptScan, scan_from_token, scan_store


def _kept_file(actor: User, incoming: IncomingRecord, form: AttachForm) -> KeptScan | None:
    """Store a new upload, or take back the one kept by the token; errors go on ``file``."""
    upload = form.files.get("file")
    if upload is not None:
        try:
            return scan_store(
                actor=actor, upload=upload, allowed_types=ALLOWED_TYPES[incoming.channel]
            )
        except DomainError as error:
            form.add_error("file", error.message)
            return None
    token = str(form.data.get("file_token", ""))
    return scan_from_token(actor=actor, token=token) if token else None


def _attach(actor: User, incoming: IncomingRecord, form: AttachForm, kept: KeptScan) -> str:
    """Attach the kept file with the form's choices; return its name."""
    values = form.cleaned_data
    file = kept.as_file()
    try:
        attachment = services.incoming_attach(
            actor=actor,
            incoming=incoming,
            file=file,
            role=values["role"] or AttachmentRole.ORIGINAL,
            confirm_duplicate=values["confirm_duplicate"],
            duplicate_reason=values["duplicate_reason"],
        )
    finally:
        file.close()
    return attachment.filename


def _refused(
    request: HttpRequest,
    actor: User,
    incoming: IncomingRecord,
    form: AttachForm,
    kept: KeptScan | None,
    **extra: Any,
) -> HttpResponse:
    """Show the refused form with its input and the kept file (the section or the page)."""
    context = {
        "attach_form": form,
        "attach_kept": kept,
        "attach_token": kept.token(actor) if kept else "",
        **extra,
    }
    if is_htmx(request):
        section = {**attachments_context(actor, incoming), **context}
        return render(request, "incoming/_attachments.html", section, status=400)
    return render_detail(request, actor, incoming, status=400, **context)


@require_POST
@incoming_view
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the uploaded (or kept) file to the document (clerks of the agency)."""
    actor = actor_of(request)
    incoming = incoming_get_for(actor=actor, pk=pk)
    ensure_may_attach(actor, incoming)
    form = AttachForm(request.POST, request.FILES)
    valid = form.is_valid()
    kept = _kept_file(actor, incoming, form)
    if kept is None and not form.has_error("file"):
        form.add_error("file", _("Chọn tệp để đính kèm."))
    if not valid or kept is None or form.errors:
        return _refused(request, actor, incoming, form, kept)
    try:
        name = _attach(actor, incoming, form, kept)
    except DuplicateIncomingError as error:
        form.add_error(None, error.message)
        return _refused(request, actor, incoming, form, kept, attach_duplicate=error.earlier)
    except AttachmentExistsError as error:
        form.add_error("file", error.message)
        return _refused(request, actor, incoming, form, None)
    except DomainError as error:
        form_add_refusal(form, error)
        return _refused(request, actor, incoming, form, kept)
    done = _("Đã đính kèm tệp “%s”.") % name
    if is_htmx(request):
        section = {**attachments_context(actor, incoming), "attach_done": done}
        return render(request, "incoming/_attachments.html", section)
    messages.success(request, done)
    return redirect("incoming:detail", pk=incoming.pk)
