"""The "Ký số" screens: the signer's PIN prompt and the clerk's agency signature and issue.

The approval with the signing mode is a decision (``decisions.approve``); the drafts a leader
still has to sign are in the "Chờ ký duyệt" queue (``lists.to_sign``).

The PIN is read from the posted form, handed to ``draft_sign`` and forgotten: it is never put
back into a page (``PasswordInput(render_value=False)``), a message or the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from vanthu.accounts.models import User
from vanthu.core.dates import date_phrase
from vanthu.core.errors import DomainError
from vanthu.outgoing.forms import AgencySignForm, PinForm
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.ui_selectors import (
    agency_people,
    agency_units,
    other_agencies,
    record_of_draft,
)
from vanthu.outgoing.views.common import actor_of, outgoing_view, refuse_beside_pin
from vanthu.outgoing.views.issuing import distribution_of, issue_confirmation


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
            refuse_beside_pin(form, error)
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
        **issue_confirmation(draft),
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
        refuse_beside_pin(form, error)
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
