"""Screens of the legacy register import: upload → columns and preview → dry run → import.

The uploaded file waits in the data folder under a random token kept in the uploader's session,
so only they can go on with it; it is deleted once the import is written.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.incoming.importer import ImportOptions, can_import, parse_mapping, register_import
from vanthu.incoming.importer.access import ensure_importer
from vanthu.incoming.importer.columns import LABELS, Column
from vanthu.incoming.importer.forms import ConfirmForm, MappingForm, UploadForm
from vanthu.incoming.importer.preview import import_preview

SESSION_KEY = "incoming_imports"
_TEMPLATES = "incoming/import/"


def upload_dir() -> Path:
    """Return the folder where uploaded registers wait for their import."""
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _importer(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_import(user):
        raise PermissionDenied(_("Chỉ văn thư hoặc quản trị của cơ quan được nhập sổ."))
    return user


def _pending(request: HttpRequest, token: str) -> dict[str, Any]:
    pending: dict[str, Any] | None = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None or not (upload_dir() / f"{token}.xlsx").is_file():
        raise Http404
    return pending


def _save_pending(request: HttpRequest, token: str, pending: dict[str, Any] | None) -> None:
    imports = dict(request.session.get(SESSION_KEY, {}))
    if pending is None:
        imports.pop(token, None)
        (upload_dir() / f"{token}.xlsx").unlink(missing_ok=True)
    else:
        imports[token] = pending
    request.session[SESSION_KEY] = imports


def _show_error(form: forms.Form, error: DomainError) -> None:
    placed = False
    for name, problems in error.fields.items():
        if name in form.fields:
            form.add_error(name, list(problems))
            placed = True
    if not placed:
        form.add_error(None, error.message)


def _options(token: str, pending: dict[str, Any], **changes: Any) -> ImportOptions:
    return ImportOptions(
        year=pending["year"],
        book=pending["book"],
        sheet=pending["sheet"] or None,
        header_row=pending["header_row"],
        mapping=parse_mapping(pending["mapping"]),
        filename=pending["name"],
        **changes,
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Take the file, year and book; check that the sheet has a header; go to the columns."""
    actor = _importer(request)
    agency = ensure_importer(actor)
    form = UploadForm(request.POST or None, request.FILES or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        path = upload_dir() / f"{token}.xlsx"
        with path.open("wb") as target:
            for chunk in form.cleaned_data["file"].chunks():
                target.write(chunk)
        pending = {
            "name": Path(form.cleaned_data["file"].name).name,
            "year": form.cleaned_data["year"],
            "book": form.cleaned_data["book"].pk,
            "sheet": form.cleaned_data["sheet"],
            "header_row": form.cleaned_data["header_row"],
            "mapping": "",
        }
        try:
            import_preview(
                actor=actor,
                source=path,
                sheet=pending["sheet"] or None,
                header_row=pending["header_row"],
            )
        except DomainError as error:
            path.unlink(missing_ok=True)
            _show_error(form, error)
        else:
            _save_pending(request, token, pending)
            return redirect("incoming_import:mapping", token=token)
    return render(request, f"{_TEMPLATES}upload.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def mapping(request: HttpRequest, token: str) -> HttpResponse:
    """Show the columns found and the first rows; let the clerk correct the mapping."""
    actor = _importer(request)
    pending = _pending(request, token)
    preview = import_preview(
        actor=actor,
        source=upload_dir() / f"{token}.xlsx",
        sheet=pending["sheet"] or None,
        header_row=pending["header_row"],
        override=parse_mapping(pending["mapping"]),
    )
    form = MappingForm(
        request.POST or None, sheet_columns=preview.sheet_columns, mapping=preview.mapping
    )
    if request.method == "POST" and form.is_valid():
        pending["mapping"] = form.mapping_text()
        _save_pending(request, token, pending)
        return redirect("incoming_import:check", token=token)
    context = {
        "token": token,
        "pending": pending,
        "preview": preview,
        "form": form,
        "labels": [LABELS[column] for column in Column],
    }
    return render(request, f"{_TEMPLATES}mapping.html", context)


@login_required
@require_http_methods(["GET"])
def check(request: HttpRequest, token: str) -> HttpResponse:
    """Run the dry run and show every row error and the counts; offer the import."""
    actor = _importer(request)
    pending = _pending(request, token)
    try:
        report = register_import(
            actor=actor, source=upload_dir() / f"{token}.xlsx", options=_options(token, pending)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("incoming_import:mapping", token=token)
    context = {"token": token, "pending": pending, "report": report, "form": ConfirmForm()}
    return render(request, f"{_TEMPLATES}report.html", context)


@login_required
@require_POST
def run(request: HttpRequest, token: str) -> HttpResponse:
    """Write the import (nothing when a row is invalid, unless the clerk skips invalid rows)."""
    actor = _importer(request)
    pending = _pending(request, token)
    form = ConfirmForm(request.POST)
    skip_invalid = form.is_valid() and form.cleaned_data["skip_invalid"]
    try:
        report = register_import(
            actor=actor,
            source=upload_dir() / f"{token}.xlsx",
            options=_options(token, pending, dry_run=False, skip_invalid=skip_invalid),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("incoming_import:mapping", token=token)
    written = not report.error_count or skip_invalid
    if written:
        _save_pending(request, token, None)
    context = {"token": token, "pending": pending, "report": report, "form": form}
    return render(request, f"{_TEMPLATES}report.html", context | {"written": written})
