"""Extraction from real files (text layer, DOCX, one real OCR run) and from noisy layouts."""

from __future__ import annotations

from typing import Any

import pytest

from vanthu.capture.extract import FIELDS, KnownAgency, extract_proposals, proposals_json
from vanthu.capture.extract.casing import organ_case, position_case
from vanthu.capture.extract.lexicon import repair_phrases
from vanthu.capture.layout import Page, Segment, Word
from vanthu.capture.sources import read_pages
from vanthu.capture.tests.conftest import DATA, wrong_fields


def _extract(name: str) -> dict[str, Any]:
    return proposals_json(extract_proposals(read_pages(DATA / name)[1]))


def test_a_born_digital_pdf_gives_every_field_right(truth: dict[str, Any]) -> None:
    found = _extract("cong-van.pdf")
    assert list(found) == list(FIELDS)
    assert wrong_fields(found, truth["cong-van.pdf"]) == []
    assert found["subject"]["value"].startswith("đôn đốc")  # "V/v" dropped
    assert found["urgency"]["value"] == "flash"
    assert found["superior_organ"] == {"value": None, "confidence": 0.0}
    assert all(0 < found[name]["confidence"] <= 1 for name in ("code_number", "issued_date"))


def test_a_docx_gives_every_field_right(truth: dict[str, Any]) -> None:
    assert wrong_fields(_extract("quyet-dinh.docx"), truth["quyet-dinh.docx"]) == []


def test_a_degraded_200_dpi_scan_is_read_by_ocr(truth: dict[str, Any]) -> None:
    found = _extract("ke-hoach-scan.png")
    expected = truth["ke-hoach-scan.png"]
    wrong = wrong_fields(found, expected)
    assert len(wrong) <= 2, wrong
    for name in ("type_name", "code_number", "code_notation", "issued_date", "signer_full_name"):
        assert name not in wrong
    assert found["code_number"]["confidence"] < 1.0  # OCR confidence lowers the score


def _page(*rows: tuple[float, float, str], ocr: bool = True) -> Page:
    """Build a page from (x0, y0, text) rows; every character is 0.012 wide."""
    segments = []
    for x0, y0, text in rows:
        words, x = [], x0
        for token in text.split():
            words.append(Word(token, x, y0, x + 0.012 * len(token), y0 + 0.018, 0.9))
            x += 0.012 * (len(token) + 1)
        segments.append(Segment(words))
    return Page(segments, ocr=ocr)


NOISY = _page(
    (0.16, 0.060, "UBND TỈNH KIEN GIANG"),
    (0.52, 0.060, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (0.20, 0.080, "SỞ NỘI VỤ"),
    (0.56, 0.080, "Độc lập - Tự do - Hạnh phúc"),
    (0.20, 0.110, "S6: O7/QD-SNV"),
    (0.50, 0.110, "Kiên Giang, ngay 5 thang 3 nam 2026"),
    (0.18, 0.135, "TỐI MẬT"),
    (0.45, 0.170, "QUYÉT ĐỊNH"),
    (0.30, 0.190, "Về việc kiện toàn Ban Chỉ đạo"),
    (0.19, 0.240, "Căn cứ Luật Tổ chức chính quyền địa phương;"),
    (0.14, 0.500, "Nơi nhận:"),
    (0.60, 0.500, "TM. UY BAN NHAN DAN"),
    (0.14, 0.520, "~ Như Điều 3;"),
    (0.62, 0.520, "PHÓ CHU TỊCH"),
    (0.14, 0.540, "- Sở Tài chính;"),
    (0.14, 0.560, "- Lưu: VT, VP."),
    (0.64, 0.650, "Nguyễn Văn An"),
)


def test_ocr_noise_is_tolerated() -> None:
    found = proposals_json(extract_proposals([NOISY]))
    values = {name: found[name]["value"] for name in FIELDS}
    assert values["code_number"] == "07"
    assert values["code_notation"] == "QĐ-SNV"
    assert values["issued_date"] == "2026-03-05"
    assert values["type_name"] == "Quyết định"
    assert values["subject"] == "Về việc kiện toàn Ban Chỉ đạo"
    assert values["superior_organ"] == "UBND tỉnh Kiên Giang"  # place spelt as the date line
    assert values["confidentiality"] == "secret"
    assert values["signer_authority"] == "TM. ỦY BAN NHÂN DÂN"
    assert values["signer_position"] == "Phó Chủ tịch"
    assert values["signer_full_name"] == "Nguyễn Văn An"
    assert values["recipients"] == ["Như Điều 3", "Sở Tài chính"]


def test_a_known_agency_name_wins_over_the_case_rules() -> None:
    agencies = [KnownAgency(name="Sở Nội Vụ (tên lưu)", abbreviation="SNV")]
    found = extract_proposals([NOISY], agencies=agencies)
    assert found["organ_name"].value == "Sở Nội vụ"
    agencies = [KnownAgency(name="sở nội vụ", abbreviation="SNV")]
    assert extract_proposals([NOISY], agencies=agencies)["organ_name"].value == "sở nội vụ"


def test_an_empty_document_proposes_nothing() -> None:
    found = proposals_json(extract_proposals([]))
    assert found["code_number"] == {"value": None, "confidence": 0.0}
    assert found["recipients"] == {"value": [], "confidence": 0.0}


def test_case_rules_for_names_printed_in_capitals() -> None:
    assert organ_case("ỦY BAN NHÂN DÂN XÃ MONG THỌ B") == "Ủy ban nhân dân xã Mong Thọ B"
    assert organ_case("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == (
        "Phòng Lao động - Thương binh và Xã hội"
    )
    assert organ_case("CHI CỤC VĂN THƯ - LƯU TRỮ") == "Chi cục Văn thư - Lưu trữ"
    assert organ_case("UBND THÀNH PHỐ HÀ TIÊN") == "UBND thành phố Hà Tiên"
    assert position_case("PHÓ GIÁM ĐỐC") == "Phó Giám đốc"


def _signature_page(*recipients: str, heading: str = "Nơi nhận:") -> Page:
    rows = [(0.15, 0.300, "hướng dẫn, giải quyết."), (0.14, 0.330, heading)]
    rows += [(0.14, 0.345 + 0.015 * i, text) for i, text in enumerate(recipients)]
    rows += [(0.60, 0.330, "KT. CHỦ TỊCH"), (0.61, 0.350, "PHÓ CHỦ TỊCH")]
    rows += [(0.60, 0.450, "Huỳnh Trung Tuấn")]
    return _page(*rows)


def test_an_unreadable_recipients_heading_is_found_from_the_filing_line() -> None:
    page = _signature_page(
        "- Như trên;",
        "- UBND tỉnh (đế b/c);",
        "- Chi cục Văn thư - Lưu trữ và các",
        "đơn vị trực thuộc;",
        "~ Website cơ quan;",
        "~Lưu; VT, VTLT.",
        heading="S42 4n",
    )
    found = extract_proposals([page])["recipients"].value
    assert found == [
        "UBND tỉnh (để b/c)",
        "Chi cục Văn thư - Lưu trữ và các đơn vị trực thuộc",
        "Website cơ quan",
    ]
    # Without a filing line the list is not guessed.
    bare = _signature_page("- Như trên;", "- Sở Tài chính;", heading="S42 4n")
    assert extract_proposals([bare])["recipients"].value == []


def test_a_misread_filing_line_ends_the_recipients_list() -> None:
    for filing in ("1u: VT,1GCG5", "2i: VT KẸ", "1ừu: VỊ, CB", "«1 ưựu:v1;V T1"):
        page = _signature_page("- Sở Tài chính;", "- UBND tỉnh (để b/c);", filing)
        found = extract_proposals([page])["recipients"].value
        assert found == ["Sở Tài chính", "UBND tỉnh (để b/c)"], filing
    page = _signature_page("- Sở Tài chính;", "- Vụ: Vận tải;", "- Lưu: VT.")
    assert extract_proposals([page])["recipients"].value == ["Sở Tài chính", "Vụ: Vận tải"]


def test_common_phrases_get_their_marks_back_with_case_and_punctuation() -> None:
    assert repair_phrases("Đoàn kiếm tra (đế b/c);") == "Đoàn kiểm tra (để b/c);"
    assert repair_phrases("Kiếm tra những tôn tại, hạn chế") == "Kiểm tra những tồn tại, hạn chế"
    assert repair_phrases("KIEM TRA") == "KIỂM TRA"
    assert repair_phrases("công chức quý H năm 2021") == "công chức quý II năm 2021"
    assert repair_phrases("Phòng Tư phap") == "Phòng Tư pháp"
    assert repair_phrases("Văn phòng ƯBND tỉnh") == "Văn phòng UBND tỉnh"
    # Words whose folded form has another reading are left alone ("tính" may be right).
    assert repair_phrases("Lưu trữ lịch sử tính") == "Lưu trữ lịch sử tính"
    assert repair_phrases("Hà Hội Hòa") == "Hà Hội Hòa"


def test_recipients_run_together_are_split_and_specks_dropped() -> None:
    page = _signature_page(
        "- Các xã, phường, thị trấn; li",
        "- Nhụ tiêu;",
        "- Như Điều 3;",
        "- Sở Tài chính; Sở Nội vụ;",
        "- Lưu: VT.",
    )
    found = extract_proposals([page])["recipients"].value
    assert found == ["Các xã, phường, thị trấn", "Như Điều 3", "Sở Tài chính", "Sở Nội vụ"]


@pytest.mark.parametrize(
    "text",
    ["V/v khai báo lưu trú, tạm trú", "Hướng dẫn giao tiếp lịch sự nơi công sở"],
)
def test_phrase_repair_leaves_words_with_another_reading_alone(text: str) -> None:
    assert repair_phrases(text) == text
