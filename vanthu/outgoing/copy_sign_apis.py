"""JSON API of the electronic copy and of the attachment signature (the clerk, agency seal)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from vanthu.accounts.auth import request_user
from vanthu.outgoing.attachment_signing import attachment_sign
from vanthu.outgoing.copy_signing import copy_sign

router = Router(tags=["Văn bản đi"])


class OutgoingCopySignIn(Schema):
    """The PIN of the token or the password of the PKCS#12 file (used once, never stored)."""

    pin: str = Field(..., min_length=1, max_length=128)


class OutgoingCopySignOut(Schema):
    id: int
    number: str = Field(..., description="Số và ký hiệu bản sao, ví dụ 01/SY-SNV")
    form: str
    signed_blob_sha256: str = Field(..., description="SHA-256 của bản sao điện tử đã ký số")


class OutgoingCopySignAttachmentOut(Schema):
    id: int = Field(..., description="Tệp đính kèm mới (đã ký số)")
    derived_from_id: int = Field(..., description="Tệp đính kèm gốc (không bị sửa)")
    filename: str
    blob_sha256: str


@router.post(
    "/outgoing/copies/{int:copy_id}/sign",
    response=OutgoingCopySignOut,
    summary="Ký số bản sao (sao y, sao lục, trích sao điện tử)",
    operation_id="outgoing_copy_sign",
)
def copy_sign_api(
    request: HttpRequest, copy_id: int, payload: OutgoingCopySignIn
) -> dict[str, Any]:
    copy = copy_sign(actor=request_user(request), copy_id=copy_id, pin=payload.pin)
    assert copy.signed_pdf is not None  # noqa: S101 - set by copy_sign
    return {
        "id": copy.pk,
        "number": f"{copy.number:02d}/{copy.code_notation}",
        "form": copy.form,
        "signed_blob_sha256": copy.signed_pdf.sha256,
    }


@router.post(
    "/outgoing/{int:record_id}/attachments/{int:attachment_id}/sign",
    response=OutgoingCopySignAttachmentOut,
    summary="Ký số tệp đính kèm riêng của văn bản đi",
    operation_id="outgoing_attachment_sign",
)
def attachment_sign_api(
    request: HttpRequest, record_id: int, attachment_id: int, payload: OutgoingCopySignIn
) -> dict[str, Any]:
    made = attachment_sign(
        actor=request_user(request),
        record_id=record_id,
        attachment_id=attachment_id,
        pin=payload.pin,
    )
    assert made.derived_from_id is not None  # noqa: S101 - set by attachment_sign
    return {
        "id": made.pk,
        "derived_from_id": made.derived_from_id,
        "filename": made.filename,
        "blob_sha256": made.blob.sha256,
    }
