"""Reference data: the document types of Decree 30 and Circular 05/2025, and the copy forms.

Codes ``01``–``32`` are the ``typeName`` codes of Circular 05/2025 (domain.md §5.3). The
abbreviations are those of Decree 30 Annex III §I (domain.md §1.2); Công văn and Thư công have
none. ``ordinal`` is the order in which Decree 30 Art. 7 lists its 29 administrative types; the
three types that Circular 05/2025 adds (Bản đồ, Bản vẽ kỹ thuật, Khác) have no ordinal.

The copy forms (Bản sao y, Bản trích sao, Bản sao lục) have no code in Circular 05/2025. They get
the codes ``S1``–``S3``: two characters like the official codes, starting with a letter so they
can never clash with a numeric code the circular may add later, and ordered like Art. 25.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocumentTypeRow:
    """One row of the document-type reference table."""

    code: str
    name: str
    abbreviation: str
    ordinal: int | None
    is_copy_form: bool = False


DOCUMENT_TYPES: tuple[DocumentTypeRow, ...] = (
    DocumentTypeRow("01", "Nghị quyết", "NQ", 1),
    DocumentTypeRow("02", "Quyết định", "QĐ", 2),
    DocumentTypeRow("03", "Chỉ thị", "CT", 3),
    DocumentTypeRow("04", "Quy chế", "QC", 4),
    DocumentTypeRow("05", "Quy định", "QyĐ", 5),
    DocumentTypeRow("06", "Thông cáo", "TC", 6),
    DocumentTypeRow("07", "Thông báo", "TB", 7),
    DocumentTypeRow("08", "Hướng dẫn", "HD", 8),
    DocumentTypeRow("09", "Chương trình", "CTr", 9),
    DocumentTypeRow("10", "Kế hoạch", "KH", 10),
    DocumentTypeRow("11", "Phương án", "PA", 11),
    DocumentTypeRow("12", "Đề án", "ĐA", 12),
    DocumentTypeRow("13", "Dự án", "DA", 13),
    DocumentTypeRow("14", "Báo cáo", "BC", 14),
    DocumentTypeRow("15", "Tờ trình", "TTr", 16),
    DocumentTypeRow("16", "Giấy ủy quyền", "GUQ", 22),
    DocumentTypeRow("17", "Phiếu gửi", "PG", 26),
    DocumentTypeRow("18", "Phiếu chuyển", "PC", 27),
    DocumentTypeRow("19", "Phiếu báo", "PB", 28),
    DocumentTypeRow("20", "Biên bản", "BB", 15),
    DocumentTypeRow("21", "Hợp đồng", "HĐ", 17),
    DocumentTypeRow("22", "Công văn", "", 18),
    DocumentTypeRow("23", "Công điện", "CĐ", 19),
    DocumentTypeRow("24", "Bản ghi nhớ", "BGN", 20),
    DocumentTypeRow("25", "Bản thỏa thuận", "BTT", 21),
    DocumentTypeRow("26", "Giấy mời", "GM", 23),
    DocumentTypeRow("27", "Giấy giới thiệu", "GGT", 24),
    DocumentTypeRow("28", "Giấy nghỉ phép", "GNP", 25),
    DocumentTypeRow("29", "Thư công", "", 29),
    DocumentTypeRow("30", "Bản đồ", "", None),
    DocumentTypeRow("31", "Bản vẽ kỹ thuật", "", None),
    DocumentTypeRow("32", "Khác", "", None),
    DocumentTypeRow("S1", "Bản sao y", "SY", None, is_copy_form=True),
    DocumentTypeRow("S2", "Bản trích sao", "TrS", None, is_copy_form=True),
    DocumentTypeRow("S3", "Bản sao lục", "SL", None, is_copy_form=True),
)

CONG_VAN_CODE = "22"
"""Công văn: its reference code is built from the issuer's and unit's abbreviations."""


def document_types_load(*, model: Any) -> int:
    """Create or update every reference row in ``model`` (the real or a migration's model).

    Idempotent; used by the data migration and by tests whose database was flushed.
    Return the number of rows written.
    """
    for row in DOCUMENT_TYPES:
        model.objects.update_or_create(
            code=row.code,
            defaults={
                "name": row.name,
                "abbreviation": row.abbreviation,
                "ordinal": row.ordinal,
                "is_copy_form": row.is_copy_form,
            },
        )
    return len(DOCUMENT_TYPES)
