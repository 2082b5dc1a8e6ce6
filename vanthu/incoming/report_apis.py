"""JSON API downloads of the incoming registers and forms (XLSX/PDF files).

Only the clerks and leaders of the agency; anything else answers 404. Every download is
recorded in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from vanthu.accounts.auth import request_user
from vanthu.core.schema_types import IsoDate
from vanthu.documents.printing.http import binary_responses, file_response
from vanthu.incoming.reports.downloads import (
    MEDIA_TYPES,
    FileFormat,
    handling_file,
    register_file,
    slip_file,
    stamp_file,
)

router = Router(tags=["Sổ và mẫu in văn bản đến"])


class PeriodQuery(Schema):
    """The period of a register or report (default: this year up to today)."""

    date_from: IsoDate | None = Field(None, description="Từ ngày (ngày đến)")
    date_to: IsoDate | None = Field(None, description="Đến ngày (ngày đến)")


class RegisterQuery(PeriodQuery):
    volume: int = Field(1, ge=1, le=999, description="Quyển số")


def _register(request: HttpRequest, book_id: int, query: RegisterQuery, fmt: FileFormat) -> Any:
    file = register_file(
        actor=request_user(request),
        book_id=book_id,
        file_format=fmt,
        date_from=query.date_from,
        date_to=query.date_to,
        volume=query.volume,
    )
    return file_response(file)


@router.get(
    "/incoming/registers/{int:book_id}.xlsx",
    summary="Sổ đăng ký văn bản đến (Excel)",
    operation_id="incoming_register_xlsx",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.XLSX]),
)
def register_xlsx(request: HttpRequest, book_id: int, query: Query[RegisterQuery]) -> Any:
    """Download the incoming register of a book for a period (one year at most) as XLSX."""
    return _register(request, book_id, query, FileFormat.XLSX)


@router.get(
    "/incoming/registers/{int:book_id}.pdf",
    summary="Sổ đăng ký văn bản đến (PDF)",
    operation_id="incoming_register_pdf",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.PDF]),
)
def register_pdf(request: HttpRequest, book_id: int, query: Query[RegisterQuery]) -> Any:
    """Download the incoming register of a book for a period (one year at most) as PDF."""
    return _register(request, book_id, query, FileFormat.PDF)


def _handling(request: HttpRequest, query: PeriodQuery, fmt: FileFormat) -> Any:
    file = handling_file(
        actor=request_user(request),
        file_format=fmt,
        date_from=query.date_from,
        date_to=query.date_to,
    )
    return file_response(file)


@router.get(
    "/incoming/reports/handling.xlsx",
    summary="Báo cáo tình hình giải quyết văn bản đến (Excel)",
    operation_id="incoming_handling_report_xlsx",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.XLSX]),
)
def handling_xlsx(request: HttpRequest, query: Query[PeriodQuery]) -> Any:
    """Download the handling report and the follow-up book of a period as XLSX."""
    return _handling(request, query, FileFormat.XLSX)


@router.get(
    "/incoming/reports/handling.pdf",
    summary="Báo cáo tình hình giải quyết văn bản đến (PDF)",
    operation_id="incoming_handling_report_pdf",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.PDF]),
)
def handling_pdf(request: HttpRequest, query: Query[PeriodQuery]) -> Any:
    """Download the handling report and the follow-up book of a period as PDF."""
    return _handling(request, query, FileFormat.PDF)


@router.get(
    "/incoming/{int:incoming_id}/slip.pdf",
    summary="Phiếu giải quyết văn bản đến (PDF)",
    operation_id="incoming_slip_pdf",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.PDF]),
)
def slip_pdf(request: HttpRequest, incoming_id: int) -> Any:
    """Download the handling slip of one incoming document."""
    return file_response(slip_file(actor=request_user(request), incoming_id=incoming_id))


@router.get(
    "/incoming/{int:incoming_id}/stamp.pdf",
    summary="Dấu “ĐẾN” (PDF 50 × 35 mm)",
    operation_id="incoming_stamp_pdf",
    openapi_extra=binary_responses(MEDIA_TYPES[FileFormat.PDF]),
)
def stamp_pdf(request: HttpRequest, incoming_id: int) -> Any:
    """Download the "ĐẾN" stamp label of one incoming document."""
    return file_response(stamp_file(actor=request_user(request), incoming_id=incoming_id))
