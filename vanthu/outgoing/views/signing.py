"""The "Ký số" screens: the leader's approval with the signing mode, the signer's PIN prompt,
the clerk's agency signature and issue, and the signature queue including drafts to sign.

The PIN is read from the posted form, handed to ``draft_sign`` and forgotten: it is never put
back into a page (``PasswordInput(render_value=False)``), a message or the audit trail.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.dates import date_phrase
from vanthu.core.errors import DomainError
from vanthu.outgoing import services
from vanthu.outgoing.enums import DraftStatus, SigningMode
from vanthu.outgoing.forms import AgencySignForm, ApproveForm, PinForm
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import draft_get_for, drafts_visible_to
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.ui_selectors import (
    agency_people,
    agency_units,
    drafts_to_sign,
    other_agencies,
    record_of_draft,
)
from vanthu.outgoing.views.common import actor_of, outgoing_view, raise_access
from vanthu.outgoing.views.draft import render_draft
from vanthu.outgoing.views.issuing import _confirmation, distribution_of
from vanthu.outgoing.views.lists import _queue
from vanthu.signing.errors import CertificateMissingError


def _refuse_beside_pin(form: forms.Form, error: DomainError) -> None:
    """Put a signing refusal beside the PIN field (not visible / not allowed become pages).

    A missing certificate is a "not found" of the signing app, not of the draft: it is shown
    beside the field like a wrong PIN.
    """
    if not isinstance(error, CertificateMissingError):
        raise_access(error)
    form.add_error("pin", error.message)


@require_POST
@outgoing_view
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve the draft for signature, on paper or digitally (the leader)."""
    actor = actor_of(request)
    form = ApproveForm(request.POST)
    if form.is_valid():
        mode = SigningMode(form.cleaned_data["signing_mode"])
        try:
            services.draft_approve(
                actor=actor, draft_id=pk, signing_mode=mode, comment=form.cleaned_data["comment"]
            )
        except DomainError as error:
            raise_access(error)
            form.add_error(None, error.message)
        else:
            done = (
                _("Đã duyệt ký số; bấm “Ký số” để ký bằng chứng thư số của bạn.")
                if mode == SigningMode.DIGITAL
                else _("Đã duyệt ký; văn thư sẽ cấp số và phát hành.")
            )
            messages.success(request, done)
            return redirect("outgoing:draft", pk=pk)
    draft = draft_get_for(actor=actor, pk=pk)
    return render_draft(request, actor, draft, status=400, approve_form=form)


def _prompt(
    request: HttpRequest, draft: OutgoingDraft, form: PinForm, *, status: int = 200
) -> HttpResponse:
    return render(request, "outgoing/sign.html", {"draft": draft, "form": form}, status=status)


@sensitive_post_parameters("pin")
@outgoing_view
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the assigned signer for the PIN (GET), then sign the approved version (POST)."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    ensure(draft.signer_id == actor.pk, _("Chỉ người được giao ký văn bản mới ký số được."))
    if request.method != "POST":
        return _prompt(request, draft, PinForm())
    form = PinForm(request.POST)
    if form.is_valid():
        try:
            draft_sign(actor=actor, draft_id=draft.pk, pin=form.cleaned_data["pin"])
        except DomainError as error:
            _refuse_beside_pin(form, error)
            return _prompt(request, draft_get_for(actor=actor, pk=pk), form, status=409)
        messages.success(request, _("Đã ký số; văn thư sẽ ký số cơ quan, cấp số và phát hành."))
        return redirect("outgoing:draft", pk=pk)
    return _prompt(request, draft, form, status=400)


def _agency_form(actor: User, data: Any = None) -> AgencySignForm:
    return AgencySignForm(
        data,
        units=agency_units(actor),
        people=agency_people(actor),
        agencies=other_agencies(actor),
    )


def _issue_page(
    request: HttpRequest, draft: OutgoingDraft, form: AgencySignForm, *, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "draft": draft,
        "form": form,
        "record": record_of_draft(draft),
        "agency_sign": True,
        **_confirmation(draft),
    }
    return render(request, "outgoing/issue.html", context, status=status)


@sensitive_post_parameters("pin")
@outgoing_view
def sign_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The clerk's "Ký số cơ quan và phát hành": recipients and PIN (GET), then issue (POST)."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    ensure(is_clerk(actor), _("Chỉ văn thư mới được ký số của cơ quan."))
    if request.method != "POST":
        return _issue_page(request, draft, _agency_form(actor))
    form = _agency_form(actor, request.POST)
    if not form.is_valid():
        return _issue_page(request, draft, form, status=400)
    try:
        outcome = draft_sign(
            actor=actor,
            draft_id=draft.pk,
            pin=form.cleaned_data["pin"],
            distribution=distribution_of(form),
            copies=form.cleaned_data["copies"],
        )
    except DomainError as error:
        _refuse_beside_pin(form, error)
        return _issue_page(request, draft_get_for(actor=actor, pk=pk), form, status=409)
    issued = outcome.record
    if issued is None:  # the clerk was also the assigned signer: the leader's step ran
        messages.success(request, _("Đã ký số với tư cách người ký."))
        return redirect("outgoing:draft", pk=pk)
    document = issued.document
    messages.success(
        request,
        _("Đã ký số cơ quan và cấp số %(code)s, %(date)s, vào %(book)s.")
        % {
            "code": f"{document.code_number}/{document.code_notation}",
            "date": date_phrase(issued.issued_date),
            "book": issued.register_book.name,
        },
    )
    return redirect("outgoing:record", pk=issued.pk)


def _to_sign_rows(actor: User) -> QuerySet[OutgoingDraft]:
    """The leader's queue: drafts to approve, and digital drafts approved and still to sign."""
    to_approve = drafts_to_sign(actor)  # refuses whoever is not a leader
    to_sign = Q(
        status=DraftStatus.APPROVED,
        signing_mode=SigningMode.DIGITAL,
        signer=actor,
        signer_signed_pdf__isnull=True,
    )
    return (
        drafts_visible_to(actor)
        .select_related("document_type", "author", "unit")
        .filter(Q(pk__in=to_approve.values("pk")) | to_sign)
    )


@outgoing_view
def to_sign(request: HttpRequest) -> HttpResponse:
    """The leader's "Chờ ký duyệt" queue, with the drafts waiting for their digital signature."""
    return _queue(
        request,
        rows=_to_sign_rows,
        title=gettext_lazy("Văn bản chờ ký duyệt"),
        lead=gettext_lazy(
            "Dự thảo đã kiểm tra thể thức chờ duyệt ký, và văn bản bạn đã duyệt ký số chờ ký."
        ),
    )
