"""The filing compliance page (per unit and person) with its XLSX/PDF downloads, and the
archive's Mục lục hồ sơ (DOCX/PDF) of its holdings.

Agency leaders, archivists and administrators see the whole agency, a unit head their unit;
anyone else is refused (403). A wrong year, period or format is shown as a message.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from vanthu.archive.forms.output import FormFormat, holdings_inventory
from vanthu.archive.report_files import compliance_file, compliance_period
from vanthu.archive.reports import ComplianceReport, filing_compliance
from vanthu.archive.views import archive_view
from vanthu.core.errors import InvalidInputError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.documents.printing.downloads import file_format_of
from vanthu.documents.printing.http import back_with_error, file_response, login_user, query_date

PAGE = "archive:report"
MAX_YEAR_DIGITS = 4


class PeriodArgs(TypedDict):
    year: int | None
    date_from: dt.date | None
    date_to: dt.date | None


def _year(value: str) -> int:
    value = value.strip()
    if not value.isdigit() or len(value) > MAX_YEAR_DIGITS:
        raise InvalidInputError(fields={"year": [_("Năm không hợp lệ: “%s”.") % value[:10]]})
    return int(value)


def period_args(request: HttpRequest) -> PeriodArgs:
    """Return the period chosen: a range of days (``by=days``) or a whole year (this year by
    default)."""
    if request.GET.get("by") == "days":
        return PeriodArgs(
            year=None,
            date_from=query_date(request, "date_from"),
            date_to=query_date(request, "date_to"),
        )
    value = request.GET.get("year", "")
    year = _year(value) if value.strip() else today_in_vietnam().year
    return PeriodArgs(year=year, date_from=None, date_to=None)


def _report(request: HttpRequest) -> tuple[ComplianceReport, PeriodArgs]:
    actor = login_user(request)
    try:
        args = period_args(request)
        return filing_compliance(actor=actor, **args), args
    except InvalidInputError as error:
        problems = [message for field in error.fields.values() for message in field]
        messages.error(request, " ".join(problems) or error.message)
        args = PeriodArgs(year=today_in_vietnam().year, date_from=None, date_to=None)
        return filing_compliance(actor=actor, **args), args


@archive_view
def report(request: HttpRequest) -> HttpResponse:
    """Show the filing compliance of the chosen year or period, per unit and per person."""
    compliance, args = _report(request)
    query = (
        f"by=days&date_from={compliance.period.date_from:%Y-%m-%d}"
        f"&date_to={compliance.period.date_to:%Y-%m-%d}"
        if args["year"] is None
        else f"year={compliance.year}"
    )
    context = {
        "report": compliance,
        "period_line": compliance_period(compliance),
        "by_days": args["year"] is None,
        "query": query,
        "tables": [
            {
                "id": "units",
                "title": _("Theo đơn vị"),
                "first": _("Đơn vị"),
                "rows": compliance.units,
            },
            {
                "id": "people",
                "title": _("Theo cá nhân"),
                "first": _("Họ và tên"),
                "rows": compliance.people,
            },
        ],
    }
    return render(request, "archive/report.html", context)


@archive_view
def report_download(request: HttpRequest) -> HttpResponse:
    """Download the report of the period and format in the query."""
    try:
        file = compliance_file(
            actor=login_user(request),
            file_format=file_format_of(request.GET.get("format", "")),
            **period_args(request),
        )
    except InvalidInputError as error:
        return back_with_error(request, error, PAGE)
    return file_response(file)


@archive_view
def holdings_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the Mục lục hồ sơ of the holdings (of ``?year=``, or all) as DOCX or PDF."""
    value = request.GET.get("year", "")
    try:
        year = _year(value) if value.strip() else None
    except InvalidInputError as error:
        return back_with_error(request, error, "archive:holdings")
    file = holdings_inventory(actor=login_user(request), fmt=FormFormat(fmt), year=year)
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    response["Cache-Control"] = "no-store"
    return response
