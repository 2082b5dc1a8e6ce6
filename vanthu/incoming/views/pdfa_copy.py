"""The searchable PDF/A copy of a captured record: its state on the record page, and a retry.

A record registered from a capture job keeps its original; the job makes the PDF/A-2b copy
later (``vanthu.capture.pdfa``). The page tells everyone who sees the record how that copy
stands, and a clerk may queue a failed copy again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import has_role
from vanthu.capture.enums import CopyState
from vanthu.capture.pdfa import capture_copy_retry, may_retry_copy
from vanthu.core.errors import DomainError, NotFoundError, PermissionDeniedError
from vanthu.incoming.capture_link import capture_job_for_record
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_get_for
from vanthu.incoming.views.common import actor_of, incoming_view


@dataclass(frozen=True, slots=True)
class CopyStatus:
    """What the record page says about the PDF/A copy of the record's captured file."""

    state: str
    text: str
    may_retry: bool


def _text(state: str, reason: str) -> str:
    if state == CopyState.PENDING:
        return _("đang tạo")
    if state == CopyState.READY:
        return _("đã tạo")
    if state == CopyState.FAILED:
        return _("lỗi: %(reason)s") % {"reason": reason or _("không rõ lý do")}
    return _("không tạo (văn bản đã ký số)")


def copy_status(actor: User, incoming: IncomingRecord) -> CopyStatus | None:
    """Return the copy's state for a visible record (None when no copy is made for it)."""
    job = capture_job_for_record(actor=actor, incoming=incoming)
    if job is None or job.copy_state == CopyState.NONE:
        return None
    return CopyStatus(
        state=job.copy_state,
        text=_text(job.copy_state, job.copy_failure_reason),
        may_retry=may_retry_copy(actor, job),
    )


@require_POST
@incoming_view
def copy_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue the failed PDF/A copy of a visible record again (clerks only; audited)."""
    actor = actor_of(request)
    if not has_role(actor, Role.CLERK):
        raise PermissionDeniedError
    incoming = incoming_get_for(actor=actor, pk=pk)
    job = capture_job_for_record(actor=actor, incoming=incoming)
    if job is None:
        raise NotFoundError
    try:
        capture_copy_retry(actor=actor, job_id=job.pk)
    except (NotFoundError, PermissionDeniedError):
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đưa bản PDF/A vào hàng chờ tạo lại."))
    return redirect("incoming:detail", pk=incoming.pk)
