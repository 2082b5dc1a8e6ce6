"""The 2020 inspection of records work in Kiên Giang, as the documents it left behind.

Sở Nội vụ plans it (Kế hoạch số 26/KH-SNV ngày 23/4/2020), sets up the inspection team, announces
the schedule, visits one district or city at a time, announces the results of each visit and
reports to the provincial People's Committee; every inspected body first reports on its own
self-inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vanthu.demo.data.agencies import DISTRICTS, AgencyKind, District

INSPECTION_PLAN_DAY = date(2020, 4, 23)
INSPECTION_PLAN_NUMBER = 26
INSPECTION_PLAN_SUBJECT = "Kiểm tra công tác văn thư, lưu trữ năm 2020"

VISITS: dict[str, date] = {
    "Châu Thành": date(2020, 6, 16),
    "Giang Thành": date(2020, 7, 7),
    "Hòn Đất": date(2020, 7, 21),
    "Tân Hiệp": date(2020, 8, 11),
    "U Minh Thượng": date(2020, 8, 25),
    "Vĩnh Thuận": date(2020, 9, 8),
    "Hà Tiên": date(2020, 9, 21),
}
INSPECTED_KINDS = frozenset(
    {AgencyKind.JUSTICE_OFFICE, AgencyKind.LABOUR_OFFICE, AgencyKind.COMMUNE_COMMITTEE}
)


@dataclass(frozen=True, slots=True)
class CuratedDocument:
    """A document of the inspection story, with its fixed type, date and subject."""

    day: date
    code: str
    subject: str
    unit: str | None = "CCVTLT"  # Sở Nội vụ's inspection papers are drafted by the Chi cục


def _visited_bodies(district: District) -> str:
    where = f"{district.area_type} {district.name}"
    communes = ", ".join(f"{kind} {name}" for _slug, kind, name in district.communes)
    return (
        f"Phòng Tư pháp, Phòng Lao động - Thương binh và Xã hội {where} "
        f"và Ủy ban nhân dân {communes}"
    )


def home_affairs_documents() -> list[CuratedDocument]:
    """Return Sở Nội vụ's inspection documents of 2020 (the plan is number 26)."""
    documents = [
        CuratedDocument(INSPECTION_PLAN_DAY, "10", INSPECTION_PLAN_SUBJECT),
        CuratedDocument(
            date(2020, 5, 4),
            "02",
            "Về việc thành lập Đoàn kiểm tra công tác văn thư, lưu trữ năm 2020",
        ),
        CuratedDocument(
            date(2020, 5, 12),
            "22",
            "V/v thông báo lịch kiểm tra công tác văn thư, lưu trữ năm 2020",
            unit="CCVTLT",
        ),
        CuratedDocument(
            date(2020, 12, 15), "14", "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2020"
        ),
    ]
    for district in DISTRICTS:
        visit = VISITS[district.name]
        documents.append(
            CuratedDocument(
                date.fromordinal(visit.toordinal() + 9),
                "07",
                f"Kết quả kiểm tra công tác văn thư, lưu trữ tại {_visited_bodies(district)}",
            )
        )
    return documents


def self_inspection_report(district: str) -> CuratedDocument:
    """Return an inspected body's report on its self-inspection, two weeks before the visit."""
    visit = VISITS[district]
    return CuratedDocument(
        date.fromordinal(visit.toordinal() - 14),
        "14",
        "Kết quả tự kiểm tra công tác văn thư, lưu trữ năm 2020",
        unit=None,
    )


def curated_for(kind: AgencyKind, district: str) -> list[CuratedDocument]:
    """Return the inspection documents an agency issued in 2020."""
    if kind == AgencyKind.HOME_AFFAIRS:
        return home_affairs_documents()
    if kind in INSPECTED_KINDS:
        return [self_inspection_report(district)]
    return []
