"""Validation of signed PDFs: integrity, coverage, trust, time, revocation, modifications.

``validate_pdf(data, trust_roots=[...], allow_fetching=...)`` never raises on bad input: an
encrypted, malformed or non-PDF file comes back with status ``unreadable`` and a Vietnamese
message. The trust store is always explicit (the operating system's list is never used).
"""

from vanthu.signing.validation.engine import validate_pdf
from vanthu.signing.validation.result import (
    Coverage,
    Revocation,
    SignatureCheck,
    TimestampInfo,
    ValidationResult,
)
from vanthu.signing.validation.trust import TrustRootError, load_certificates, trust_fingerprint

__all__ = [
    "Coverage",
    "Revocation",
    "SignatureCheck",
    "TimestampInfo",
    "TrustRootError",
    "ValidationResult",
    "load_certificates",
    "trust_fingerprint",
    "validate_pdf",
]
