"""The HTTP side of report downloads: the file response, the OpenAPI answer, the UI's query.

Used by the API routers and the download pages of every app that prints registers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import InvalidInputError
from vanthu.documents.printing.downloads import ReportFile

MAX_VOLUME = 999


def login_user(request: HttpRequest) -> User:
    """Return the signed-in user of a page behind ``login_required``."""
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; this narrows the type
        raise PermissionDenied
    return user


def file_response(file: ReportFile) -> HttpResponse:
    """Return ``file`` as an attachment."""
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    response["Cache-Control"] = "no-store"
    return response


def binary_responses(*media_types: str) -> dict[str, Any]:
    """Return the ``openapi_extra`` of an operation answering a file of ``media_types``."""
    content = {media: {"schema": {"type": "string", "format": "binary"}} for media in media_types}
    return {"responses": {200: {"description": "Tệp tải về", "content": content}}}


def query_date(request: HttpRequest, name: str) -> dt.date | None:
    """Return the ISO date in the query parameter ``name`` (None when empty)."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(_("Ngày không hợp lệ: “%s”.") % value) from None


def query_volume(request: HttpRequest) -> int:
    """Return the volume number ("Quyển số") in the query, 1 by default."""
    value = request.GET.get("volume", "1").strip() or "1"
    if not value.isdigit() or not 1 <= int(value) <= MAX_VOLUME:
        raise InvalidInputError(_("Quyển số phải là số từ 1 đến 999."))
    return int(value)


def back_with_error(request: HttpRequest, error: InvalidInputError, page: str) -> HttpResponse:
    """Send the user back to ``page`` (a URL name) with the error as a message."""
    problems = [message for field in error.fields.values() for message in field]
    messages.error(request, " ".join(problems) or error.message)
    return redirect(page)
