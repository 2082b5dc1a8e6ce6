"""Writing a draft: a new structured draft or DOCX upload, and a new version of either kind."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.outgoing import services
from vanthu.outgoing.drafting_io import InvalidDocxError
from vanthu.outgoing.enums import CONFIDENTIALITY_LEVELS, VersionKind
from vanthu.outgoing.forms import DraftForm, UploadForm, draft_initial
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import ensure_drafter
from vanthu.outgoing.selectors import draft_current_version, draft_get_for
from vanthu.outgoing.views.common import actor_of, add_refusal, outgoing_view

TEMPLATE = "outgoing/compose.html"


def _new_initial(actor: User) -> dict[str, Any]:
    agency = actor.agency
    superior = agency.superior.name.upper() if agency and agency.superior else ""
    return {
        "issuer_name": agency.name.upper() if agency else "",
        "superior_name": superior,
        "archive_copies": 1,
    }


def _structured_source(actor: User, form: DraftForm) -> services.DraftSource:
    assert actor.agency is not None  # noqa: S101 — ensure_drafter checked the actor
    content = form.content(agency=actor.agency, unit=actor.unit)
    return services.DraftSource(content=content)


def _upload_source(form: UploadForm) -> services.DraftSource:
    values = form.cleaned_data
    upload = values["file"]
    return services.DraftSource(
        docx=upload.read(),
        filename=upload.name or "du-thao.docx",
        type_code=values["type_code"].code,
        subject=values["subject"],
        confidentiality=CONFIDENTIALITY_LEVELS[values["confidentiality"]],
        urgency=values["urgency"],
    )


def _page(
    request: HttpRequest, form: DraftForm | UploadForm, *, draft: OutgoingDraft | None, status: int
) -> HttpResponse:
    context = {"form": form, "draft": draft, "upload": isinstance(form, UploadForm)}
    return render(request, TEMPLATE, context, status=status)


def _save(
    request: HttpRequest, actor: User, form: DraftForm | UploadForm, draft: OutgoingDraft | None
) -> HttpResponse:
    """Create the draft or its new version from a bound form; re-show the form on refusal."""
    if form.is_valid():
        source = (
            _upload_source(form)
            if isinstance(form, UploadForm)
            else _structured_source(actor, form)
        )
        try:
            if draft is None:
                draft = services.draft_create(actor=actor, source=source)
                messages.success(request, _("Đã lưu dự thảo (phiên bản 1)."))
            else:
                version = services.draft_add_version(actor=actor, draft_id=draft.pk, source=source)
                messages.success(request, _("Đã lưu phiên bản %d.") % version.number)
        except InvalidDocxError as error:
            form.add_error("file" if "file" in form.fields else None, error.message)
        except DomainError as error:
            add_refusal(request, form, error)
        else:
            return redirect("outgoing:draft", pk=draft.pk)
    return _page(request, form, draft=draft, status=400)


@outgoing_view
def draft_new(request: HttpRequest) -> HttpResponse:
    """Write a new draft in the structured form."""
    actor = actor_of(request)
    ensure_drafter(actor)
    if request.method == "POST":
        return _save(request, actor, DraftForm(request.POST), None)
    return _page(request, DraftForm(initial=_new_initial(actor)), draft=None, status=200)


@outgoing_view
def draft_upload(request: HttpRequest) -> HttpResponse:
    """Start a draft from a DOCX written in Word."""
    actor = actor_of(request)
    ensure_drafter(actor)
    if request.method == "POST":
        return _save(request, actor, UploadForm(request.POST, request.FILES), None)
    return _page(request, UploadForm(), draft=None, status=200)


@outgoing_view
def draft_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a new structured version, starting from the current one."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    if request.method == "POST":
        return _save(request, actor, DraftForm(request.POST), draft)
    current = draft_current_version(draft)
    initial = (
        draft_initial(current.content)
        if current.kind == VersionKind.STRUCTURED and current.content
        else _new_initial(actor)
    )
    return _page(request, DraftForm(initial=initial), draft=draft, status=200)


@outgoing_view
def draft_reupload(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep a new version uploaded as DOCX."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    if request.method == "POST":
        return _save(request, actor, UploadForm(request.POST, request.FILES), draft)
    initial = {
        "type_code": draft.document_type,
        "subject": draft.subject,
        "urgency": draft.urgency,
    }
    return _page(request, UploadForm(initial=initial), draft=draft, status=200)
