"""The daily digest e-mail: Vietnamese subject, plain text and HTML bodies."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from vanthu.core.dates import date_phrase, format_date
from vanthu.workflow.notification_text import days_phrase, document_code
from vanthu.workflow.reminders import Digest, DigestItem

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def digest_subject(digest: Digest) -> str:
    """Return ``[VănThư] Văn bản sắp đến hạn và quá hạn — ngày 05 tháng 01 năm 2026``."""
    return _("[VănThư] Văn bản sắp đến hạn và quá hạn — %s") % date_phrase(digest.day)


def _absolute(link: str) -> str:
    if not link or link.startswith(("http://", "https://")):
        return link
    base = str(getattr(settings, "VANTHU_BASE_URL", DEFAULT_BASE_URL)).rstrip("/")
    return f"{base}/{link.lstrip('/')}"


def _row(item: DigestItem) -> dict[str, Any]:
    # E-mail leaves the system: a confidential document is named by its number only.
    confidential = int(item.document.confidentiality) > 0
    return {
        "code": document_code(item.document),
        "subject": _("(Văn bản mật — đăng nhập để xem)") if confidential else item.document.subject,
        "role": item.role_label,
        "unit": item.unit_name,
        "due": format_date(item.due_date),
        "days": days_phrase(item.days_left),
        "overdue": item.overdue,
        "link": _absolute(item.link),
    }


def digest_context(digest: Digest) -> dict[str, Any]:
    """Return what the digest templates show."""
    return {
        "user_name": digest.user.full_name or digest.user.username,
        "day": date_phrase(digest.day),
        "overdue": [_row(item) for item in digest.overdue_items],
        "due_soon": [_row(item) for item in digest.due_soon_items],
        "home": _absolute("/"),
    }


def digest_message(digest: Digest) -> EmailMultiAlternatives:
    """Return the digest e-mail of one user (the user must have an address)."""
    context = digest_context(digest)
    message = EmailMultiAlternatives(
        subject=digest_subject(digest),
        body=render_to_string("workflow/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.user.email],
    )
    message.attach_alternative(render_to_string("workflow/email/digest.html", context), "text/html")
    return message
