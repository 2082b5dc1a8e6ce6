"""JSON API of signature validation: a document's reports, and checking an uploaded PDF."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import File, Router, UploadedFile

from vanthu.accounts.auth import request_user
from vanthu.core.api import ErrorOut
from vanthu.documents.errors import UploadTooLargeError
from vanthu.documents.models import Attachment
from vanthu.signing.access import document_get_for
from vanthu.signing.enums import ReportStatus
from vanthu.signing.models import SignatureReport
from vanthu.signing.reports import reports_for_document, validate_for_agency
from vanthu.signing.validation import ValidationResult
from vanthu.signing.verify_schemas import SigningDocumentReportsOut, SigningReportOut

router = Router(tags=["Chữ ký số"])
_CHUNK = 1024 * 1024


def report_out(report: SignatureReport) -> dict[str, Any]:
    """Return the API form of a stored report."""
    return {
        "status": report.status,
        "status_label": str(ReportStatus(report.status).label),
        "summary": report.summary,
        "checked_at": report.checked_at,
        "trust_fingerprint": report.trust_fingerprint,
        "signatures": report.details,
    }


def result_out(result: ValidationResult) -> dict[str, Any]:
    """Return the API form of a validation result that was not stored."""
    return {
        "status": result.status,
        "status_label": str(ReportStatus(result.status).label),
        "summary": result.summary,
        "checked_at": None,
        "trust_fingerprint": result.trust_fingerprint,
        "signatures": result.details(),
    }


def _attachment_out(attachment: Attachment, report: SignatureReport) -> dict[str, Any]:
    return {
        "attachment_id": attachment.pk,
        "filename": attachment.filename,
        "sha256": attachment.blob.sha256,
        "report": report_out(report),
    }


@router.get(
    "/documents/{int:document_id}/signatures",
    response={200: SigningDocumentReportsOut, 404: ErrorOut},
    summary="Kết quả kiểm tra chữ ký số các tệp PDF của văn bản",
    operation_id="document_signatures",
)
def document_signatures(request: HttpRequest, document_id: int) -> dict[str, Any]:
    """Return the validation report of each PDF file of a document the caller may see.

    Reports are made against the trust store of the caller's agency (its roots plus the
    installation's); a file without a report yet is validated now and the report stored.
    """
    actor = request_user(request)
    document = document_get_for(actor=actor, document_id=document_id)
    pairs = reports_for_document(actor=actor, document=document)
    return {
        "document_id": document.pk,
        "items": [_attachment_out(attachment, report) for attachment, report in pairs],
    }


def _read_limited(file: UploadedFile) -> bytes:
    limit = int(settings.VANTHU_MAX_UPLOAD_BYTES)
    chunks, size = [], 0
    while chunk := file.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise UploadTooLargeError
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/signatures/verify",
    response={200: SigningReportOut, 413: ErrorOut},
    summary="Kiểm tra chữ ký số của một tệp PDF (không lưu tệp)",
    operation_id="signatures_verify",
)
def signatures_verify(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    """Validate the uploaded PDF against the caller's agency trust store; nothing is stored.

    A file that is not a PDF, is encrypted or damaged answers status ``unreadable``.
    """
    actor = request_user(request)
    try:
        data = _read_limited(file)
    finally:
        file.close()
    return result_out(validate_for_agency(data, agency_id=actor.agency_id))
