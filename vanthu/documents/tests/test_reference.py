"""The document-type reference data (domain.md §1.2, §5.3) and its selector."""

from __future__ import annotations

import pytest

from vanthu.documents.models import DocumentType
from vanthu.documents.reference import DOCUMENT_TYPES, document_types_load
from vanthu.documents.selectors import document_types

ART7_ABBREVIATIONS = [
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "",
]  # fmt: skip


class TestReferenceTable:
    def test_codes_01_to_32_then_three_copy_forms(self) -> None:
        codes = [row.code for row in DOCUMENT_TYPES]
        assert codes == [f"{n:02d}" for n in range(1, 33)] + ["S1", "S2", "S3"]

    def test_art7_order_gives_the_annex_iii_abbreviations(self) -> None:
        by_ordinal = sorted(
            (row for row in DOCUMENT_TYPES if row.ordinal is not None), key=lambda r: r.ordinal or 0
        )
        assert [row.ordinal for row in by_ordinal] == list(range(1, 30))
        assert [row.abbreviation for row in by_ordinal] == ART7_ABBREVIATIONS

    @pytest.mark.parametrize(
        ("code", "name", "abbreviation", "ordinal"),
        [
            ("01", "Nghị quyết", "NQ", 1),
            ("15", "Tờ trình", "TTr", 16),
            ("20", "Biên bản", "BB", 15),
            ("22", "Công văn", "", 18),
            ("29", "Thư công", "", 29),
            ("32", "Khác", "", None),
        ],
    )
    def test_known_rows(self, code: str, name: str, abbreviation: str, ordinal: int | None) -> None:
        row = next(r for r in DOCUMENT_TYPES if r.code == code)
        assert (row.name, row.abbreviation, row.ordinal, row.is_copy_form) == (
            name,
            abbreviation,
            ordinal,
            False,
        )

    def test_copy_forms(self) -> None:
        copies = {(r.code, r.name, r.abbreviation) for r in DOCUMENT_TYPES if r.is_copy_form}
        assert copies == {
            ("S1", "Bản sao y", "SY"),
            ("S2", "Bản trích sao", "TrS"),
            ("S3", "Bản sao lục", "SL"),
        }

    def test_abbreviations_are_unique(self) -> None:
        present = [row.abbreviation for row in DOCUMENT_TYPES if row.abbreviation]
        assert len(present) == len(set(present)) == 30


@pytest.mark.django_db
class TestDocumentTypesInDatabase:
    def test_migration_loaded_every_row(self) -> None:
        # Non-transactional tests run first, on the migrated database.
        assert DocumentType.objects.count() == len(DOCUMENT_TYPES) == 35
        cong_van = DocumentType.objects.get(code="22")
        assert (cong_van.name, cong_van.abbreviation, cong_van.ordinal) == ("Công văn", "", 18)

    def test_load_is_idempotent_and_repairs(self) -> None:
        DocumentType.objects.filter(code="02").update(abbreviation="XX")
        DocumentType.objects.filter(code="S3").delete()
        document_types_load(model=DocumentType)
        document_types_load(model=DocumentType)
        assert DocumentType.objects.count() == 35
        assert DocumentType.objects.get(code="02").abbreviation == "QĐ"
        assert DocumentType.objects.get(code="S3").is_copy_form

    def test_selector_orders_by_code_and_can_hide_copy_forms(self) -> None:
        all_codes = list(document_types().values_list("code", flat=True))
        assert all_codes[:3] == ["01", "02", "03"]
        assert all_codes[-3:] == ["S1", "S2", "S3"]
        assert document_types(include_copy_forms=False).count() == 32
