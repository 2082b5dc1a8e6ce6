"""The page offering the outgoing registers and report, and its downloads.

Login required; only clerks and leaders of the agency (404 for anyone else, as in the API).
A wrong book, period or format sends the user back to the page with the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.documents.printing.downloads import FileFormat, file_format_of
from vanthu.documents.printing.http import (
    back_with_error,
    file_response,
    login_user,
    query_date,
    query_volume,
)
from vanthu.outgoing.reports.access import printable_books_for
from vanthu.outgoing.reports.downloads import (
    PeriodAsk,
    ReportBuilder,
    postal_builder,
    register_builder,
    report_file,
    status_builder,
)

PAGE = "outgoing_reports:index"


@login_required
def reports_page(request: HttpRequest) -> HttpResponse:
    """Show the forms to print the registers, the postal book and the status report."""
    try:
        books = printable_books_for(actor=login_user(request))
    except NotFoundError:
        raise Http404 from None
    today = today_in_vietnam()
    context = {
        "books": books,
        "year_start": dt.date(today.year, 1, 1),
        "today": today,
        "formats": list(FileFormat),
    }
    return render(request, "outgoing/reports/index.html", context)


def _download(request: HttpRequest, builder: Callable[[], ReportBuilder]) -> HttpResponse:
    """Answer the report of ``builder()`` for the period and format in the query (audited)."""
    try:
        ask = PeriodAsk(
            actor=login_user(request),
            file_format=file_format_of(request.GET.get("format", "")),
            **_period(request),
        )
        return file_response(report_file(builder(), ask))
    except NotFoundError:
        raise Http404 from None
    except InvalidInputError as error:
        return back_with_error(request, error, PAGE)


def _book_id(request: HttpRequest) -> int:
    value = request.GET.get("book", "").strip()
    if not value.isdigit():
        raise InvalidInputError(fields={"book": [_("Hãy chọn sổ đăng ký văn bản đi.")]})
    return int(value)


class _PeriodArgs(TypedDict):
    date_from: dt.date | None
    date_to: dt.date | None
    year: int | None


def _period(request: HttpRequest) -> _PeriodArgs:
    """Return the period chosen in the form: a whole year (``by=year``) or a range of days."""
    if request.GET.get("by") != "year":
        dates = {name: query_date(request, name) for name in ("date_from", "date_to")}
        return _PeriodArgs(date_from=dates["date_from"], date_to=dates["date_to"], year=None)
    value = request.GET.get("year", "").strip()
    if not value.isdigit():
        raise InvalidInputError(fields={"year": [_("Năm không hợp lệ: “%s”.") % value]})
    return _PeriodArgs(date_from=None, date_to=None, year=int(value))


@login_required
def register_download(request: HttpRequest) -> HttpResponse:
    """Download the register of the book, period and format in the query."""
    return _download(
        request,
        lambda: register_builder(book_id=_book_id(request), volume=query_volume(request)),
    )


@login_required
def postal_download(request: HttpRequest) -> HttpResponse:
    """Download the postal dispatch book of the period and format in the query."""
    return _download(request, lambda: postal_builder)


@login_required
def status_download(request: HttpRequest) -> HttpResponse:
    """Download the status report of the period and format in the query."""
    return _download(request, lambda: status_builder)
