"""JSON API of the documents kernel: blob upload (mounted under /api/v1/ by config/api.py)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import File, Router, Schema, Status, UploadedFile

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut
from vanthu.documents.models import Blob
from vanthu.documents.uploads import blob_store_upload

router = Router(tags=["Tệp"])


class BlobOut(Schema):
    id: int
    sha256: str
    size: int
    media_type: str


@router.post(
    "/blobs",
    response={201: BlobOut, 413: ErrorOut, 415: ErrorOut},
    summary="Tải lên một tệp",
    operation_id="blob_upload",
)
def blob_upload(request: HttpRequest, file: File[UploadedFile]) -> Status[Blob]:
    """Store the uploaded file (deduplicated by SHA-256, type from content) and describe it.

    Oversized content answers 413 (``upload_too_large``), a type that is not allowed 415
    (``upload_type_not_allowed``); nothing is stored in either case.
    """
    actor = request_user(request)
    try:
        blob = blob_store_upload(actor=actor, fileobj=file, filename=file.name or "")
    finally:
        file.close()
    return Status(201, blob)
