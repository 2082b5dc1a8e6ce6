"""Units and staff of the demo agencies: who works where, in which role, with what clearance.

The required demo logins (issue "Demo province") have fixed names; everybody else gets a
realistic Vietnamese name drawn deterministically from their username, so that every load
produces the same people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from vanthu.accounts.enums import Clearance, Role
from vanthu.demo.data.agencies import AgencyKind, AgencySpec

K = AgencyKind

UNITS: dict[AgencyKind, tuple[tuple[str, str], ...]] = {
    K.PROVINCE_COMMITTEE: (
        ("VP", "Văn phòng"),
        ("KT", "Phòng Kinh tế"),
        ("VX", "Phòng Văn hóa - Xã hội"),
        ("NC", "Phòng Nội chính"),
        ("TH", "Phòng Tổng hợp"),
    ),
    K.HOME_AFFAIRS: (
        ("VP", "Văn phòng"),
        ("TTr", "Thanh tra Sở"),
        ("TCBC", "Phòng Tổ chức - Biên chế"),
        ("XDCQ", "Phòng Xây dựng chính quyền và Công tác thanh niên"),
        ("CCVC", "Phòng Công chức - Viên chức"),
        ("CCHC", "Phòng Cải cách hành chính"),
        ("CCVTLT", "Chi cục Văn thư - Lưu trữ"),
        ("BTĐKT", "Ban Thi đua - Khen thưởng"),
        ("BTG", "Ban Tôn giáo"),
    ),
    K.ARCHIVES_BRANCH: (
        ("HCTH", "Phòng Hành chính - Tổng hợp"),
        ("QLVTLT", "Phòng Quản lý văn thư, lưu trữ"),
        ("NVLT", "Phòng Nghiệp vụ lưu trữ"),
    ),
    K.DISTRICT_COMMITTEE: (
        ("VP", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
        ("KT", "Tổ Kinh tế"),
        ("VX", "Tổ Văn hóa - Xã hội"),
        ("NC", "Tổ Nội chính"),
        ("TCD", "Ban Tiếp công dân"),
    ),
    K.JUSTICE_OFFICE: (
        ("HCTH", "Bộ phận Hành chính - Tổng hợp"),
        ("HTCT", "Bộ phận Hộ tịch - Chứng thực"),
        ("PBGDPL", "Bộ phận Phổ biến, giáo dục pháp luật"),
        ("KTVB", "Bộ phận Xây dựng và kiểm tra văn bản"),
    ),
    K.LABOUR_OFFICE: (
        ("HCTH", "Bộ phận Hành chính - Tổng hợp"),
        ("LĐVL", "Bộ phận Lao động - Việc làm"),
        ("NCC", "Bộ phận Người có công"),
        ("BTXH", "Bộ phận Bảo trợ xã hội - Giảm nghèo"),
    ),
    K.COMMUNE_COMMITTEE: (
        ("VP", "Văn phòng - Thống kê"),
        ("TP", "Tư pháp - Hộ tịch"),
        ("ĐCXD", "Địa chính - Xây dựng - Nông nghiệp và Môi trường"),
        ("TCKT", "Tài chính - Kế toán"),
        ("VHXH", "Văn hóa - Xã hội"),
    ),
}


@dataclass(frozen=True, slots=True)
class StaffSpec:
    """One demo user; ``full_name`` empty means "draw one from the username"."""

    suffix: str
    roles: tuple[Role, ...]
    position: str
    unit: str
    clearance: Clearance = Clearance.NONE
    full_name: str = ""
    female: bool = False


LEADER = (Role.AGENCY_LEADER,)
CLERK = (Role.CLERK,)
SECRET = Clearance.CONFIDENTIAL

_HOME_AFFAIRS: tuple[StaffSpec, ...] = (
    StaffSpec("lanhdao", LEADER, "Giám đốc", "VP", SECRET, "Trần Quốc Hưng"),
    StaffSpec(
        "phogiamdoc", LEADER, "Phó Giám đốc", "VP", SECRET, "Lâm Thị Kim Phượng", female=True
    ),
    StaffSpec("chanhvanphong", (Role.UNIT_HEAD,), "Chánh Văn phòng", "VP", SECRET),
    StaffSpec("vanthu", CLERK, "Văn thư", "VP", SECRET, "Nguyễn Thị Thu Hà", female=True),
    StaffSpec(
        "luutru", (Role.ARCHIVIST,), "Lưu trữ viên", "VP", full_name="Phạm Ngọc Lan", female=True
    ),
    StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "TCBC", full_name="Lê Minh Tuấn"),
    StaffSpec("tcbc", (Role.UNIT_HEAD,), "Trưởng phòng Tổ chức - Biên chế", "TCBC", SECRET),
    StaffSpec("thanhtra", (Role.UNIT_HEAD,), "Chánh Thanh tra Sở", "TTr", SECRET),
    StaffSpec(
        "kiemtra",
        (Role.INSPECTOR,),
        "Phó Chi cục trưởng Chi cục Văn thư - Lưu trữ",
        "CCVTLT",
        full_name="Huỳnh Văn Tâm",
    ),
)

STAFF: dict[AgencyKind, tuple[StaffSpec, ...]] = {
    K.PROVINCE_COMMITTEE: (
        StaffSpec("chutich", LEADER, "Chủ tịch Ủy ban nhân dân tỉnh", "VP", SECRET),
        StaffSpec("phochutich", LEADER, "Phó Chủ tịch Ủy ban nhân dân tỉnh", "VP", SECRET),
        StaffSpec("chanhvanphong", (Role.UNIT_HEAD,), "Chánh Văn phòng", "VP", SECRET),
        StaffSpec("vanthu", CLERK, "Văn thư", "VP", SECRET, female=True),
        StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "NC"),
    ),
    K.HOME_AFFAIRS: _HOME_AFFAIRS,
    K.ARCHIVES_BRANCH: (
        StaffSpec("lanhdao", LEADER, "Chi cục trưởng", "HCTH", SECRET),
        StaffSpec("vanthu", CLERK, "Văn thư", "HCTH", SECRET, female=True),
        StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "QLVTLT"),
        StaffSpec("luutru", (Role.ARCHIVIST,), "Lưu trữ viên chính", "NVLT", female=True),
    ),
    K.DISTRICT_COMMITTEE: (
        StaffSpec("chutich", LEADER, "Chủ tịch Ủy ban nhân dân", "VP", SECRET),
        StaffSpec("phochutich", LEADER, "Phó Chủ tịch Ủy ban nhân dân", "VP", SECRET),
        StaffSpec("chanhvanphong", (Role.UNIT_HEAD,), "Chánh Văn phòng HĐND và UBND", "VP", SECRET),
        StaffSpec("vanthu", CLERK, "Văn thư", "VP", SECRET, female=True),
        StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "NC"),
        StaffSpec("luutru", (Role.ARCHIVIST,), "Lưu trữ viên", "VP", female=True),
    ),
    K.JUSTICE_OFFICE: (
        StaffSpec("lanhdao", LEADER, "Trưởng phòng", "HCTH", SECRET),
        StaffSpec("phophong", LEADER, "Phó Trưởng phòng", "HTCT", SECRET),
        StaffSpec("vanthu", CLERK, "Văn thư", "HCTH", SECRET, female=True),
        StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "PBGDPL"),
    ),
    K.LABOUR_OFFICE: (
        StaffSpec("lanhdao", LEADER, "Trưởng phòng", "HCTH", SECRET),
        StaffSpec("phophong", LEADER, "Phó Trưởng phòng", "NCC", SECRET),
        StaffSpec("vanthu", CLERK, "Văn thư", "HCTH", SECRET, female=True),
        StaffSpec("chuyenvien", (Role.SPECIALIST,), "Chuyên viên", "BTXH"),
    ),
    K.COMMUNE_COMMITTEE: (
        StaffSpec("chutich", LEADER, "Chủ tịch Ủy ban nhân dân", "VP", SECRET),
        StaffSpec("phochutich", LEADER, "Phó Chủ tịch Ủy ban nhân dân", "VP", SECRET),
        StaffSpec("vanthu", CLERK, "Công chức Văn phòng - Thống kê", "VP", SECRET, female=True),
        StaffSpec("tuphap", (Role.SPECIALIST,), "Công chức Tư pháp - Hộ tịch", "TP"),
    ),
}

FIXED_NAMES: dict[str, str] = {
    "hondat.tuphap.vanthu": "Danh Thị Sa Ri",
    "hondat.tuphap.lanhdao": "Võ Thanh Bình",
    "hondat.tuphap.chuyenvien": "Trương Hoàng Phúc",
    "mongthob.vanthu": "Đặng Thị Mỹ Duyên",
    "mongthob.chutich": "Nguyễn Văn Đực",
}

SURNAMES = (
    "Nguyễn",
    "Nguyễn",
    "Nguyễn",
    "Trần",
    "Trần",
    "Lê",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Trương",
    "Bùi",
    "Đặng",
    "Đỗ",
    "Ngô",
    "Hồ",
    "Dương",
    "Lâm",
    "Danh",
    "Thạch",
    "Lý",
    "Châu",
)
MALE_MIDDLE = ("Văn", "Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Hữu", "Công", "Đức", "Trung")
FEMALE_MIDDLE = ("Thị", "Thị", "Ngọc", "Thị Thu", "Thị Kim", "Thị Mỹ", "Thị Hồng", "Thanh")
MALE_GIVEN = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Phong",
    "Khoa",
    "Tài",
    "Hải",
    "Long",
    "Phúc",
    "Thắng",
    "Nghĩa",
    "Trí",
    "Hiếu",
    "Sơn",
    "Lộc",
    "Tâm",
    "Vinh",
    "Toàn",
    "Khánh",
    "Cường",
    "Nhân",
    "Thiện",
)
FEMALE_GIVEN = (
    "Lan",
    "Hoa",
    "Hạnh",
    "Trang",
    "Thảo",
    "Nhung",
    "Yến",
    "Diễm",
    "Hằng",
    "Hương",
    "Ngân",
    "Loan",
    "Trinh",
    "Phượng",
    "Tuyết",
    "Thúy",
    "Oanh",
    "Xuân",
)


def person_name(seed: str, *, female: bool) -> str:
    """Return a realistic Vietnamese full name, the same for the same ``seed``."""
    rng = random.Random(f"vanthu-demo:{seed}")  # noqa: S311 - demo data, not security
    middle = FEMALE_MIDDLE if female else MALE_MIDDLE
    given = FEMALE_GIVEN if female else MALE_GIVEN
    return f"{rng.choice(SURNAMES)} {rng.choice(middle)} {rng.choice(given)}"


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo user resolved for one agency."""

    username: str
    full_name: str
    position: str
    unit: str
    roles: tuple[Role, ...]
    clearance: Clearance


def _position(spec: StaffSpec, agency: AgencySpec) -> str:
    if agency.kind == K.COMMUNE_COMMITTEE and spec.position.endswith("Ủy ban nhân dân"):
        return f"{spec.position} {agency.area_type}"
    return spec.position


def staff_for(agency: AgencySpec) -> list[DemoUser]:
    """Return the staff of a demo agency, usernames prefixed with the agency's slug."""
    users = []
    for spec in STAFF[agency.kind]:
        username = f"{agency.slug}.{spec.suffix}"
        name = (
            spec.full_name or FIXED_NAMES.get(username) or person_name(username, female=spec.female)
        )
        users.append(
            DemoUser(username, name, _position(spec, agency), spec.unit, spec.roles, spec.clearance)
        )
    return users


ADMIN_USERNAME = "admin"
ADMIN_FULL_NAME = "Quản trị hệ thống"
