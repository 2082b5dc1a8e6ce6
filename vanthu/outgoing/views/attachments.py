"""The separate attachments of an issued record: the clerk's "Ký số tệp đính kèm" and the files.

The PIN prompt works like the agency signature's: the PIN is read from the posted form, handed
to ``attachment_sign`` and forgotten; a refusal (wrong PIN, expired or missing certificate,
already signed) is shown beside the field.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from vanthu.core.errors import DomainError
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Attachment
from vanthu.outgoing.attachment_signing import appendix_get, attachment_sign
from vanthu.outgoing.forms import PinForm
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import record_get_for
from vanthu.outgoing.services import outgoing_attachment_opened
from vanthu.outgoing.views.common import actor_of, outgoing_view, refuse_beside_pin


def _prompt(
    request: HttpRequest,
    outgoing: OutgoingRecord,
    attachment: Attachment,
    form: PinForm,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "record": outgoing,
        "document": outgoing.document,
        "attachment": attachment,
        "form": form,
    }
    return render(request, "outgoing/sign_attachment.html", context, status=status)


@sensitive_post_parameters("pin")
@outgoing_view
def sign(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    """Ask the clerk for the agency key's PIN (GET), then sign the attachment (POST)."""
    actor = actor_of(request)
    outgoing = record_get_for(actor=actor, pk=pk)
    ensure(is_clerk(actor), _("Chỉ văn thư mới được ký số tệp đính kèm."))
    attachment = appendix_get(outgoing.document_id, attachment_id)
    if request.method != "POST":
        return _prompt(request, outgoing, attachment, PinForm())
    form = PinForm(request.POST)
    if not form.is_valid():
        return _prompt(request, outgoing, attachment, form, status=400)
    try:
        made = attachment_sign(
            actor=actor, record_id=pk, attachment_id=attachment_id, pin=form.cleaned_data["pin"]
        )
    except DomainError as error:
        refuse_beside_pin(form, error)
        return _prompt(request, outgoing, attachment, form, status=409)
    messages.success(request, _("Đã ký số tệp đính kèm: %s.") % made.filename)
    return redirect("outgoing:record", pk=pk)


@outgoing_view
def download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    """Stream a separate attachment or its signed file (audited)."""
    _record, attachment = outgoing_attachment_opened(
        actor=actor_of(request), pk=pk, attachment_id=attachment_id
    )
    blob = attachment.blob
    response = FileResponse(blob_open(blob), as_attachment=True, filename=attachment.filename)
    response["Content-Type"] = blob.media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
