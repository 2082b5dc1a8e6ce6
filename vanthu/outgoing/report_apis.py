"""JSON API downloads of the outgoing registers and report (XLSX or PDF files).

``GET /outgoing/reports/register``, ``/outgoing/reports/postal-book`` and
``/outgoing/reports/status`` with ``format=xlsx|pdf`` and the period. Only the clerks and
leaders of the agency; anything else answers 404. Every download is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from vanthu.accounts.auth import request_user
from vanthu.core.schema_types import IsoDate
from vanthu.documents.printing.downloads import MEDIA_TYPES, file_format_of
from vanthu.documents.printing.http import binary_responses, file_response
from vanthu.outgoing.reports.downloads import (
    PeriodAsk,
    ReportBuilder,
    postal_builder,
    register_builder,
    report_file,
    status_builder,
)

router = Router(tags=["Sổ và báo cáo văn bản đi"])
_FILES = binary_responses(*MEDIA_TYPES.values())


class OutgoingReportQuery(Schema):
    """The period of a register or report (default: this year up to today) and the format."""

    date_from: IsoDate | None = Field(None, description="Từ ngày")
    date_to: IsoDate | None = Field(None, description="Đến ngày")
    year: int | None = Field(
        None, ge=1900, le=2999, description="Cả năm (thay cho từ ngày, đến ngày)"
    )
    # Any other value is answered 400 with the error format (not a 422 validation error).
    file_format: str = Field("xlsx", alias="format", description="Định dạng tệp: xlsx hoặc pdf")


class OutgoingRegisterQuery(OutgoingReportQuery):
    book_id: int = Field(..., ge=1, le=2**62, description="Sổ đăng ký văn bản đi")
    volume: int = Field(1, ge=1, le=999, description="Quyển số")


def _download(request: HttpRequest, query: OutgoingReportQuery, build: ReportBuilder) -> Any:
    """Answer the report ``build`` makes for the period and format of ``query`` (audited)."""
    ask = PeriodAsk(
        actor=request_user(request),
        file_format=file_format_of(query.file_format),
        date_from=query.date_from,
        date_to=query.date_to,
        year=query.year,
    )
    return file_response(report_file(build, ask))


@router.get(
    "/outgoing/reports/register",
    summary="Sổ đăng ký văn bản đi (Excel hoặc PDF)",
    operation_id="outgoing_register_report",
    openapi_extra=_FILES,
)
def register_download(request: HttpRequest, query: Query[OutgoingRegisterQuery]) -> Any:
    """Download the outgoing register of a book for a period (one year at most)."""
    return _download(request, query, register_builder(book_id=query.book_id, volume=query.volume))


@router.get(
    "/outgoing/reports/postal-book",
    summary="Sổ gửi văn bản đi bưu điện (Excel hoặc PDF)",
    operation_id="outgoing_postal_book_report",
    openapi_extra=_FILES,
)
def postal_download(request: HttpRequest, query: Query[OutgoingReportQuery]) -> Any:
    """Download the postal dispatch book of a period (one year at most)."""
    return _download(request, query, postal_builder)


@router.get(
    "/outgoing/reports/status",
    summary="Báo cáo tình hình giải quyết văn bản đi (Excel hoặc PDF)",
    operation_id="outgoing_status_report",
    openapi_extra=_FILES,
)
def status_download(request: HttpRequest, query: Query[OutgoingReportQuery]) -> Any:
    """Download the status report of the outgoing documents issued in a period."""
    return _download(request, query, status_builder)
