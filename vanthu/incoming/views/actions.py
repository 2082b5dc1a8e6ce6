"""The handling steps posted from the document page: present, assign, start, note, complete, return.

Each handler binds its form, calls one service and goes back to the document page; a refusal
re-renders the page with the form's input and the message beside the field.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.core.forms import form_add_refusal
from vanthu.incoming import services
from vanthu.incoming.forms import (
    AssignForm,
    CompleteForm,
    NoteForm,
    PresentForm,
    ReplyForm,
    ReturnForm,
)
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_get_for
from vanthu.incoming.views.common import actor_of, incoming_view
from vanthu.incoming.views.detail import render_detail
from vanthu.incoming.views.routing import assign_form, parties_of, party_of

Step = Callable[[User, IncomingRecord, forms.Form], object]


def _step(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    context_name: str,
    step: Step,
    done: str,
) -> HttpResponse:
    actor = actor_of(request)
    incoming = incoming_get_for(actor=actor, pk=pk)
    form = (
        assign_form(actor, incoming, request.POST)
        if form_class is AssignForm
        else form_class(request.POST)
    )
    if form.is_valid():
        try:
            step(actor, incoming, form)
        except DomainError as error:
            form_add_refusal(form, error, fields={"support.0": "support", "inform.0": "inform"})
        else:
            messages.success(request, done)
            return redirect("incoming:detail", pk=incoming.pk)
    return render_detail(request, actor, incoming, status=400, **{context_name: form})


def _present(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    return services.incoming_present(actor=actor, incoming=incoming, note=form.cleaned_data["note"])


def _assign(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    values = form.cleaned_data
    agency_id = incoming.agency_id
    return services.incoming_assign(
        actor=actor,
        incoming=incoming,
        lead=party_of(agency_id, values["lead"], "lead"),
        supports=parties_of(agency_id, values["support"], "support"),
        informs=parties_of(agency_id, values["inform"], "inform"),
        instruction=values["instruction"],
        due_date=values["due_date"],
    )


def _start(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    return services.incoming_start(actor=actor, incoming=incoming)


def _note(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    values = form.cleaned_data
    return services.incoming_note_add(
        actor=actor, incoming=incoming, text=values["text"], proposal=values["proposal"]
    )


def _reply(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    reference = form.cleaned_data["reference"]
    return services.incoming_reply_set(actor=actor, incoming=incoming, reference=reference)


def _complete(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    note = form.cleaned_data["note"]
    return services.incoming_complete(actor=actor, incoming=incoming, note=note)


def _give_back(actor: User, incoming: IncomingRecord, form: forms.Form) -> object:
    reason = form.cleaned_data["reason"]
    return services.incoming_return(actor=actor, incoming=incoming, reason=reason)


@require_POST
@incoming_view
def present(request: HttpRequest, pk: int) -> HttpResponse:
    """Present the document to the agency leader."""
    return _step(
        request,
        pk,
        form_class=PresentForm,
        context_name="present_form",
        step=_present,
        done=_("Đã trình lãnh đạo."),
    )


@require_POST
@incoming_view
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the instruction and assign the document."""
    return _step(
        request,
        pk,
        form_class=AssignForm,
        context_name="assign_form",
        step=_assign,
        done=_("Đã phân công giải quyết."),
    )


@require_POST
@incoming_view
def start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start handling the document (đang giải quyết)."""
    return _step(
        request,
        pk,
        form_class=forms.Form,
        context_name="start_form",
        step=_start,
        done=_("Đã chuyển sang đang giải quyết."),
    )


@require_POST
@incoming_view
def note(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a note or a proposal to the trace."""
    return _step(
        request,
        pk,
        form_class=NoteForm,
        context_name="note_form",
        step=_note,
        done=_("Đã thêm ghi chú."),
    )


@require_POST
@incoming_view
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the document handled."""
    return _step(
        request,
        pk,
        form_class=CompleteForm,
        context_name="complete_form",
        step=_complete,
        done=_("Đã hoàn thành giải quyết văn bản."),
    )


@require_POST
@incoming_view
def give_back(request: HttpRequest, pk: int) -> HttpResponse:
    """Return the document to the clerk with a reason."""
    return _step(
        request,
        pk,
        form_class=ReturnForm,
        context_name="return_form",
        step=_give_back,
        done=_("Đã trả lại văn bản cho văn thư."),
    )


@require_POST
@incoming_view
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """Link the reply to the document."""
    return _step(
        request,
        pk,
        form_class=ReplyForm,
        context_name="reply_form",
        step=_reply,
        done=_("Đã ghi văn bản trả lời."),
    )
