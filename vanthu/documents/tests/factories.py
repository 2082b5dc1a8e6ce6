"""Typed builders for the documents tests.

These build rows with the ORM instead of ``vanthu.accounts.tests.factories`` because factory-boy
classes are untyped and ``mypy --strict`` refuses calls to them; the defaults mirror those
factories (agency "Sở Thử nghiệm n", users with a unit and roles).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, OrgUnit, User, UserRole
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook

_serial = itertools.count(1)


def agency_make(*, name: str | None = None) -> Agency:
    n = next(_serial)
    return Agency.objects.create(
        name=name or f"Sở Thử nghiệm {n}",
        abbreviation=f"STN{n}",
        organ_id=f"H49.{uuid.uuid4().hex[:9]}",
        place_name="Kiên Giang",
    )


def unit_make(*, agency: Agency | None = None, name: str | None = None) -> OrgUnit:
    n = next(_serial)
    return OrgUnit.objects.create(
        agency=agency or agency_make(), name=name or f"Phòng {n}", abbreviation=f"P{n}"
    )


def user_make(*, agency: Agency | None = None, roles: Iterable[Role] = ()) -> User:
    n = next(_serial)
    agency = agency or agency_make()
    user = User.objects.create_user(
        username=f"docuser{n}-{uuid.uuid4().hex[:6]}",
        full_name=f"Nguyễn Văn Đức {n}",
        agency=agency,
        unit=unit_make(agency=agency),
    )
    UserRole.objects.bulk_create(UserRole(user=user, role=role) for role in roles)
    return user


def register_book_make(
    *,
    agency: Agency | None = None,
    kind: RegisterKind = RegisterKind.OUTGOING,
    name: str | None = None,
    is_active: bool = True,
) -> RegisterBook:
    return RegisterBook.objects.create(
        agency=agency or agency_make(),
        kind=kind,
        name=name or f"Sổ đăng ký văn bản đi {next(_serial)}",
        is_active=is_active,
    )
