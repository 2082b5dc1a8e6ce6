"""Reads of the signing app, scoped to the actor."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.roles import has_role, is_agency_admin_of
from vanthu.signing.enums import CertificatePurpose
from vanthu.signing.errors import CertificateMissingError
from vanthu.signing.models import Certificate

EXPIRY_WARNING_DAYS = 30


def certificate_active_for(*, agency_id: int, user: User | None) -> Certificate:
    """Return the newest active certificate of ``user`` (or the agency seal when ``None``)."""
    rows = Certificate.objects.filter(agency_id=agency_id, active=True)
    if user is None:
        rows = rows.filter(user__isnull=True, purpose=CertificatePurpose.AGENCY)
    else:
        rows = rows.filter(user=user, purpose=CertificatePurpose.SIGNER)
    certificate = rows.order_by("-not_after", "-pk").first()
    if certificate is None:
        raise CertificateMissingError
    return certificate


def certificates_visible_to(*, actor: User) -> QuerySet[Certificate]:
    """Return the actor's own certificates, plus the agency seal's for clerks and admins."""
    mine = Q(user=actor)
    if has_role(actor, Role.CLERK) or is_agency_admin_of(actor, actor.agency_id):
        mine |= Q(agency_id=actor.agency_id, user__isnull=True)
    if is_agency_admin_of(actor, actor.agency_id):
        mine |= Q(agency_id=actor.agency_id)
    return Certificate.objects.filter(mine).order_by("not_after", "pk")


def certificates_expiring(
    *, actor: User, within_days: int = EXPIRY_WARNING_DAYS, now: dt.datetime | None = None
) -> QuerySet[Certificate]:
    """Return the active certificates the actor sees that expire within ``within_days``.

    The start page shows them as a warning (30 days before expiry by default).
    """
    moment = now or timezone.now()
    return certificates_visible_to(actor=actor).filter(
        active=True, not_after__gt=moment, not_after__lte=moment + dt.timedelta(days=within_days)
    )
