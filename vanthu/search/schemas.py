"""Schemas of the search API (names prefixed with ``Search`` — unique across the API)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from vanthu.core.schema_types import IsoDate
from vanthu.search.query import MAX_QUERY_CHARS

COLUMNS = ("code", "subject", "issued_date", "organ_name", "kind", "snippet")


class SearchQueryIn(Schema):
    q: str = Field("", max_length=20_000, description="Từ cần tìm (có dấu hoặc không dấu).")
    type: str | None = Field(None, max_length=2, description="Mã loại văn bản (2 chữ số).")
    organ: str | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1900, le=2999)
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    status: str | None = Field(None, max_length=20)
    unit: int | None = Field(None, ge=1, le=2**31)
    confidentiality: int | None = Field(None, ge=0, le=3)
    in_dossier: bool | None = None
    kind: Literal["incoming", "outgoing"] | None = None
    sort: Literal["relevance", "date"] = "relevance"
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class SearchExportQueryIn(SearchQueryIn):
    format: Literal["xlsx", "docx", "pdf"] = "xlsx"
    columns: str | None = Field(
        None, max_length=200, description="Các cột, cách nhau bởi dấu phẩy."
    )


class SearchItemOut(Schema):
    id: str
    kind: str
    code_number: str
    code_notation: str
    subject: str
    issued_date: dt.date | None
    organ_name: str
    snippet: str


class SearchFacetOut(Schema):
    value: str
    label: str
    count: int


class SearchPageOut(Schema):
    items: list[SearchItemOut]
    next_cursor: str | None
    facets: dict[str, list[SearchFacetOut]]


class SavedSearchIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    query: str = Field("", max_length=MAX_QUERY_CHARS)
    filters: dict[str, str | int | bool | None] = Field(default_factory=dict)
    sort: Literal["relevance", "date"] = "relevance"
    columns: list[Literal["code", "subject", "issued_date", "organ_name", "kind", "snippet"]] = (
        Field(default_factory=list, max_length=len(COLUMNS))
    )


class SavedSearchOut(Schema):
    id: int
    name: str
    query: str
    filters: dict[str, str | int | bool | None]
    sort: str
    columns: list[str]
