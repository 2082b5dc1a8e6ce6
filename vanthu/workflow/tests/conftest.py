"""Fixtures of the workflow tests: an agency with two units, a document, a leader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.accounts.tests.factories import make_agency, make_unit, make_user
from vanthu.documents.models import Document, DocumentType


@dataclass
class Setting:
    agency: Agency
    unit_a: OrgUnit
    unit_b: OrgUnit
    leader: User
    member_a: User
    member_b: User
    document: Document


@pytest.fixture
def setting(db: None) -> Setting:
    agency = make_agency()
    unit_a = make_unit(agency=agency)
    unit_b = make_unit(agency=agency)
    document = Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code="10"),
        code_number="26",
        code_notation="KH-SNV",
        issued_date=dt.date(2020, 4, 23),
        organ_name="Sở Nội vụ tỉnh Kiên Giang",
        subject="Kiểm tra công tác văn thư, lưu trữ năm 2020",
        subject_folded="kiem tra cong tac van thu, luu tru nam 2020",
    )
    return Setting(
        agency=agency,
        unit_a=unit_a,
        unit_b=unit_b,
        leader=make_user(agency=agency, unit=unit_a, roles=[Role.AGENCY_LEADER]),
        member_a=make_user(agency=agency, unit=unit_a),
        member_b=make_user(agency=agency, unit=unit_b),
        document=document,
    )
