"""Decisions on a draft: the unit head's review, the leader's approval for signature (on paper
or digital), a return to the author."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.core.errors import DomainError
from vanthu.outgoing import services
from vanthu.outgoing.enums import ReviewDecision, SigningMode
from vanthu.outgoing.forms import ApproveForm, CommentOnlyForm, ReviewForm
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.views.common import actor_of, add_refusal, outgoing_view
from vanthu.outgoing.views.draft import render_draft


def _refused(request: HttpRequest, pk: int, form: forms.Form, context_name: str) -> HttpResponse:
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    return render_draft(request, actor, draft, status=400, **{context_name: form})


@require_POST
@outgoing_view
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve the submitted draft or return it with a comment (the unit head)."""
    form = ReviewForm(request.POST)
    if form.is_valid():
        decision = ReviewDecision(form.cleaned_data["decision"])
        try:
            services.draft_review(
                actor=actor_of(request),
                draft_id=pk,
                decision=decision,
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            done = (
                _("Đã duyệt dự thảo, chuyển văn thư kiểm tra thể thức.")
                if decision == ReviewDecision.APPROVE
                else _("Đã trả lại dự thảo cho người soạn thảo.")
            )
            messages.success(request, done)
            return redirect("outgoing:draft", pk=pk)
    return _refused(request, pk, form, "review_form")


@require_POST
@outgoing_view
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve the draft for signature, on paper or digitally (the leader)."""
    form = ApproveForm(request.POST)
    if form.is_valid():
        mode = SigningMode(form.cleaned_data["signing_mode"])
        try:
            services.draft_approve(
                actor=actor_of(request),
                draft_id=pk,
                signing_mode=mode,
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            done = (
                _("Đã duyệt ký số; bấm “Ký số” để ký bằng chứng thư số của bạn.")
                if mode == SigningMode.DIGITAL
                else _("Đã duyệt ký; văn thư sẽ cấp số và phát hành.")
            )
            messages.success(request, done)
            return redirect("outgoing:draft", pk=pk)
    return _refused(request, pk, form, "approve_form")


@require_POST
@outgoing_view
def give_back(request: HttpRequest, pk: int) -> HttpResponse:
    """Return the draft to its author with a comment (the clerk or a leader)."""
    form = CommentOnlyForm(request.POST)
    if form.is_valid():
        try:
            services.draft_return(
                actor=actor_of(request), draft_id=pk, comment=form.cleaned_data["comment"]
            )
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            messages.success(request, _("Đã trả lại dự thảo cho người soạn thảo."))
            return redirect("outgoing:draft", pk=pk)
    return _refused(request, pk, form, "return_form")
