"""API schemas of the capture app (names prefixed "Capture": they are global in OpenAPI)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class CaptureFieldOut(Schema):
    value: str | None
    confidence: float


class CaptureListFieldOut(Schema):
    value: list[str]
    confidence: float


class CaptureProposalsOut(Schema):
    """One proposal per field: the value read from the document and a confidence 0–1."""

    type_name: CaptureFieldOut
    code_number: CaptureFieldOut
    code_notation: CaptureFieldOut
    organ_name: CaptureFieldOut
    superior_organ: CaptureFieldOut
    place: CaptureFieldOut
    issued_date: CaptureFieldOut
    subject: CaptureFieldOut
    signer_authority: CaptureFieldOut
    signer_position: CaptureFieldOut
    signer_full_name: CaptureFieldOut
    urgency: CaptureFieldOut
    confidentiality: CaptureFieldOut
    recipients: CaptureListFieldOut


class CaptureJobOut(Schema):
    id: int
    filename: str
    media_type: str
    state: str
    state_label: str
    failure_code: str
    failure_reason: str
    attempts: int
    is_signed: bool
    text_source: str
    page_count: int
    has_searchable_pdf: bool
    copy_state: str
    copy_state_label: str
    copy_failure_code: str
    copy_failure_reason: str
    has_text: bool
    proposals: CaptureProposalsOut | None
    created_at: dt.datetime
