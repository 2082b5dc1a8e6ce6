"""Template helpers for the signature badge (``{% load signing_badges %}``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.documents.models import Document
from vanthu.signing.enums import ReportStatus
from vanthu.signing.models import SignatureReport
from vanthu.signing.reports import latest_report, pdf_attachments
from vanthu.signing.validation.labels import REVOCATION_LABELS, label

register = template.Library()

_BACKGROUNDS = {
    ReportStatus.VALID: "#1b6e3a",
    ReportStatus.VALID_WITH_WARNINGS: "#8a5a00",
    ReportStatus.INVALID: "#a61b1b",
    ReportStatus.UNSIGNED: "#5a5a5a",
    ReportStatus.UNREADABLE: "#5a5a5a",
}


@register.filter
def signature_look(report: SignatureReport | None) -> dict[str, str]:
    """Return the badge's key, label and colour for a report (None: not checked yet)."""
    if report is None:
        return {"key": "pending", "label": _("Chưa kiểm tra chữ ký"), "background": "#5a5a5a"}
    status = ReportStatus(report.status)
    return {"key": status.value, "label": str(status.label), "background": _BACKGROUNDS[status]}


@register.filter
def revocation_label(code: str | None) -> str:
    """Return the Vietnamese words for a revocation finding."""
    return label(REVOCATION_LABELS, code)


@register.simple_tag
def signature_reports(document: Document, user: User) -> list[dict[str, Any]]:
    """Return each PDF of ``document`` with its latest report for the user's agency (or None).

    Reads only; the caller shows the document, so ``user`` may see it. Use as
    ``{% signature_reports document request.user as items %}`` then include the badge for each.
    """
    return [
        {
            "attachment": attachment,
            "report": latest_report(
                blob_sha256=attachment.blob.sha256,
                document_id=document.pk,
                agency_id=user.agency_id,
            ),
        }
        for attachment in pdf_attachments(document)
    ]
