"""UI downloads of the incoming registers and forms, and the page that offers them.

Login required; only clerks and leaders of the agency (404 for anyone else, as in the API).
A wrong period sends the user back to the page with the message.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.documents.printing.http import (
    back_with_error,
    file_response,
    login_user,
    query_date,
    query_volume,
)
from vanthu.incoming.reports.access import printable_books_for
from vanthu.incoming.reports.downloads import (
    FileFormat,
    handling_file,
    register_file,
    slip_file,
    stamp_file,
)

PAGE = "incoming_reports:index"


@login_required
def reports_page(request: HttpRequest) -> HttpResponse:
    """Show the forms to print the registers and the handling report."""
    try:
        books = printable_books_for(actor=login_user(request))
    except NotFoundError:
        raise Http404 from None
    today = today_in_vietnam()
    context = {"books": books, "year_start": dt.date(today.year, 1, 1), "today": today}
    return render(request, "incoming/reports/index.html", context)


@login_required
def register_download(request: HttpRequest, book_id: int, fmt: str) -> HttpResponse:
    """Download the register of a book for the period in the query (ISO dates)."""
    try:
        file = register_file(
            actor=login_user(request),
            book_id=book_id,
            file_format=FileFormat(fmt),
            date_from=query_date(request, "date_from"),
            date_to=query_date(request, "date_to"),
            volume=query_volume(request),
        )
    except NotFoundError:
        raise Http404 from None
    except InvalidInputError as error:
        return back_with_error(request, error, PAGE)
    return file_response(file)


@login_required
def handling_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the handling report and follow-up book for the period in the query."""
    try:
        file = handling_file(
            actor=login_user(request),
            file_format=FileFormat(fmt),
            date_from=query_date(request, "date_from"),
            date_to=query_date(request, "date_to"),
        )
    except NotFoundError:
        raise Http404 from None
    except InvalidInputError as error:
        return back_with_error(request, error, PAGE)
    return file_response(file)


@login_required
def slip_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the handling slip of one incoming document."""
    try:
        return file_response(slip_file(actor=login_user(request), incoming_id=pk))
    except NotFoundError:
        raise Http404 from None


@login_required
def stamp_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the "ĐẾN" stamp label of one incoming document."""
    try:
        return file_response(stamp_file(actor=login_user(request), incoming_id=pk))
    except NotFoundError:
        raise Http404 from None
