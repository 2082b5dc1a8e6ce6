"""The format-check panel of every draft (kiểm tra thể thức), its autofix and the clerk's check."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.outgoing import services
from vanthu.outgoing.drafting_io import Finding
from vanthu.outgoing.errors import FormatErrorsBlockError
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.views.common import actor_of, is_htmx, outgoing_view, raise_access
from vanthu.outgoing.views.draft import render_draft
from vanthu.outgoing.views.permitted import draft_actions


def findings_context(actor: User, draft: OutgoingDraft, findings: list[Finding]) -> dict[str, Any]:
    """Return the panel's findings grouped by component, errors first within each group."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(findings, key=lambda f: f.severity != "error"):
        groups[finding.component].append(finding)
    errors = sum(1 for finding in findings if finding.severity == "error")
    return {
        "draft": draft,
        "groups": sorted(groups.items(), key=lambda item: item[0]),
        "errors": errors,
        "warnings": len(findings) - errors,
        "autofixable": any(finding.autofixable for finding in findings),
        "may_autofix": draft_actions(actor, draft).edit,
    }


@outgoing_view
def findings(request: HttpRequest, pk: int) -> HttpResponse:
    """Return the format-check panel of the draft's current version (an htmx fragment)."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    found = services.draft_findings(actor=actor, draft_id=draft.pk)
    template = "outgoing/_findings.html" if is_htmx(request) else "outgoing/findings_page.html"
    return render(request, template, findings_context(actor, draft, found))


@require_POST
@outgoing_view
def autofix(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct what is safe to correct and keep the result as a new (DOCX) version."""
    actor = actor_of(request)
    try:
        result = services.draft_autocorrect(actor=actor, draft_id=pk)
    except DomainError as error:
        raise_access(error)
        messages.error(request, error.message)
        return redirect("outgoing:draft", pk=pk)
    if result.version is None:
        messages.info(request, _("Không có lỗi nào sửa tự động được."))
        return redirect("outgoing:draft", pk=pk)
    messages.success(
        request,
        _("Đã sửa tự động %(count)d lỗi, lưu thành phiên bản %(number)d.")
        % {"count": len(result.applied), "number": result.version.number},
    )
    return redirect("outgoing:draft", pk=pk)


@require_POST
@outgoing_view
def format_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the clerk's format check; errors block the draft and are shown."""
    actor = actor_of(request)
    try:
        found = services.draft_format_check(actor=actor, draft_id=pk)
    except FormatErrorsBlockError as error:
        messages.error(request, error.message)
        draft = draft_get_for(actor=actor, pk=pk)
        return render_draft(request, actor, draft, status=409)
    except DomainError as error:
        raise_access(error)
        messages.error(request, error.message)
        return render_draft(request, actor, draft_get_for(actor=actor, pk=pk), status=409)
    warnings = len(found)
    done = (
        _("Đã ghi nhận kiểm tra thể thức: đạt, có %d lưu ý.") % warnings
        if warnings
        else _("Đã ghi nhận kiểm tra thể thức: đạt.")
    )
    messages.success(request, done)
    return redirect("outgoing:draft", pk=pk)
