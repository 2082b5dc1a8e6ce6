"""Validation reports of stored PDFs: one per (file, document, trust store), refreshed in place.

The original file is only read, never rewritten. Every stored or refreshed report is audited
(``signing.report_stored``) in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import NotFoundError
from vanthu.documents.blobs import blob_open
from vanthu.documents.mediatypes import PDF
from vanthu.documents.models import Attachment, Blob, Document
from vanthu.signing.enums import ReportStatus
from vanthu.signing.models import SignatureReport, TrustRoot
from vanthu.signing.validation import ValidationResult, validate_pdf
from vanthu.signing.validation.trust import trust_anchors, trust_fingerprint

# PDFs larger than this are reported unreadable rather than loaded whole into memory.
MAX_VERIFY_BYTES = 200 * 1024 * 1024


def trust_roots_for(*, agency_id: int | None) -> list[bytes]:
    """Return the active roots of the agency's trust store plus the installation-wide ones."""
    scope = Q(agency__isnull=True)
    if agency_id is not None:
        scope |= Q(agency_id=agency_id)
    rows = TrustRoot.objects.filter(scope, active=True).order_by("pk")
    return [bytes(der) for der in rows.values_list("certificate_der", flat=True)]


def _of_document(document_id: int | None) -> Q:
    return Q(document__isnull=True) if document_id is None else Q(document_id=document_id)


def fetching_allowed() -> bool:
    """Return whether validation may fetch revocation data from the CAs (on by default)."""
    return bool(getattr(settings, "VANTHU_SIGNATURE_FETCH", True))


def validate_for_agency(data: bytes, *, agency_id: int | None) -> ValidationResult:
    """Validate ``data`` against the trust store of ``agency_id`` (without storing anything)."""
    return validate_pdf(
        data, trust_roots=trust_roots_for(agency_id=agency_id), allow_fetching=fetching_allowed()
    )


def _unreadable(message: str, *, agency_id: int | None) -> ValidationResult:
    anchors = trust_anchors(trust_roots_for(agency_id=agency_id))
    return ValidationResult(
        status=ReportStatus.UNREADABLE,
        summary=message,
        messages=[message],
        trust_fingerprint=trust_fingerprint(anchors),
    )


def _validate_blob(blob: Blob, *, agency_id: int | None) -> ValidationResult:
    if blob.size > MAX_VERIFY_BYTES:
        return _unreadable(_("Tệp quá lớn để kiểm tra chữ ký số."), agency_id=agency_id)
    try:
        with blob_open(blob) as stream:
            data = stream.read()
    except FileNotFoundError:
        return _unreadable(_("Không tìm thấy nội dung tệp trong kho lưu trữ."), agency_id=agency_id)
    return validate_for_agency(data, agency_id=agency_id)


def signature_report_refresh(
    *,
    actor: User | None,
    blob_sha256: str,
    document_id: int | None,
    agency_id: int | None,
) -> SignatureReport:
    """Validate the stored PDF ``blob_sha256`` for the agency and store (or refresh) its report.

    ``actor`` is None when the system does it (the verification task after an upload).
    """
    blob = Blob.objects.filter(sha256=blob_sha256).first()
    if blob is None:
        raise NotFoundError
    result = _validate_blob(blob, agency_id=agency_id)
    return report_store(
        actor=actor,
        blob_sha256=blob_sha256,
        document_id=document_id,
        agency_id=agency_id,
        result=result,
    )


def report_store(
    *,
    actor: User | None,
    blob_sha256: str,
    document_id: int | None,
    agency_id: int | None,
    result: ValidationResult,
) -> SignatureReport:
    """Store ``result`` as the report of the file for the document and trust store, audited."""
    values: dict[str, Any] = {
        "status": result.status,
        "summary": result.summary[:500],
        "details": result.details(),
        "checked_at": timezone.now(),
    }
    with transaction.atomic():
        report = (
            SignatureReport.objects.select_for_update()
            .filter(
                _of_document(document_id),
                blob_sha256=blob_sha256,
                trust_fingerprint=result.trust_fingerprint,
            )
            .order_by("-pk")
            .first()
        )
        if report is None:
            report = SignatureReport(
                blob_sha256=blob_sha256,
                document_id=document_id,
                trust_fingerprint=result.trust_fingerprint,
            )
        for name, value in values.items():
            setattr(report, name, value)
        report.save()
        record(
            action="signing.report_stored",
            actor=actor,
            target=report,
            agency_id=agency_id,
            data={
                "sha256": blob_sha256,
                "document_id": document_id,
                "status": str(result.status),
                "signatures": result.signature_count,
                "trust_fingerprint": result.trust_fingerprint,
            },
        )
    return report


def pdf_attachments(document: Document) -> list[Attachment]:
    """Return the PDF files attached to ``document``, oldest first."""
    return list(
        Attachment.objects.filter(document=document, blob__media_type=PDF)
        .select_related("blob")
        .order_by("created_at", "pk")
    )


def reports_for_document(
    *, actor: User, document: Document
) -> list[tuple[Attachment, SignatureReport]]:
    """Return each PDF attachment with its report for the actor's agency (validated if missing).

    ``document`` must come from ``access.document_get_for`` (the actor may see it).
    """
    agency_id = actor.agency_id
    pairs = []
    for attachment in pdf_attachments(document):
        report = latest_report(
            blob_sha256=attachment.blob.sha256, document_id=document.pk, agency_id=agency_id
        )
        if report is None:
            report = signature_report_refresh(
                actor=actor,
                blob_sha256=attachment.blob.sha256,
                document_id=document.pk,
                agency_id=agency_id,
            )
        pairs.append((attachment, report))
    return pairs


def latest_report(
    *, blob_sha256: str, document_id: int | None, agency_id: int | None
) -> SignatureReport | None:
    """Return the newest report of the file made with the agency's current trust store."""
    fingerprint = trust_fingerprint(trust_anchors(trust_roots_for(agency_id=agency_id)))
    return (
        SignatureReport.objects.filter(
            _of_document(document_id), blob_sha256=blob_sha256, trust_fingerprint=fingerprint
        )
        .order_by("-checked_at", "-pk")
        .first()
    )
