"""UI downloads of the incoming registers and forms, and the page that offers them.

Login required; only clerks and leaders of the agency (404 for anyone else, as in the API).
A wrong period sends the user back to the page with the message.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.report_apis import file_response
from vanthu.incoming.reports.access import printable_books_for
from vanthu.incoming.reports.downloads import (
    FileFormat,
    handling_file,
    register_file,
    slip_file,
    stamp_file,
)

PAGE = "incoming_reports:index"


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; this narrows the type
        raise PermissionDenied
    return user


def _date(request: HttpRequest, name: str) -> dt.date | None:
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(_("Ngày không hợp lệ: “%s”.") % value) from None


def _volume(request: HttpRequest) -> int:
    value = request.GET.get("volume", "1").strip() or "1"
    if not value.isdigit() or not 1 <= int(value) <= 999:
        raise InvalidInputError(_("Quyển số phải là số từ 1 đến 999."))
    return int(value)


@login_required
def reports_page(request: HttpRequest) -> HttpResponse:
    """Show the forms to print the registers and the handling report."""
    try:
        books = printable_books_for(actor=_user(request))
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
            actor=_user(request),
            book_id=book_id,
            file_format=FileFormat(fmt),
            date_from=_date(request, "date_from"),
            date_to=_date(request, "date_to"),
            volume=_volume(request),
        )
    except NotFoundError:
        raise Http404 from None
    except InvalidInputError as error:
        return _back(request, error)
    return file_response(file)


@login_required
def handling_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the handling report and follow-up book for the period in the query."""
    try:
        file = handling_file(
            actor=_user(request),
            file_format=FileFormat(fmt),
            date_from=_date(request, "date_from"),
            date_to=_date(request, "date_to"),
        )
    except NotFoundError:
        raise Http404 from None
    except InvalidInputError as error:
        return _back(request, error)
    return file_response(file)


@login_required
def slip_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the handling slip of one incoming document."""
    try:
        return file_response(slip_file(actor=_user(request), incoming_id=pk))
    except NotFoundError:
        raise Http404 from None


@login_required
def stamp_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the "ĐẾN" stamp label of one incoming document."""
    try:
        return file_response(stamp_file(actor=_user(request), incoming_id=pk))
    except NotFoundError:
        raise Http404 from None


def _back(request: HttpRequest, error: InvalidInputError) -> HttpResponse:
    problems = [message for field in error.fields.values() for message in field]
    messages.error(request, " ".join(problems) or error.message)
    return redirect(PAGE)
