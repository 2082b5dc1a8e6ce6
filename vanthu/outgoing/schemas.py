"""Request and response schemas of the outgoing API."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from vanthu.core.schema_types import IsoDate
from vanthu.drafting.content import DraftContent
from vanthu.drafting.schemas import FindingOut

Level = Literal["none", "confidential", "secret", "top_secret"]


class DraftJsonIn(Schema):
    """A structured draft (``POST /drafts`` and ``POST /drafts/{id}/versions`` as JSON)."""

    content: DraftContent


class ReviewIn(Schema):
    decision: Literal["approve", "return"]
    comment: str = Field("", max_length=5000)


class DraftReturnIn(Schema):
    comment: str = Field(..., max_length=5000)


class ApproveIn(Schema):
    signing_mode: Literal["paper", "digital"] = "paper"
    comment: str = Field("", max_length=5000)


class CommentIn(Schema):
    version: int = Field(..., ge=1)
    text: str = Field(..., max_length=5000)


class DistributionIn(Schema):
    kind: Literal["unit", "user", "agency", "email", "post"]
    unit_id: int | None = None
    user_id: int | None = None
    agency_id: int | None = None
    name: str = Field("", max_length=255)
    email: str = Field("", max_length=254)
    postal_address: str = Field("", max_length=500)
    envelope_count: int = Field(1, ge=1, le=100)


class IssueIn(Schema):
    distribution: list[DistributionIn] = Field(default_factory=list, max_length=500)
    copies: int | None = Field(None, ge=1, le=10000)


class RecallIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500)


class FindingsOut(Schema):
    findings: list[FindingOut]


class VersionOut(Schema):
    number: int
    kind: str
    created_by: str
    created_at: dt.datetime
    checked_at: dt.datetime | None
    findings: list[FindingOut] | None


class CommentOut(Schema):
    version: int
    author: str
    text: str
    created_at: dt.datetime


class ReviewOut(Schema):
    version: int
    reviewer: str
    decision: str
    comment: str
    created_at: dt.datetime


class DraftOut(Schema):
    id: int
    status: str
    status_label: str
    type_code: str
    type_name: str
    subject: str
    confidentiality: int
    urgency: str
    unit: str
    author: str
    version_count: int
    approved_version: int | None
    signer: str | None
    signing_mode: str
    signature_state: str
    record_id: int | None
    versions: list[VersionOut]
    comments: list[CommentOut]
    reviews: list[ReviewOut]


class DiffOut(Schema):
    lines: list[str]


class DistributionOut(Schema):
    id: int
    kind: str
    recipient: str
    status: str
    status_label: str
    sent_at: dt.datetime | None
    note: str
    receiver: dict[str, Any] | None


class RecordItemOut(Schema):
    id: int
    code: str
    number: int
    year: int
    issued_date: IsoDate
    type_name: str
    subject: str
    signer_name: str
    status: str
    book: str


class RecordOut(RecordItemOut):
    document_id: int
    draft_id: int
    organ_name: str
    to_places: str
    page_amount: int
    confidentiality: int
    urgency: str
    recalled_at: dt.datetime | None
    recall_reason: str
    corrects_id: int | None
    distributions: list[DistributionOut]


class RecordPageOut(Schema):
    items: list[RecordItemOut]
    next_cursor: str | None


class RegisterQuery(Schema):
    cursor: str | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1900, le=2999)
    limit: int = Field(50, ge=1, le=200)
