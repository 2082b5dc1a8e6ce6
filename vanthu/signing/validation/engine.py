"""``validate_pdf``: every signature of a PDF, checked against a given trust store."""

from __future__ import annotations

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError

from vanthu.signing.enums import ReportStatus
from vanthu.signing.validation.checks import check_signature
from vanthu.signing.validation.reading import UnreadablePdf, open_pdf
from vanthu.signing.validation.result import ValidationResult
from vanthu.signing.validation.trust import trust_anchors, trust_fingerprint
from vanthu.signing.validation.verdict import judge_file, judge_signature


def _dss(reader: PdfFileReader) -> DocumentSecurityStore | None:
    try:
        return DocumentSecurityStore.read_dss(reader)
    except (NoDSSFoundError, ValueError, KeyError, TypeError):
        return None


def validate_pdf(
    data: bytes, *, trust_roots: list[bytes], allow_fetching: bool
) -> ValidationResult:
    """Validate every signature of the PDF in ``data``; never raises on bad input.

    ``trust_roots`` are DER or PEM certificates (the agency's store plus the installation's);
    ``allow_fetching`` lets the validator fetch CRLs/OCSP responses named by the certificates
    (soft fail: an unreachable CA gives a warning, not a refusal).
    """
    anchors = trust_anchors(trust_roots)
    fingerprint = trust_fingerprint(anchors)
    opened = open_pdf(data)
    if isinstance(opened, UnreadablePdf):
        return ValidationResult(
            status=ReportStatus.UNREADABLE,
            summary=opened.message,
            messages=[opened.message],
            trust_fingerprint=fingerprint,
        )
    dss = _dss(opened.reader)
    checks = []
    for signature in opened.signatures:
        check, status = check_signature(
            signature, anchors=anchors, dss=dss, allow_fetching=allow_fetching
        )
        judge_signature(check, status)
        checks.append(check)
    status, summary = judge_file(checks)
    return ValidationResult(
        status=status, summary=summary, signatures=checks, trust_fingerprint=fingerprint
    )
