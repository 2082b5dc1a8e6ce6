"""Builders for the incoming tests: an agency with units, people in each role, register books."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace
from typing import Any

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.accounts.tests.factories import make_agency, make_unit, make_user
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.registration import IncomingData, incoming_register

# The minimal body of issue 3 (as service data).
MINIMAL = IncomingData(
    type_code="10",
    code_number="26",
    code_notation="KH-SNV",
    issued_date=dt.date(2020, 4, 23),
    organ_name="Sở Nội vụ tỉnh Kiên Giang",
    subject="Kiểm tra công tác văn thư, lưu trữ năm 2020",
    signer_position="Giám đốc",
    signer_full_name="Nguyễn Văn A",
    page_amount=4,
)


def data(**changes: Any) -> IncomingData:
    """Return the minimal registration with ``changes``."""
    return replace(MINIMAL, **changes)


@dataclass
class Office:
    """One agency with two units and a person in each role."""

    agency: Agency
    unit_a: OrgUnit
    unit_b: OrgUnit
    clerk: User
    leader: User
    head_a: User
    head_b: User
    specialist_a: User
    specialist_a2: User
    specialist_b: User
    book: RegisterBook
    secret_book: RegisterBook

    def register(self, *, on: dt.date | None = None, **changes: Any) -> IncomingRecord:
        """Register the minimal document (with ``changes``) as the clerk."""
        changes.setdefault("code_number", str(_next()))
        return incoming_register(actor=self.clerk, data=data(**changes), on=on)


_serial = itertools.count(100)


def _next() -> int:
    return next(_serial)


def office_make(*, name: str | None = None) -> Office:
    """Create an agency with units A and B, a clerk, a leader, unit heads, specialists, books."""
    agency = make_agency(**({"name": name} if name else {}))
    unit_a = make_unit(agency=agency, name="Phòng Tổ chức")
    unit_b = make_unit(agency=agency, name="Phòng Văn thư - Lưu trữ")

    def person(role: Role, unit: OrgUnit, **extra: Any) -> User:
        return make_user(agency=agency, unit=unit, roles=[role], **extra)

    return Office(
        agency=agency,
        unit_a=unit_a,
        unit_b=unit_b,
        clerk=person(Role.CLERK, unit_b, clearance=Clearance.CONFIDENTIAL),
        leader=person(Role.AGENCY_LEADER, unit_b, clearance=Clearance.CONFIDENTIAL),
        head_a=person(Role.UNIT_HEAD, unit_a),
        head_b=person(Role.UNIT_HEAD, unit_b),
        specialist_a=person(Role.SPECIALIST, unit_a),
        specialist_a2=person(Role.SPECIALIST, unit_a),
        specialist_b=person(Role.SPECIALIST, unit_b),
        book=RegisterBook.objects.create(
            agency=agency, kind=RegisterKind.INCOMING, name="Sổ đăng ký văn bản đến"
        ),
        secret_book=RegisterBook.objects.create(
            agency=agency, kind=RegisterKind.SECRET_INCOMING, name="Sổ đăng ký văn bản đến mật"
        ),
    )
