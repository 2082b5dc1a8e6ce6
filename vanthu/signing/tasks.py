"""Background verification of stored PDFs (takes ids; safe to run again)."""

from __future__ import annotations

from django_tasks import task

from vanthu.signing.reports import signature_report_refresh


@task()
def verify_blob(blob_sha256: str, document_id: int | None, agency_id: int | None) -> str:
    """Validate a stored PDF for the agency's trust store, store its report; return the status."""
    report = signature_report_refresh(
        actor=None, blob_sha256=blob_sha256, document_id=document_id, agency_id=agency_id
    )
    return str(report.status)
