"""API schemas of the hand-over (names prefixed ``Handover`` to stay unique in the API)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from vanthu.core.schema_types import IsoDate

DossierId = Annotated[int, Field(ge=1, le=2**31 - 1)]


class HandoverNoteIn(Schema):
    dossier_id: int = Field(ge=1, le=2**31 - 1)
    note: str = Field(default="", max_length=500)


class HandoverSubmitIn(Schema):
    dossier_ids: list[DossierId] = Field(min_length=1, max_length=500)
    title: str = Field(default="", max_length=500)
    notes: list[HandoverNoteIn] = Field(default_factory=list, max_length=500)


class HandoverAcceptIn(Schema):
    note: str = Field(default="", max_length=2000)


class HandoverReasonIn(Schema):
    dossier_id: int = Field(ge=1, le=2**31 - 1)
    reason: str = Field(max_length=1000)


class HandoverReturnIn(Schema):
    reasons: list[HandoverReasonIn] = Field(min_length=1, max_length=500)
    note: str = Field(default="", max_length=2000)


class HandoverItemOut(Schema):
    ordinal: int
    dossier_id: int
    code: str
    title: str
    start_date: dt.date
    end_date: dt.date
    retention: str
    retention_label: str
    doc_total: int
    page_total: int
    note: str
    check_result: str
    reason: str


class HandoverOut(Schema):
    id: int
    title: str
    status: str
    status_label: str
    unit: str | None
    submitted_by: str
    submitted_at: dt.datetime
    archivist: str | None
    decided_at: dt.datetime | None
    decision_note: str
    dossier_total: int


class HandoverDetailOut(HandoverOut):
    items: list[HandoverItemOut]


class HandoverListOut(Schema):
    items: list[HandoverOut]
    next_cursor: str | None = None


class HandoverListQuery(Schema):
    status: Literal["submitted", "accepted", "returned"] | None = None
    cursor: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=50, ge=1, le=200)


class HandoverFormQuery(Schema):
    format: Literal["docx", "pdf"] = "docx"


class HandoverKeptBackIn(Schema):
    dossier_id: int = Field(ge=1, le=2**31 - 1)
    reason: str = Field(max_length=1000)
    kept_until: IsoDate
    consent_reference: str = Field(max_length=200)
    consent_date: IsoDate


class HandoverKeptBackOut(Schema):
    id: int
    dossier_id: int
    code: str
    title: str
    handover_due: dt.date | None
    kept_until: dt.date
    reason: str
    consent_reference: str
    consent_date: dt.date
    consent_by: str


class HandoverKeptBackListOut(Schema):
    items: list[HandoverKeptBackOut]


class HandoverChecklistDossierOut(Schema):
    id: int
    code: str
    title: str
    status: str
    handover_due: dt.date | None


class HandoverChecklistOut(Schema):
    user_id: int
    clear: bool
    open_dossiers: list[HandoverChecklistDossierOut]
    closed_dossiers: list[HandoverChecklistDossierOut]
    pending_dossiers: list[HandoverChecklistDossierOut]


class HandoverComplianceQuery(Schema):
    year: int = Field(ge=2000, le=2100)


class HandoverComplianceRowOut(Schema):
    user_id: int | None
    name: str
    unit: str
    handled: int
    filed: int
    unfiled: int
    filed_percent: float
    opened: int
    closed: int
    overdue: int


class HandoverComplianceOut(Schema):
    year: int
    on: dt.date
    units: list[HandoverComplianceRowOut]
    people: list[HandoverComplianceRowOut]
