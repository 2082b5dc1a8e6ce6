"""Who handles incoming documents in each kind of demo agency: clerk, router, leads, helpers.

A lead is a person, or a unit whose head then answers for it; Mật documents go to cleared
people only. Names are username suffixes of ``data.staff`` (``"admin"`` is the administrator).
"""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.demo.data.agencies import AgencyKind
from vanthu.demo.data.staff import ADMIN_USERNAME

K = AgencyKind


@dataclass(frozen=True, slots=True)
class Lead:
    """The party of a lead assignment: ``user`` acts; with ``unit`` the unit is assigned."""

    user: str
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Team:
    """The handling staff of an agency kind."""

    router: str
    leads: tuple[Lead, ...]
    secret_lead: Lead
    supports: tuple[str, ...] = ()
    informs: tuple[str, ...] = ()
    clerk: str = "vanthu"


_OFFICE = Team(
    router="lanhdao",
    leads=(Lead("chuyenvien"), Lead("chuyenvien"), Lead("phophong")),
    secret_lead=Lead("phophong"),
    supports=("phophong",),
)

TEAMS: dict[AgencyKind, Team] = {
    K.PROVINCE_COMMITTEE: Team(
        router="chutich",
        leads=(Lead("chuyenvien"), Lead("chanhvanphong", "VP")),
        secret_lead=Lead("phochutich"),
        supports=("chanhvanphong",),
        informs=("phochutich",),
    ),
    K.HOME_AFFAIRS: Team(
        router="lanhdao",
        leads=(
            Lead("chuyenvien"),
            Lead("kiemtra"),
            Lead("tcbc", "TCBC"),
            Lead("chuyenvien"),
            Lead("thanhtra", "TTr"),
        ),
        secret_lead=Lead("phogiamdoc"),
        supports=("luutru", "kiemtra", "chuyenvien"),
        informs=(ADMIN_USERNAME, "chanhvanphong"),
    ),
    K.ARCHIVES_BRANCH: Team(
        router="lanhdao",
        leads=(Lead("chuyenvien"), Lead("luutru")),
        secret_lead=Lead("lanhdao"),
        supports=("luutru",),
    ),
    K.DISTRICT_COMMITTEE: Team(
        router="chutich",
        leads=(Lead("chuyenvien"), Lead("chanhvanphong", "VP"), Lead("chuyenvien")),
        secret_lead=Lead("phochutich"),
        supports=("luutru", "chanhvanphong"),
        informs=("phochutich",),
    ),
    K.JUSTICE_OFFICE: _OFFICE,
    K.LABOUR_OFFICE: _OFFICE,
    K.COMMUNE_COMMITTEE: Team(
        router="chutich",
        leads=(Lead("tuphap"), Lead("phochutich"), Lead("tuphap")),
        secret_lead=Lead("phochutich"),
        supports=("tuphap",),
        informs=("phochutich",),
    ),
}


def username(slug: str, suffix: str) -> str:
    """Return the username of ``suffix`` in the agency of ``slug`` (the admin has no prefix)."""
    return suffix if suffix == ADMIN_USERNAME else f"{slug}.{suffix}"
