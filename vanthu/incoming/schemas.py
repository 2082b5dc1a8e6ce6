"""API bodies of incoming documents (Annex VI field names, design.md §5)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from vanthu.core.api import ErrorOut
from vanthu.core.schema_types import IsoDate
from vanthu.documents.enums import Confidentiality

UrgencyName = Literal["normal", "urgent", "very_urgent", "flash"]
ConfidentialityName = Literal["none", "confidential", "secret", "top_secret"]
StatusName = Literal["registered", "presented", "assigned", "in_progress", "done", "returned"]
ChannelName = Literal["paper", "electronic"]

CONFIDENTIALITY_LEVELS: dict[str, int] = {
    "none": Confidentiality.NORMAL,
    "confidential": Confidentiality.CONFIDENTIAL,
    "secret": Confidentiality.SECRET,
    "top_secret": Confidentiality.TOP_SECRET,
}
CONFIDENTIALITY_NAMES: dict[int, str] = {
    level: name for name, level in CONFIDENTIALITY_LEVELS.items()
}


class IncomingIn(Schema):
    """A registration: the Annex VI fields of an incoming document."""

    type_code: str = Field(description="Mã loại văn bản 01–32 (Thông tư 05/2025)")
    code_number: str = Field("", description="Số của văn bản (tối đa 11 ký tự)")
    code_notation: str = Field("", description="Ký hiệu của văn bản, ví dụ KH-SNV, SNV-VP")
    issued_date: IsoDate
    organ_name: str = Field(description="Tên cơ quan ban hành (tối đa 200 ký tự)")
    subject: str = Field(description="Trích yếu nội dung (tối đa 500 ký tự)")
    signer_position: str = ""
    signer_full_name: str = ""
    language: str = Field("01", description="Mã ngôn ngữ (01 Tiếng Việt)")
    page_amount: int = 1
    urgency: UrgencyName = "normal"
    confidentiality: ConfidentialityName = "none"
    to_places: str = ""
    description: str = ""
    due_date: IsoDate | None = None
    channel: ChannelName = "paper"
    register_book_id: int | None = None
    confirm_duplicate: bool = False
    duplicate_reason: str = ""


class IncomingQuery(Schema):
    """Filters and paging of the register list."""

    date_from: IsoDate | None = Field(None, description="Ngày đến từ")
    date_to: IsoDate | None = Field(None, description="Ngày đến đến")
    status: StatusName | None = None
    type_code: str | None = None
    organ: str | None = Field(None, description="Cơ quan ban hành (không phân biệt dấu)")
    q: str | None = Field(None, description="Tìm trong trích yếu và ký hiệu (không dấu)")
    overdue: bool = False
    unit: int | None = Field(None, description="Đơn vị được giao (mã đơn vị)")
    assignee: str | None = Field(None, description="Người được giao (tên đăng nhập)")
    sort: Literal["arrival", "urgency"] = Field(
        "arrival", description="arrival: mới đến trước; urgency: văn bản khẩn trước"
    )
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=200)


class IncomingItemOut(Schema):
    """One row of the incoming register."""

    id: int
    arrival_number: int
    arrival_year: int
    arrival_date: IsoDate
    register_book_id: int
    channel: ChannelName
    status: StatusName
    due_date: IsoDate | None
    type_code: str
    type_name: str
    code_number: str
    code_notation: str
    issued_date: IsoDate
    organ_name: str
    subject: str
    urgency: UrgencyName
    confidentiality: ConfidentialityName


class PartyOut(Schema):
    user: str | None
    unit: int | None
    label: str


class AssignmentOut(Schema):
    id: int
    role: Literal["lead", "support", "inform"]
    party: PartyOut
    instruction: str
    due_date: IsoDate | None
    status: Literal["active", "done", "superseded"]
    assigned_by: str
    created_at: dt.datetime


class TraceOut(Schema):
    action: str
    text: str
    status: str
    actor: str
    actor_name: str
    at: dt.datetime


class AttachmentOut(Schema):
    """A file of the record's document (the original is never modified)."""

    id: int
    role: str
    filename: str
    sha256: str
    size: int
    media_type: str
    created_at: dt.datetime


class AttachIn(Schema):
    """The form fields sent with an attached file (multipart)."""

    role: Literal["original", "appendix"] = Field("original", description="Vai trò của tệp")
    confirm_duplicate: bool = False
    duplicate_reason: str = ""


class IncomingOut(IncomingItemOut):
    """An incoming record with all its metadata, files, assignments and trace."""

    signer_position: str
    signer_full_name: str
    language: str
    page_amount: int
    to_places: str
    description: str
    received_by: str
    duplicate_of_id: int | None
    duplicate_reason: str
    proposal: str
    reply_reference: str
    recalled_at: dt.datetime | None
    recall_reason: str
    attachments: list[AttachmentOut]
    assignments: list[AssignmentOut]
    trace: list[TraceOut]


class IncomingPageOut(Schema):
    items: list[IncomingItemOut]
    next_cursor: str | None


class PartyIn(Schema):
    """A person by username or a unit by id (exactly one)."""

    user: str | None = None
    unit: int | None = None


class AssignIn(Schema):
    instruction: str = ""
    lead: PartyIn
    support: list[PartyIn] = []
    inform: list[PartyIn] = []
    due_date: IsoDate | None = None


class CompleteIn(Schema):
    note: str = ""
    reply_reference: str | None = Field(None, description="Số, ký hiệu văn bản trả lời")


class PresentIn(Schema):
    note: str = ""


class NoteIn(Schema):
    """A note and/or the handler's proposal (at least one)."""

    text: str = ""
    proposal: str = ""


class ReplyIn(Schema):
    reply_reference: str = Field(description="Số, ký hiệu văn bản trả lời (ví dụ 125/UBND-VP)")


class ReturnIn(Schema):
    reason: str


class DuplicateErrorOut(ErrorOut):
    """409 ``duplicate``: the earlier registration is under ``duplicate_of``."""

    duplicate_of: dict[str, Any]


class AgencyRefOut(Schema):
    id: int
    name: str


class DeliveryOut(Schema):
    """A document sent by another agency of the installation."""

    id: int
    status: Literal["pending", "accepted", "refused", "withdrawn"]
    from_agency: AgencyRefOut
    to_agency: AgencyRefOut
    sent_at: dt.datetime
    type_code: str
    type_name: str
    code_number: str
    code_notation: str
    issued_date: IsoDate
    organ_name: str
    subject: str
    urgency: UrgencyName
    confidentiality: ConfidentialityName
    refusal_reason: str
    decided_at: dt.datetime | None
    withdrawal_reason: str
    withdrawn_at: dt.datetime | None
    incoming_id: int | None


class DeliveryPageOut(Schema):
    items: list[DeliveryOut]
    next_cursor: str | None


class PendingQuery(Schema):
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=200)


class AcceptIn(Schema):
    register_book_id: int | None = None
    due_date: IsoDate | None = None


class RefuseIn(Schema):
    reason: str = Field(description="Lý do từ chối (cơ quan gửi nhìn thấy)")
