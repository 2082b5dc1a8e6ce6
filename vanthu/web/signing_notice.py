"""The certificate warning of the start page: what expires within 30 days (issue 5).

A context processor (``vanthu.web.signing_notice.signing_notices``) whose value is lazy: the
one query runs only on a page that shows it (the start page). A user sees their own signing
certificates; a clerk (and an agency administrator) also sees the agency's seal certificate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from vanthu.accounts.models import User
from vanthu.signing.selectors import EXPIRY_WARNING_DAYS, certificates_expiring


@dataclass(frozen=True, slots=True)
class CertificateNotice:
    """One certificate close to its expiry: whose it is and the last valid day (local time)."""

    subject: str
    is_seal: bool
    expires_on: dt.datetime
    days_left: int


def notices_for(user: User) -> list[CertificateNotice]:
    """Return the notices of ``user``'s certificates expiring within 30 days (one query)."""
    if not user.is_active or user.agency_id is None:
        return []
    now = timezone.now()
    return [
        CertificateNotice(
            subject=certificate.subject_cn,
            is_seal=certificate.user_id is None,
            expires_on=timezone.localtime(certificate.not_after),
            days_left=(certificate.not_after - now).days,
        )
        for certificate in certificates_expiring(
            actor=user, within_days=EXPIRY_WARNING_DAYS, now=now
        )
    ]


def signing_notices(request: HttpRequest) -> dict[str, Any]:
    """Return ``certificate_notices``, computed only when a template uses it."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"certificate_notices": []}
    return {"certificate_notices": SimpleLazyObject(lambda: notices_for(user))}
