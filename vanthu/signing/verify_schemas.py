"""API schemas of signature validation reports (names prefixed ``Signing…``: globally unique)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class SigningTimestampOut(Schema):
    time: str
    authority: str
    valid: bool


class SigningCheckOut(Schema):
    """One signature (or document time-stamp) of the file."""

    field_name: str
    kind: str
    signer_cn: str
    signer_subject: str
    signer_serial_hex: str
    issuer_cn: str
    signing_time: str | None
    signing_time_source: str | None
    coverage: str
    integrity: bool
    trusted: bool
    trust_problem: str | None
    chain: list[str]
    valid_at_signing_time: bool | None
    timestamp: SigningTimestampOut | None
    revocation: str
    modification: str | None
    status: str
    messages: list[str]
    warnings: list[str]


class SigningReportOut(Schema):
    """The verdict over one PDF file."""

    status: str
    status_label: str
    summary: str
    checked_at: dt.datetime | None
    trust_fingerprint: str
    signatures: list[SigningCheckOut]


class SigningAttachmentReportOut(Schema):
    attachment_id: int
    filename: str
    sha256: str
    report: SigningReportOut


class SigningDocumentReportsOut(Schema):
    document_id: int
    items: list[SigningAttachmentReportOut]
