"""JSON API of the format checker: ``POST /format-check`` with any DOCX (multipart ``file``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import File, Router, Schema, UploadedFile

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut
from vanthu.documents.errors import UploadEmptyError, UploadTooLargeError
from vanthu.drafting.checker import check_docx
from vanthu.drafting.schemas import FindingOut

router = Router(tags=["Kiểm tra thể thức"])


class FormatCheckOut(Schema):
    """The findings; an empty list for a correct document."""

    findings: list[FindingOut]


@router.post(
    "/format-check",
    response={200: FormatCheckOut, 400: ErrorOut, 413: ErrorOut},
    summary="Kiểm tra thể thức văn bản (tệp DOCX bất kỳ)",
    operation_id="format_check",
)
def format_check(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    """Check a DOCX against Annex I of Decree 30 (any signed-in user).

    A file that is not a DOCX, is encrypted or is broken answers 400 ``invalid_docx``.
    """
    request_user(request)
    try:
        if file.size is not None and file.size > settings.VANTHU_MAX_UPLOAD_BYTES:
            raise UploadTooLargeError
        data = file.read()
    finally:
        file.close()
    if not data:
        raise UploadEmptyError
    return {"findings": [item.model_dump() for item in check_docx(data)]}
