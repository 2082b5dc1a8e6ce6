"""Read what the demo load produced: counts and the demo logins (for the command's summary)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from vanthu.accounts.models import Agency, OrgUnit, User, UserRole
from vanthu.demo.constants import REQUIRED_LOGINS
from vanthu.demo.data.agencies import AGENCIES
from vanthu.documents.models import Document, RegisterBook


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    full_name: str
    roles: str
    agency: str


def demo_counts() -> dict[str, int]:
    """Return how many demo agencies, units, users, register books and documents exist."""
    agencies = Agency.objects.filter(organ_id__in=[spec.organ_id for spec in AGENCIES])
    return {
        "agencies": agencies.count(),
        "units": OrgUnit.objects.filter(agency__in=agencies).count(),
        "users": User.objects.filter(agency__in=agencies).count(),
        "register_books": RegisterBook.objects.filter(agency__in=agencies).count(),
        "documents": Document.objects.filter(owner_agency__in=agencies).count(),
    }


def demo_logins() -> list[DemoLogin]:
    """Return the required demo logins that exist, in the order of ``REQUIRED_LOGINS``."""
    users = User.objects.filter(username__in=REQUIRED_LOGINS).select_related("agency")
    users = users.prefetch_related(
        Prefetch("role_grants", queryset=UserRole.objects.order_by("id"))
    )
    by_name = {user.username: user for user in users}
    logins = []
    for username in REQUIRED_LOGINS:
        user = by_name.get(username)
        if user is None:
            continue
        roles = ", ".join(str(grant.get_role_display()) for grant in user.role_grants.all())
        agency = user.agency.name if user.agency else ""
        logins.append(DemoLogin(username, user.full_name, roles, agency))
    return logins
