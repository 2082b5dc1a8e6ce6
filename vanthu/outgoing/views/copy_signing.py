"""The "Ký số bản sao" button of the record page's copies list, and the signed copy's file.

The PIN is read from the posted form, handed to ``copy_sign`` and forgotten: it is never put
back into a page, a message or the audit trail.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from vanthu.core.errors import DomainError, NotFoundError
from vanthu.documents.blobs import blob_open
from vanthu.outgoing.copy_signing import copy_sign, copy_signed_file
from vanthu.outgoing.models import CopyRecord, OutgoingRecord
from vanthu.outgoing.views.common import actor_of, outgoing_view, raise_access


class CopySignForm(forms.Form):
    pin = forms.CharField(
        label=gettext_lazy("Mã PIN / mật khẩu khóa ký số"),
        max_length=128,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


def _record_page(copy_id: int) -> HttpResponse:
    copy = CopyRecord.objects.filter(pk=copy_id).only("source_id").first()
    outgoing = (
        OutgoingRecord.objects.filter(document_id=copy.source_id).only("pk").first()
        if copy is not None
        else None
    )
    if outgoing is None:
        raise NotFoundError
    return redirect("outgoing:record", pk=outgoing.pk)


@sensitive_post_parameters("pin")
@require_POST
@outgoing_view
def sign(request: HttpRequest, copy_id: int) -> HttpResponse:
    """Make the electronic copy: the copy block signed with the agency's key (the clerk)."""
    actor = actor_of(request)
    form = CopySignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nhập mã PIN của khóa ký số cơ quan."))
        return _record_page(copy_id)
    try:
        made = copy_sign(actor=actor, copy_id=copy_id, pin=form.cleaned_data["pin"])
    except DomainError as error:
        raise_access(error)
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã ký số bản sao %s.") % made)
    return _record_page(copy_id)


@outgoing_view
def download(request: HttpRequest, copy_id: int) -> FileResponse:
    """Stream the signed electronic copy (audited)."""
    copy, blob = copy_signed_file(actor=actor_of(request), copy_id=copy_id)
    name = f"ban-sao-{copy.number:02d}-{copy.code_notation}.pdf"
    response = FileResponse(blob_open(blob), as_attachment=True, filename=name)
    response["Content-Type"] = blob.media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
