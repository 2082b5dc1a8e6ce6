"""The Vietnamese wording of notifications and digest lines about a document."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.dates import format_date
from vanthu.documents.models import Document
from vanthu.workflow.enums import AssignmentRole

TITLE_MAX_LENGTH = 255


def document_code(document: Document) -> str:
    """Return ``26/KH-SNV`` (number and notation), or what there is of them."""
    parts = [part for part in (document.code_number, document.code_notation) if part]
    return "/".join(parts) or _("(không số)")


def document_subject_for(user: User, document: Document) -> str:
    """Return the subject, or a placeholder when ``user`` may not read this confidentiality."""
    if can_see_confidentiality(user, int(document.confidentiality)):
        return document.subject
    return _("(Văn bản mật — đăng nhập để xem)")


def assigned_title(role: str, document: Document, *, unit_name: str | None) -> str:
    """Return the title of an "assigned to you / to your unit" notification."""
    values = {"code": document_code(document), "unit": unit_name}
    if role == AssignmentRole.LEAD:
        text = (
            _("Đơn vị %(unit)s được giao chủ trì xử lý văn bản %(code)s")
            if unit_name
            else _("Bạn được giao chủ trì xử lý văn bản %(code)s")
        )
    elif role == AssignmentRole.SUPPORT:
        text = (
            _("Đơn vị %(unit)s được giao phối hợp xử lý văn bản %(code)s")
            if unit_name
            else _("Bạn được giao phối hợp xử lý văn bản %(code)s")
        )
    else:
        text = (
            _("Văn bản %(code)s gửi đơn vị %(unit)s để biết")
            if unit_name
            else _("Văn bản %(code)s gửi bạn để biết")
        )
    return (text % values)[:TITLE_MAX_LENGTH]


def days_phrase(days_left: int) -> str:
    """Return "còn 2 ngày làm việc", "đến hạn hôm nay" or "quá hạn 3 ngày làm việc"."""
    if days_left > 0:
        return _("còn %d ngày làm việc") % days_left
    if days_left == 0:
        return _("đến hạn hôm nay")
    return _("quá hạn %d ngày làm việc") % -days_left


def reminder_title(document: Document, *, due_date: dt.date, days_left: int) -> str:
    """Return the title of a due-soon or overdue notification."""
    values = {
        "code": document_code(document),
        "due": format_date(due_date),
        "days": days_phrase(days_left),
    }
    if days_left < 0:
        text = _("Văn bản %(code)s quá hạn giải quyết (hạn %(due)s, %(days)s)")
    else:
        text = _("Văn bản %(code)s sắp đến hạn giải quyết (hạn %(due)s, %(days)s)")
    return (text % values)[:TITLE_MAX_LENGTH]


def body_lines(user: User, document: Document, *, due_date: dt.date | None, note: str) -> str:
    """Return the body: the subject, the due date and the instruction, one per line."""
    lines = [document_subject_for(user, document)]
    if due_date is not None:
        lines.append(_("Hạn giải quyết: %s") % format_date(due_date))
    if note and can_see_confidentiality(user, int(document.confidentiality)):
        lines.append(_("Ý kiến chỉ đạo: %s") % note)
    return "\n".join(lines)
