"""JSON API of the files of incoming records (nested in ``vanthu.incoming.apis.router``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile

from vanthu.core.api import ErrorOut
from vanthu.incoming import services
from vanthu.incoming.api_access import actor_and_record
from vanthu.incoming.presenters import attachment_out
from vanthu.incoming.schemas import AttachIn, AttachmentOut, DuplicateErrorOut

router = Router(tags=["Văn bản đến"])


@router.post(
    "/incoming/{int:incoming_id}/attachments",
    response={201: AttachmentOut, 409: DuplicateErrorOut, 413: ErrorOut, 415: ErrorOut},
    summary="Đính kèm tệp (bản quét, văn bản điện tử)",
    operation_id="incoming_attach",
)
def incoming_attach(
    request: HttpRequest,
    incoming_id: int,
    file: File[UploadedFile],
    options: Form[AttachIn],
) -> Status[dict[str, Any]]:
    """Attach a file to the record's document (clerks of the agency).

    Paper documents take scans (PDF, JPEG, PNG, TIFF), electronic ones PDF, DOCX or ZIP; the
    type is read from the content (415 otherwise). A file already attached to a record of the
    agency this year answers 409 ``duplicate`` with that record unless ``confirm_duplicate``
    is true and a ``duplicate_reason`` is given.
    """
    actor, incoming = actor_and_record(request, incoming_id)
    try:
        attachment = services.incoming_attach(
            actor=actor,
            incoming=incoming,
            file=file,
            role=options.role,
            confirm_duplicate=options.confirm_duplicate,
            duplicate_reason=options.duplicate_reason,
        )
    finally:
        file.close()
    return Status(201, attachment_out(attachment))
