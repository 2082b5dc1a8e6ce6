"""The issued document page: metadata, files, delivery per recipient, recall, copies, post."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.documents.blobs import blob_open
from vanthu.outgoing import services
from vanthu.outgoing.enums import CopyForm, DistributionKind, DistributionStatus, RecordStatus
from vanthu.outgoing.forms import CopyMakeForm, PostForm, RecallForm
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.permissions import is_clerk, is_leader
from vanthu.outgoing.presenters import record_detail
from vanthu.outgoing.selectors import record_get_for
from vanthu.outgoing.services import outgoing_file_opened, outgoing_viewed
from vanthu.outgoing.ui_selectors import appendices_of, copies_of
from vanthu.outgoing.views.common import actor_of, add_refusal, outgoing_view


def record_context(actor: User, outgoing: OutgoingRecord, **forms: Any) -> dict[str, Any]:
    """Return what the issued document page shows ``actor``."""
    issued = outgoing.status == RecordStatus.ISSUED
    detail = record_detail(outgoing)
    clerk = is_clerk(actor)
    postable = {
        row["id"]
        for row in detail["distributions"]
        if clerk
        and row["kind"] == DistributionKind.POST
        and row["status"] == DistributionStatus.PENDING
    }
    return {
        "record": outgoing,
        "document": outgoing.document,
        "detail": detail,
        "copies": list(copies_of(outgoing)),
        "postable": postable,
        "may_recall": issued and (clerk or is_leader(actor)),
        "may_copy": issued and clerk,
        "appendices": appendices_of(outgoing),
        "may_sign_attachments": issued and clerk,
        "recall_form": RecallForm(),
        "copy_form": CopyMakeForm(),
        "post_form": PostForm(),
        **forms,
    }


def _render(
    request: HttpRequest, actor: User, outgoing: OutgoingRecord, status: int = 200, **forms: Any
) -> HttpResponse:
    context = record_context(actor, outgoing, **forms)
    return render(request, "outgoing/record.html", context, status=status)


@outgoing_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one visible issued document (404 otherwise)."""
    actor = actor_of(request)
    return _render(request, actor, outgoing_viewed(actor=actor, pk=pk))


@outgoing_view
def download(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """Stream the issued DOCX or PDF; the download is audited."""
    _record, blob, name = outgoing_file_opened(actor=actor_of(request), pk=pk, kind=kind)
    response = FileResponse(blob_open(blob), as_attachment=True, filename=name)
    response["Content-Type"] = blob.media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@outgoing_view
def recall(request: HttpRequest, pk: int) -> HttpResponse:
    """Recall the document with a reason (the clerk or a leader)."""
    actor = actor_of(request)
    form = RecallForm(request.POST)
    if form.is_valid():
        try:
            services.outgoing_recall(actor=actor, record_id=pk, reason=form.cleaned_data["reason"])
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            messages.success(request, _("Đã thu hồi văn bản."))
            return redirect("outgoing:record", pk=pk)
    return _render(request, actor, record_get_for(actor=actor, pk=pk), 400, recall_form=form)


@require_POST
@outgoing_view
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a numbered copy (sao y, sao lục, trích sao) of the document (the clerk)."""
    actor = actor_of(request)
    form = CopyMakeForm(request.POST)
    if form.is_valid():
        values = form.cleaned_data
        try:
            made = services.copy_make(
                actor=actor,
                record_id=pk,
                form=CopyForm(values["form"]),
                signer_position=values["signer_position"],
                signer_name=values["signer_name"],
                recipients=values["recipients"],
                extract_note=values["extract_note"],
            )
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            messages.success(request, _("Đã sao văn bản: %s.") % made)
            return redirect("outgoing:record", pk=pk)
    return _render(request, actor, record_get_for(actor=actor, pk=pk), 400, copy_form=form)


@require_POST
@outgoing_view
def post(request: HttpRequest, pk: int, distribution_id: int) -> HttpResponse:
    """Record that a postal recipient's envelope left (the clerk)."""
    actor = actor_of(request)
    record_get_for(actor=actor, pk=pk)
    form = PostForm(request.POST)
    count = form.cleaned_data["envelope_count"] if form.is_valid() else None
    try:
        services.distribution_post(
            actor=actor, distribution_id=distribution_id, envelope_count=count
        )
    except DomainError as error:
        add_refusal(request, form, error)
        return _render(request, actor, record_get_for(actor=actor, pk=pk), 400, post_form=form)
    messages.success(request, _("Đã ghi gửi bưu điện."))
    return redirect("outgoing:record", pk=pk)
