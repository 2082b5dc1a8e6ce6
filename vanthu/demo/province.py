"""Create the demo province's agencies, units, users and register books (idempotent).

Rows are looked up by their natural keys (``organ_id``, agency + unit abbreviation, username,
agency + book name); what exists is left exactly as it is, so a second load changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, OrgUnit, User, UserRole
from vanthu.demo.constants import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
from vanthu.demo.data.agencies import AGENCIES, HOME_AFFAIRS_ID, AgencySpec
from vanthu.demo.data.staff import ADMIN_FULL_NAME, ADMIN_USERNAME, UNITS, DemoUser, staff_for
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import DocumentType, RegisterBook
from vanthu.documents.reference import DOCUMENT_TYPES

BOOK_KINDS: tuple[RegisterKind, ...] = (
    RegisterKind.INCOMING,
    RegisterKind.OUTGOING,
    RegisterKind.SECRET_INCOMING,
    RegisterKind.SECRET_OUTGOING,
    RegisterKind.COPY,
)


@dataclass(slots=True)
class Province:
    """The loaded province: agencies by organ_id, their units and books, and what was created."""

    agencies: dict[str, Agency] = field(default_factory=dict)
    units: dict[tuple[int, str], OrgUnit] = field(default_factory=dict)
    books: dict[tuple[int, str], RegisterBook] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)


def load_document_types() -> int:
    """Create the reference document types that are missing; return how many were created."""
    existing = set(DocumentType.objects.values_list("code", flat=True))
    missing = [
        DocumentType(
            code=row.code,
            name=row.name,
            abbreviation=row.abbreviation,
            is_copy_form=row.is_copy_form,
            ordinal=row.ordinal,
        )
        for row in DOCUMENT_TYPES
        if row.code not in existing
    ]
    DocumentType.objects.bulk_create(missing)
    return len(missing)


def load_agencies(province: Province) -> None:
    """Create the missing agencies, superiors first."""
    existing = Agency.objects.in_bulk([spec.organ_id for spec in AGENCIES], field_name="organ_id")
    for spec in AGENCIES:
        agency = existing.get(spec.organ_id)
        if agency is None:
            superior = province.agencies[spec.superior] if spec.superior else None
            agency = Agency.objects.create(
                organ_id=spec.organ_id,
                name=spec.name,
                abbreviation=spec.abbreviation,
                place_name=spec.place_name,
                superior=superior,
            )
            province.created["agencies"] += 1
        province.agencies[spec.organ_id] = agency


def load_units(province: Province) -> None:
    """Create the missing units of every demo agency."""
    agencies = [province.agencies[spec.organ_id] for spec in AGENCIES]
    for unit in OrgUnit.objects.filter(agency__in=agencies):
        province.units[(unit.agency_id, unit.abbreviation)] = unit
    missing = [
        OrgUnit(agency=province.agencies[spec.organ_id], abbreviation=abbreviation, name=name)
        for spec in AGENCIES
        for abbreviation, name in UNITS[spec.kind]
        if (province.agencies[spec.organ_id].pk, abbreviation) not in province.units
    ]
    for unit in OrgUnit.objects.bulk_create(missing):
        province.units[(unit.agency.pk, unit.abbreviation)] = unit
    province.created["units"] += len(missing)


def load_books(province: Province) -> None:
    """Create the missing register books (incoming, outgoing, secret ×2, copies) of each agency."""
    agencies = list(province.agencies.values())
    for book in RegisterBook.objects.filter(agency__in=agencies):
        province.books[(book.agency_id, book.name)] = book
    missing = [
        RegisterBook(agency=agency, kind=kind, name=str(kind.label))
        for agency in agencies
        for kind in BOOK_KINDS
        if (agency.pk, str(kind.label)) not in province.books
    ]
    for book in RegisterBook.objects.bulk_create(missing):
        province.books[(book.agency.pk, book.name)] = book
    province.created["register_books"] += len(missing)


def book_for(province: Province, agency: Agency, kind: RegisterKind) -> RegisterBook:
    """Return the demo register book of ``kind`` of an agency."""
    return province.books[(agency.pk, str(kind.label))]


def demo_users() -> list[tuple[AgencySpec, DemoUser]]:
    """Return every demo user (admin first) with the agency they belong to."""
    home_affairs = next(spec for spec in AGENCIES if spec.organ_id == HOME_AFFAIRS_ID)
    admin = DemoUser(
        ADMIN_USERNAME,
        ADMIN_FULL_NAME,
        ADMIN_FULL_NAME,
        "VP",
        (Role.AGENCY_ADMIN,),
        Clearance.NONE,
    )
    users = [(home_affairs, admin)]
    users.extend((spec, user) for spec in AGENCIES for user in staff_for(spec))
    return users


def load_users(province: Province) -> None:
    """Create the missing demo users with the demo password, their roles and clearances."""
    wanted = demo_users()
    existing = set(
        User.objects.filter(username__in=[user.username for _spec, user in wanted]).values_list(
            "username", flat=True
        )
    )
    new = [(spec, user) for spec, user in wanted if user.username not in existing]
    if not new:
        return
    password = make_password(DEMO_PASSWORD)  # hashed once: one password for every demo user
    rows = []
    for spec, user in new:
        agency = province.agencies[spec.organ_id]
        rows.append(
            User(
                username=user.username,
                full_name=user.full_name,
                position_title=user.position,
                agency=agency,
                unit=province.units[(agency.pk, user.unit)],
                clearance=user.clearance,
                password=password,
                email=f"{user.username}@{DEMO_EMAIL_DOMAIN}",
                is_staff=user.username == ADMIN_USERNAME,
                is_superuser=user.username == ADMIN_USERNAME,
            )
        )
    created = User.objects.bulk_create(rows)
    by_name = {user.username: user for user in created}
    if any(user.pk is None for user in created):  # backends that do not return ids
        by_name = User.objects.in_bulk([user.username for _s, user in new], field_name="username")
    UserRole.objects.bulk_create(
        UserRole(user=by_name[user.username], role=role)
        for _spec, user in new
        for role in user.roles
    )
    province.created["users"] += len(new)


def load_province() -> Province:
    """Load types, agencies, units, books and users; call inside ``transaction.atomic``."""
    province = Province()
    province.created["document_types"] += load_document_types()
    load_agencies(province)
    load_units(province)
    load_books(province)
    load_users(province)
    return province
