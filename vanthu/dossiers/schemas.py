"""API schemas of file plans and dossiers (names prefixed to stay unique in the API)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from vanthu.core.schema_types import IsoDate

RetentionValue = Literal[
    "permanent",
    "70",
    "50",
    "30",
    "20",
    "15",
    "10",
    "5",
    "until_expired",
    "life_of_work",
    "after_contract",
]


class DossierPlanIn(Schema):
    year: int = Field(ge=2000, le=2100)
    numbering: Literal["continuous", "per_heading"] = "continuous"
    copy_from: int | None = Field(default=None, ge=1, le=2**31 - 1)


class DossierPlanOut(Schema):
    id: int
    year: int
    numbering: str
    status: str
    decision_number: str
    decision_date: dt.date | None


class DossierPlanListOut(Schema):
    items: list[DossierPlanOut]
    next_cursor: str | None = None


class DossierHeadingIn(Schema):
    title: str = Field(max_length=300)
    abbreviation: str = Field(default="", max_length=20)
    parent_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class DossierHeadingOut(Schema):
    id: int
    label: str
    title: str
    abbreviation: str
    parent_id: int | None


class DossierPlanItemIn(Schema):
    heading_id: int = Field(ge=1, le=2**31 - 1)
    title: str = Field(max_length=500)
    retention: RetentionValue
    code: str = Field(default="", max_length=40)
    keywords: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=500)


class DossierPlanItemOut(Schema):
    id: int
    heading_id: int
    number: int
    code: str
    title: str
    retention: str
    keywords: str


class DossierPlanItemListOut(Schema):
    items: list[DossierPlanItemOut]
    next_cursor: str | None = None


class DossierPlanIssueIn(Schema):
    decision_number: str = Field(max_length=50)
    decision_date: IsoDate


class DossierOpenIn(Schema):
    plan_item_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    title: str = Field(default="", max_length=500)
    code: str = Field(default="", max_length=40)
    retention: RetentionValue | None = None
    rights: Literal["public", "restricted"] = "public"
    is_construction: bool = False
    description: str = Field(default="", max_length=2000)


class DossierItemOut(Schema):
    ordinal: int
    document_id: int
    code_number: str
    code_notation: str
    issued_date: dt.date
    subject: str
    pages: int
    is_draft: bool


class DossierOut(Schema):
    id: int
    code: str
    title: str
    year: int
    retention: str
    rights: str
    status: str
    confidentiality: int
    creator: str
    plan_item_id: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    doc_total: int
    page_total: int
    handover_due: dt.date | None
    closing_note: str


class DossierDetailOut(DossierOut):
    items: list[DossierItemOut]


class DossierListOut(Schema):
    items: list[DossierOut]
    next_cursor: str | None = None


class DossierAddIn(Schema):
    document_id: int = Field(ge=1, le=2**31 - 1)
    is_draft: bool = False


class DossierCloseIn(Schema):
    retention: RetentionValue
    title: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=2000)
    settlement_date: IsoDate | None = None


class DossierReopenIn(Schema):
    reason: str = Field(max_length=500)


class DossierQuery(Schema):
    status: Literal["open", "closed", "handed_over"] | None = None
    mine: bool = False
    cursor: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=50, ge=1, le=200)


class DossierProposalOut(Schema):
    reason: str
    dossier_id: int | None
    plan_item_id: int | None
    label: str


class DossierProposalListOut(Schema):
    items: list[DossierProposalOut]


class DossierConfirmIn(Schema):
    dossier_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    plan_item_id: int | None = Field(default=None, ge=1, le=2**31 - 1)


class DossierUnfiledOut(Schema):
    document_id: int
    type_name: str
    code_number: str
    code_notation: str
    issued_date: dt.date
    subject: str


class DossierUnfiledListOut(Schema):
    items: list[DossierUnfiledOut]
    next_cursor: str | None = None


class DossierExportQuery(Schema):
    format: Literal["pdf", "xml"] = "pdf"


class DossierPlanPrintQuery(Schema):
    format: Literal["docx", "pdf"] = "pdf"


class DossierUploadIn(Schema):
    # A form field sent empty counts as missing: the schema says so (min_length).
    subject: str = Field(min_length=1, max_length=500)
    issued_date: IsoDate
    type_code: str = Field(default="32", max_length=2)
    pages: int = Field(default=1, ge=0, le=100_000)
    is_draft: bool = False


class DossierScheduleItemIn(Schema):
    group_code: str = Field(max_length=10)
    group_name: str = Field(max_length=200)
    title: str = Field(max_length=500)
    retention: RetentionValue
    legal_basis: str = Field(max_length=200)
    version: str = Field(max_length=20)


class DossierScheduleItemOut(Schema):
    id: int
    own: bool
    group_code: str
    group_name: str
    title: str
    retention: str
    retention_label: str
    legal_basis: str
    version: str


class DossierScheduleListOut(Schema):
    items: list[DossierScheduleItemOut]
    next_cursor: str | None = None
