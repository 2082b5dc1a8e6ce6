"""load_demo: the province, its users and books, the demo year, idempotency, the summary."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.contrib.auth import authenticate

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, User
from vanthu.core.text import fold
from vanthu.demo.constants import DEMO_PASSWORD, REQUIRED_LOGINS
from vanthu.demo.data.agencies import AGENCIES
from vanthu.demo.services import DemoLoadResult
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import Document, NumberAllocation, RegisterBook, Sequence

pytestmark = pytest.mark.django_db

EXPECTED_LOGINS = {
    "admin": (Role.AGENCY_ADMIN, "Sở Nội vụ tỉnh Kiên Giang", "Văn phòng"),
    "snv.vanthu": (Role.CLERK, "Sở Nội vụ tỉnh Kiên Giang", "Văn phòng"),
    "snv.lanhdao": (Role.AGENCY_LEADER, "Sở Nội vụ tỉnh Kiên Giang", "Văn phòng"),
    "snv.chuyenvien": (Role.SPECIALIST, "Sở Nội vụ tỉnh Kiên Giang", "Phòng Tổ chức - Biên chế"),
    "snv.luutru": (Role.ARCHIVIST, "Sở Nội vụ tỉnh Kiên Giang", "Văn phòng"),
    "snv.kiemtra": (Role.INSPECTOR, "Sở Nội vụ tỉnh Kiên Giang", "Chi cục Văn thư - Lưu trữ"),
    "hondat.tuphap.vanthu": (
        Role.CLERK,
        "Phòng Tư pháp huyện Hòn Đất",
        "Bộ phận Hành chính - Tổng hợp",
    ),
    "hondat.tuphap.lanhdao": (
        Role.AGENCY_LEADER,
        "Phòng Tư pháp huyện Hòn Đất",
        "Bộ phận Hành chính - Tổng hợp",
    ),
    "hondat.tuphap.chuyenvien": (
        Role.SPECIALIST,
        "Phòng Tư pháp huyện Hòn Đất",
        "Bộ phận Phổ biến, giáo dục pháp luật",
    ),
    "mongthob.vanthu": (Role.CLERK, "Ủy ban nhân dân xã Mong Thọ B", "Văn phòng - Thống kê"),
    "mongthob.chutich": (
        Role.AGENCY_LEADER,
        "Ủy ban nhân dân xã Mong Thọ B",
        "Văn phòng - Thống kê",
    ),
}


class TestRequiredLogins:
    def test_each_login_has_its_role_agency_and_unit(self, province: DemoLoadResult) -> None:
        assert set(EXPECTED_LOGINS) == set(REQUIRED_LOGINS)
        for username, (role, agency, unit) in EXPECTED_LOGINS.items():
            user = User.objects.select_related("agency", "unit").get(username=username)
            assert list(user.role_grants.values_list("role", flat=True)) == [role], username
            assert user.agency is not None and user.agency.name == agency, username
            assert user.unit is not None and user.unit.name == unit, username
            assert user.unit.agency_id == user.agency_id
            assert user.full_name and user.position_title
            assert user.is_active

    def test_demo_password_authenticates_every_login(self, province: DemoLoadResult) -> None:
        for username in REQUIRED_LOGINS:
            user = authenticate(username=username, password=DEMO_PASSWORD)
            assert user is not None and user.get_username() == username
            assert authenticate(username=username, password=DEMO_PASSWORD + "x") is None

    def test_every_demo_user_shares_the_demo_password(self, province: DemoLoadResult) -> None:
        users = list(User.objects.all())
        assert len(users) > 150
        assert all(user.check_password(DEMO_PASSWORD) for user in users[::20])

    def test_only_admin_is_superuser(self, province: DemoLoadResult) -> None:
        assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == [
            "admin"
        ]
        assert User.objects.get(username="admin").is_staff

    def test_leaders_and_clerks_are_cleared_for_mat(self, province: DemoLoadResult) -> None:
        leader = User.objects.get(username="snv.lanhdao")
        chairman = User.objects.get(username="mongthob.chutich")
        specialist = User.objects.get(username="snv.chuyenvien")
        assert leader.clearance == chairman.clearance == Clearance.CONFIDENTIAL
        assert specialist.clearance == Clearance.NONE

    def test_every_agency_has_a_clerk_and_a_leader(self, province: DemoLoadResult) -> None:
        for agency in Agency.objects.all():
            roles = set(agency.users.values_list("role_grants__role", flat=True))
            assert {Role.CLERK, Role.AGENCY_LEADER} <= roles, agency.name


class TestAgencies:
    def test_all_agencies_of_the_inspection_exist(self, province: DemoLoadResult) -> None:
        assert Agency.objects.count() == len(AGENCIES) == 38
        ids = list(Agency.objects.values_list("organ_id", flat=True))
        assert all(len(organ_id) == 13 and organ_id.endswith(".H33") for organ_id in ids)

    @pytest.mark.parametrize(
        ("name", "abbreviation", "place", "superior"),
        [
            ("Ủy ban nhân dân tỉnh Kiên Giang", "UBND", "Kiên Giang", None),
            ("Sở Nội vụ tỉnh Kiên Giang", "SNV", "Kiên Giang", "Ủy ban nhân dân tỉnh Kiên Giang"),
            (
                "Chi cục Văn thư - Lưu trữ tỉnh Kiên Giang",
                "CCVTLT",
                "Kiên Giang",
                "Sở Nội vụ tỉnh Kiên Giang",
            ),
            (
                "Phòng Tư pháp thành phố Hà Tiên",
                "TP",
                "Hà Tiên",
                "Ủy ban nhân dân thành phố Hà Tiên",
            ),
            (
                "Phòng Lao động - Thương binh và Xã hội huyện Hòn Đất",
                "LĐTBXH",
                "Hòn Đất",
                "Ủy ban nhân dân huyện Hòn Đất",
            ),
            (
                "Ủy ban nhân dân xã Mong Thọ B",
                "UBND",
                "Mong Thọ B",
                "Ủy ban nhân dân huyện Châu Thành",
            ),
            ("Ủy ban nhân dân xã Phú Lợi", "UBND", "Phú Lợi", "Ủy ban nhân dân huyện Giang Thành"),
            ("Ủy ban nhân dân xã Thổ Sơn", "UBND", "Thổ Sơn", "Ủy ban nhân dân huyện Hòn Đất"),
            (
                "Ủy ban nhân dân thị trấn Tân Hiệp",
                "UBND",
                "Tân Hiệp",
                "Ủy ban nhân dân huyện Tân Hiệp",
            ),
            (
                "Ủy ban nhân dân xã Minh Thuận",
                "UBND",
                "Minh Thuận",
                "Ủy ban nhân dân huyện U Minh Thượng",
            ),
            (
                "Ủy ban nhân dân xã Tân Thuận",
                "UBND",
                "Tân Thuận",
                "Ủy ban nhân dân huyện Vĩnh Thuận",
            ),
            (
                "Ủy ban nhân dân phường Bình San",
                "UBND",
                "Bình San",
                "Ủy ban nhân dân thành phố Hà Tiên",
            ),
        ],
    )
    def test_agency_details(
        self,
        province: DemoLoadResult,
        name: str,
        abbreviation: str,
        place: str,
        superior: str | None,
    ) -> None:
        agency = Agency.objects.select_related("superior").get(name=name)
        assert agency.abbreviation == abbreviation
        assert agency.place_name == place
        assert (agency.superior.name if agency.superior else None) == superior

    def test_every_agency_has_units_and_the_five_register_books(
        self, province: DemoLoadResult
    ) -> None:
        kinds = {
            RegisterKind.INCOMING,
            RegisterKind.OUTGOING,
            RegisterKind.SECRET_INCOMING,
            RegisterKind.SECRET_OUTGOING,
            RegisterKind.COPY,
        }
        for agency in Agency.objects.all():
            assert agency.units.count() >= 3
            assert set(agency.register_books.values_list("kind", flat=True)) == kinds
        assert RegisterBook.objects.count() == 5 * 38


class TestDemoYear:
    def test_inspection_plan_is_number_26_of_23_april_2020(self, province: DemoLoadResult) -> None:
        plan = Document.objects.select_related("document_type", "issuing_agency").get(
            code_number="26", code_notation="KH-SNV", issued_date__year=2020
        )
        assert plan.issued_date == date(2020, 4, 23)
        assert plan.document_type.name == "Kế hoạch"
        assert plan.subject == "Kiểm tra công tác văn thư, lưu trữ năm 2020"
        assert plan.issuing_agency is not None and plan.issuing_agency.abbreviation == "SNV"
        assert plan.organ_name == "Sở Nội vụ tỉnh Kiên Giang"

    def test_a_few_hundred_documents_with_folded_subjects(self, province: DemoLoadResult) -> None:
        documents = list(
            Document.objects.filter(issuing_agency__isnull=False, issued_date__year=2020)
        )
        assert 300 <= len(documents) <= 600
        assert {doc.issued_date.year for doc in documents} == {2020}
        for doc in documents:
            assert doc.subject_folded == fold(doc.subject)
            assert "đ" not in doc.subject_folded
            assert doc.signer_name and doc.signer_position and doc.organ_name

    def test_numbers_are_gapless_in_each_book(self, province: DemoLoadResult) -> None:
        for sequence in Sequence.objects.filter(year=2020):
            numbers = sorted(
                NumberAllocation.objects.filter(book=sequence.book, year=2020).values_list(
                    "number", flat=True
                )
            )
            assert numbers == list(range(1, sequence.last_number + 1))
        issued = Counter(
            (agency, level > 0, day.year, number)
            for agency, level, day, number in Document.objects.filter(
                issuing_agency__isnull=False
            ).values_list("owner_agency_id", "confidentiality", "issued_date", "code_number")
        )
        assert set(issued.values()) == {1}  # one number per book and year, never reused
