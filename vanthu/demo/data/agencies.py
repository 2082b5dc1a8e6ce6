"""The agencies of the demo province (Kiên Giang, 2020 inspection; design.md §8).

``organ_id`` follows the shape of the national agency identifiers (QCVN 102:2016, Decision
20/2020/QĐ-TTg): ``ABC.DE.FG.H33`` — 13 characters, ``H33`` being Kiên Giang. ``FG`` is the level-2
body (``00`` the provincial People's Committee itself, ``05`` Sở Nội vụ, ``31``–``37`` the districts
in the order of design.md §8), ``DE`` the level-3 body under it (``01`` Chi cục Văn thư - Lưu trữ,
``10`` Phòng Tư pháp, ``11`` Phòng Lao động - Thương binh và Xã hội, ``21``… the communes) and
``ABC`` is ``000`` (no level 4 here). Example: Phòng Tư pháp huyện Hòn Đất is ``000.10.33.H33``.

``slug`` prefixes the demo usernames (``hondat.tuphap.vanthu``); the place name is the one of the
date line (domain.md §1.7): the province for provincial bodies, the district or city for district
bodies, the commune, ward or town for communes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PROVINCE_CODE = "H33"
PROVINCE_NAME = "Kiên Giang"


class AgencyKind(StrEnum):
    """What kind of body an agency is: decides its units, staff and documents."""

    PROVINCE_COMMITTEE = "province_committee"
    HOME_AFFAIRS = "home_affairs"
    ARCHIVES_BRANCH = "archives_branch"
    DISTRICT_COMMITTEE = "district_committee"
    JUSTICE_OFFICE = "justice_office"
    LABOUR_OFFICE = "labour_office"
    COMMUNE_COMMITTEE = "commune_committee"


@dataclass(frozen=True, slots=True)
class AgencySpec:
    """One demo agency; ``superior`` is the ``organ_id`` of the body above it."""

    organ_id: str
    slug: str
    kind: AgencyKind
    name: str
    abbreviation: str
    place_name: str
    superior: str | None
    area: str = PROVINCE_NAME
    area_type: str = "tỉnh"
    district: str = ""  # the district or city the agency is in ("" for provincial bodies)


@dataclass(frozen=True, slots=True)
class District:
    code: str
    slug: str
    area_type: str  # "huyện" or "thành phố"
    name: str
    communes: tuple[tuple[str, str, str], ...]  # (slug, "xã"/"phường"/"thị trấn", name)


DISTRICTS: tuple[District, ...] = (
    District(
        "31",
        "chauthanh",
        "huyện",
        "Châu Thành",
        (("mongthob", "xã", "Mong Thọ B"), ("mongtho", "xã", "Mong Thọ")),
    ),
    District(
        "32",
        "giangthanh",
        "huyện",
        "Giang Thành",
        (("phumy", "xã", "Phú Mỹ"), ("phuloi", "xã", "Phú Lợi")),
    ),
    District(
        "33",
        "hondat",
        "huyện",
        "Hòn Đất",
        (("sonbinh", "xã", "Sơn Bình"), ("thoson", "xã", "Thổ Sơn")),
    ),
    District(
        "34",
        "tanhiep",
        "huyện",
        "Tân Hiệp",
        (("thanhdonga", "xã", "Thạnh Đông A"), ("tttanhiep", "thị trấn", "Tân Hiệp")),
    ),
    District(
        "35",
        "uminhthuong",
        "huyện",
        "U Minh Thượng",
        (("anminhbac", "xã", "An Minh Bắc"), ("minhthuan", "xã", "Minh Thuận")),
    ),
    District(
        "36",
        "vinhthuan",
        "huyện",
        "Vĩnh Thuận",
        (("xavinhthuan", "xã", "Vĩnh Thuận"), ("tanthuan", "xã", "Tân Thuận")),
    ),
    District(
        "37",
        "hatien",
        "thành phố",
        "Hà Tiên",
        (("dongho", "phường", "Đông Hồ"), ("binhsan", "phường", "Bình San")),
    ),
)

PROVINCE_COMMITTEE_ID = f"000.00.00.{PROVINCE_CODE}"
HOME_AFFAIRS_ID = f"000.00.05.{PROVINCE_CODE}"
ARCHIVES_BRANCH_ID = f"000.01.05.{PROVINCE_CODE}"
FIRST_COMMUNE_CODE = 21


def _provincial() -> list[AgencySpec]:
    return [
        AgencySpec(
            PROVINCE_COMMITTEE_ID,
            "ubndtinh",
            AgencyKind.PROVINCE_COMMITTEE,
            f"Ủy ban nhân dân tỉnh {PROVINCE_NAME}",
            "UBND",
            PROVINCE_NAME,
            None,
        ),
        AgencySpec(
            HOME_AFFAIRS_ID,
            "snv",
            AgencyKind.HOME_AFFAIRS,
            f"Sở Nội vụ tỉnh {PROVINCE_NAME}",
            "SNV",
            PROVINCE_NAME,
            PROVINCE_COMMITTEE_ID,
        ),
        AgencySpec(
            ARCHIVES_BRANCH_ID,
            "ccvtlt",
            AgencyKind.ARCHIVES_BRANCH,
            f"Chi cục Văn thư - Lưu trữ tỉnh {PROVINCE_NAME}",
            "CCVTLT",
            PROVINCE_NAME,
            HOME_AFFAIRS_ID,
        ),
    ]


def _district(district: District) -> list[AgencySpec]:
    committee_id = f"000.00.{district.code}.{PROVINCE_CODE}"
    where = f"{district.area_type} {district.name}"
    common = {"area": district.name, "area_type": district.area_type, "district": district.name}
    specs = [
        AgencySpec(
            committee_id,
            f"{district.slug}.ubnd",
            AgencyKind.DISTRICT_COMMITTEE,
            f"Ủy ban nhân dân {where}",
            "UBND",
            district.name,
            PROVINCE_COMMITTEE_ID,
            **common,
        ),
        AgencySpec(
            f"000.10.{district.code}.{PROVINCE_CODE}",
            f"{district.slug}.tuphap",
            AgencyKind.JUSTICE_OFFICE,
            f"Phòng Tư pháp {where}",
            "TP",
            district.name,
            committee_id,
            **common,
        ),
        AgencySpec(
            f"000.11.{district.code}.{PROVINCE_CODE}",
            f"{district.slug}.ldtbxh",
            AgencyKind.LABOUR_OFFICE,
            f"Phòng Lao động - Thương binh và Xã hội {where}",
            "LĐTBXH",
            district.name,
            committee_id,
            **common,
        ),
    ]
    for offset, (slug, area_type, name) in enumerate(district.communes):
        specs.append(
            AgencySpec(
                f"000.{FIRST_COMMUNE_CODE + offset:02d}.{district.code}.{PROVINCE_CODE}",
                slug,
                AgencyKind.COMMUNE_COMMITTEE,
                f"Ủy ban nhân dân {area_type} {name}",
                "UBND",
                name,
                committee_id,
                area=name,
                area_type=area_type,
                district=district.name,
            )
        )
    return specs


def agency_specs() -> tuple[AgencySpec, ...]:
    """Return every demo agency, superiors before the bodies under them."""
    specs = _provincial()
    for district in DISTRICTS:
        specs.extend(_district(district))
    return tuple(specs)


AGENCIES: tuple[AgencySpec, ...] = agency_specs()
