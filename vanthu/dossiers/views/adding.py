"""Adding documents from a dossier's page: one of the person's unfiled documents (a reply just
issued, an incoming document just handled) with one click, or an internal file upload."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import InvalidInputError
from vanthu.documents.models import Document
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.selectors import dossier_get_for
from vanthu.dossiers.services import dossier_document_add
from vanthu.dossiers.uploads import MAX_PAGES, UploadMeta, dossier_upload
from vanthu.dossiers.views.base import dossier_view
from vanthu.dossiers.worklist import unfiled_for

MAX_CANDIDATES = 20


class DateInput(forms.DateInput):
    input_type = "date"


class UploadForm(forms.Form):
    """An internal file (working paper, photo, audio/video) filed straight into the dossier."""

    file = forms.FileField(label=gettext_lazy("Tệp tài liệu"))
    subject = forms.CharField(label=gettext_lazy("Trích yếu nội dung"), max_length=500)
    issued_date = forms.DateField(label=gettext_lazy("Ngày tài liệu"), widget=DateInput)
    pages = forms.IntegerField(
        label=gettext_lazy("Số trang"), min_value=0, max_value=MAX_PAGES, initial=1
    )


def upload_form() -> UploadForm:
    """Return an empty upload form dated today."""
    return UploadForm(initial={"issued_date": timezone.localdate(), "pages": 1})


def add_candidates(*, actor: User, dossier: Dossier) -> list[Document]:
    """Return the actor's unfiled documents that could go into ``dossier``, newest first."""
    return list(unfiled_for(actor=actor).exclude(dossier_items__dossier=dossier)[:MAX_CANDIDATES])


def _document_id(value: str | None) -> int:
    if not value or not value.isdigit() or len(value) > 10:
        raise InvalidInputError(fields={"document_id": [_("Chọn văn bản cần thêm vào hồ sơ.")]})
    return int(value)


@require_POST
@dossier_view
def dossier_add_document(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """File an existing document of the agency into the open dossier (next ordinal)."""
    dossier = dossier_get_for(actor=actor, pk=pk)
    item = dossier_document_add(
        actor=actor, dossier=dossier, document_id=_document_id(request.POST.get("document_id"))
    )
    messages.success(
        request,
        _("Đã thêm văn bản vào hồ sơ, số thứ tự %(ordinal)d.") % {"ordinal": item.ordinal},
    )
    return redirect("dossiers:detail", pk=pk)


@require_POST
@dossier_view
def dossier_upload_view(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Store an internal file as a document of the agency and file it into the dossier."""
    dossier = dossier_get_for(actor=actor, pk=pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        problems = [str(message) for errors in form.errors.values() for message in errors]
        messages.error(request, " ".join([_("Chưa tải lên được tài liệu."), *problems]))
        return redirect("dossiers:detail", pk=pk)
    upload = form.cleaned_data["file"]
    item = dossier_upload(
        actor=actor,
        dossier=dossier,
        fileobj=upload,
        filename=upload.name or "",
        meta=UploadMeta(
            subject=form.cleaned_data["subject"],
            issued_date=form.cleaned_data["issued_date"],
            pages=form.cleaned_data["pages"],
        ),
    )
    messages.success(
        request,
        _("Đã tải lên và thêm vào hồ sơ, số thứ tự %(ordinal)d.") % {"ordinal": item.ordinal},
    )
    return redirect("dossiers:detail", pk=pk)
