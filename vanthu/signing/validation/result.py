"""What validating a PDF finds: one entry per signature and the verdict over the file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from vanthu.signing.enums import ReportStatus


class Coverage(StrEnum):
    """How much of the file a signature covers."""

    WHOLE = "whole"
    PARTIAL = "partial"


class Revocation(StrEnum):
    """What is known about the revocation of the signer's certificate."""

    CHECKED = "checked"  # fetched from the CA when validating, and not revoked
    EMBEDDED = "embedded"  # from the validation data embedded in the file (PAdES B-LT)
    SOFT_FAILED = "soft_failed"  # the CA could not be reached: accepted with a warning
    NOT_CHECKED = "not_checked"  # checking offline, and no validation data in the file
    NO_INFO = "no_info"  # the certificate names no place to check
    REVOKED = "revoked"


@dataclass
class TimestampInfo:
    """The signature time-stamp token (PAdES B-T), if any."""

    time: str
    authority: str
    valid: bool


@dataclass
class SignatureCheck:
    """The findings on one signature (or document time-stamp) of the file."""

    field_name: str
    kind: str = "signature"  # or "document_timestamp"
    signer_cn: str = ""
    signer_subject: str = ""
    signer_serial_hex: str = ""
    issuer_cn: str = ""
    signing_time: str | None = None
    signing_time_source: str | None = None  # "timestamp" or "signer"
    coverage: Coverage = Coverage.PARTIAL
    integrity: bool = False
    trusted: bool = False
    trust_problem: str | None = None
    chain: list[str] = field(default_factory=list)
    valid_at_signing_time: bool | None = None
    timestamp: TimestampInfo | None = None
    revocation: Revocation = Revocation.NOT_CHECKED
    modification: str | None = None
    expired_since_signing: bool = False  # valid at the time-stamp's time, expired now
    status: ReportStatus = ReportStatus.INVALID
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON form stored in ``SignatureReport.details``."""
        data = asdict(self)
        data["coverage"] = self.coverage.value
        data["revocation"] = self.revocation.value
        data["status"] = str(self.status.value)
        return data


@dataclass
class ValidationResult:
    """The verdict over one file and its signatures, in the order they were applied."""

    status: ReportStatus
    summary: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    trust_fingerprint: str = ""

    @property
    def signature_count(self) -> int:
        """Return how many signatures (not document time-stamps) the file carries."""
        return sum(1 for check in self.signatures if check.kind == "signature")

    @property
    def all_valid_and_trusted(self) -> bool:
        """Return whether the file is signed and every signature is valid and trusted."""
        return self.status in {ReportStatus.VALID, ReportStatus.VALID_WITH_WARNINGS}

    def details(self) -> list[dict[str, Any]]:
        """Return the per-signature entries as JSON-ready dictionaries."""
        return [check.as_dict() for check in self.signatures]

    def as_dict(self) -> dict[str, Any]:
        """Return the whole result as JSON-ready data."""
        return {
            "status": str(self.status.value),
            "summary": self.summary,
            "messages": list(self.messages),
            "signatures": self.details(),
            "trust_fingerprint": self.trust_fingerprint,
        }
