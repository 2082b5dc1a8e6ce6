"""The draft page: versions, comments, reviews, the difference between versions, previews."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.documents.mediatypes import DOCX, PDF
from vanthu.outgoing import services
from vanthu.outgoing.drafting_io import docx_to_pdf
from vanthu.outgoing.drafts import version_docx
from vanthu.outgoing.forms import ApproveForm, CommentForm, CommentOnlyForm, DiffForm, ReviewForm
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.selectors import (
    draft_comments,
    draft_current_version,
    draft_get_for,
    draft_reviews,
    draft_versions,
)
from vanthu.outgoing.ui_selectors import record_of_draft
from vanthu.outgoing.views.common import actor_of, add_refusal, outgoing_view, raise_access
from vanthu.outgoing.views.permitted import draft_actions


def _diff(
    request: HttpRequest, actor: User, draft: OutgoingDraft, form: DiffForm
) -> list[tuple[str, str]] | None:
    """Return the classified diff lines asked for by ``form`` (None when not asked)."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        lines = services.draft_diff(
            actor=actor,
            draft_id=draft.pk,
            version_a=form.cleaned_data["a"],
            version_b=form.cleaned_data["b"],
        )
    except DomainError as error:
        add_refusal(request, form, error)
        return None
    kinds = {"+": "added", "-": "removed", "@": "hunk"}
    rows = [(kinds.get(line[:1], "same"), line) for line in lines if line[:3] not in {"---", "+++"}]
    return rows


def draft_context(
    request: HttpRequest, actor: User, draft: OutgoingDraft, **forms: Any
) -> dict[str, Any]:
    """Return what the draft page shows ``actor`` (``forms`` replace the blank ones)."""
    current = draft_current_version(draft)
    previous = max(1, current.number - 1)
    diff_form = DiffForm(
        request.GET if "a" in request.GET else None, initial={"a": previous, "b": current.number}
    )
    return {
        "draft": draft,
        "current": current,
        "versions": list(draft_versions(draft)),
        "comments": list(draft_comments(draft)),
        "reviews": list(draft_reviews(draft)),
        "actions": draft_actions(actor, draft),
        "record": record_of_draft(draft),
        "diff_form": diff_form,
        "diff": _diff(request, actor, draft, diff_form),
        "comment_form": CommentForm(initial={"version": current.number}),
        "review_form": ReviewForm(),
        "return_form": CommentOnlyForm(),
        "approve_form": ApproveForm(),
        **forms,
    }


def render_draft(
    request: HttpRequest, actor: User, draft: OutgoingDraft, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """Render the draft page (with refused forms, if any, and their status)."""
    context = draft_context(request, actor, draft, **forms)
    return render(request, "outgoing/draft.html", context, status=status)


@outgoing_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one visible draft (404 otherwise)."""
    actor = actor_of(request)
    return render_draft(request, actor, draft_get_for(actor=actor, pk=pk))


@require_POST
@outgoing_view
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """Comment on a version of the draft."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.draft_comment(
                actor=actor,
                draft_id=draft.pk,
                version_number=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
            )
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            messages.success(request, _("Đã ghi góp ý."))
            return redirect("outgoing:draft", pk=draft.pk)
    return render_draft(request, actor, draft, status=400, comment_form=form)


@require_POST
@outgoing_view
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the draft to the head of its unit."""
    actor = actor_of(request)
    try:
        services.draft_submit(actor=actor, draft_id=pk)
    except DomainError as error:
        raise_access(error)
        messages.error(request, error.message)
        return render_draft(request, actor, draft_get_for(actor=actor, pk=pk), status=409)
    messages.success(request, _("Đã trình lãnh đạo đơn vị."))
    return redirect("outgoing:draft", pk=pk)


@outgoing_view
def preview(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Download the current version as DOCX, or converted to PDF (number and date left blank)."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    current = draft_current_version(draft)
    data = version_docx(current)
    media_type = DOCX
    if fmt == "pdf":
        data, media_type = docx_to_pdf(data), PDF
    response = HttpResponse(data, content_type=media_type)
    name = f"du-thao-{draft.pk}-v{current.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
