"""Structured drafts for the renderer (``render_docx``): its outputs join the correct corpus."""

from __future__ import annotations

import datetime as dt

from vanthu.drafting.content import Clause, DraftContent, Heading, Paragraph, Point, Table

_TEXT = (
    "Các cơ quan, đơn vị thực hiện nghiêm túc các quy định về công tác văn thư, lưu trữ; bảo "
    "đảm văn bản được soạn thảo đúng thể thức và kỹ thuật trình bày theo quy định hiện hành."
)


def _common(**values: object) -> dict[str, object]:
    return {
        "superior_name": "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        "issuer_name": "Sở Nội vụ",
        "issuer_abbreviation": "SNV",
        "unit_abbreviation": "VP",
        "place_name": "Kiên Giang",
        "drafter_initials": "NVA",
        **values,
    }


def drafts() -> list[DraftContent]:
    """Return drafts of several types (Quyết định, Công văn, Kế hoạch, Giấy mời, Báo cáo), two
    of them signed on two levels (TM. … / KT. …, TL. … / KT. …)."""
    return [
        DraftContent.model_validate(
            _common(
                type_code="02",
                subject="Về việc ban hành Quy chế công tác văn thư",
                legal_bases=["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"],
                body=[
                    Heading(
                        level="article", number="1", title="Ban hành Quy chế công tác văn thư."
                    ),
                    Heading(level="article", number="2", title="Hiệu lực thi hành."),
                    Clause(number="1", text=_TEXT),
                    Point(letter="a", text=_TEXT),
                ],
                recipients=["Như Điều 2", "Giám đốc Sở"],
                authority="KT.",
                authority_body="GIÁM ĐỐC",
                signer_position="PHÓ GIÁM ĐỐC",
                signer_name="Trần Thị Bình",
            )
        ),
        DraftContent.model_validate(
            _common(
                type_code="22",
                subject="hướng dẫn lập hồ sơ công việc năm 2026",
                addressees=["Ủy ban nhân dân các huyện, thành phố"],
                body=[Paragraph(text=_TEXT), Paragraph(text=_TEXT)],
                recipients=["Như trên"],
                authority="KT.",
                authority_body="GIÁM ĐỐC",
                signer_position="PHÓ GIÁM ĐỐC",
                signer_name="Trần Thị Bình",
            )
        ),
        DraftContent.model_validate(
            _common(
                type_code="10",
                subject="Kiểm tra công tác văn thư, lưu trữ năm 2026",
                body=[Paragraph(text=_TEXT) for _ in range(14)]
                + [Table(rows=[["STT", "Đơn vị"], ["1", "Phòng Nội vụ"]], header=True)],
                recipients=["Ủy ban nhân dân tỉnh"],
                signer_position="GIÁM ĐỐC",
                signer_name="Lê Văn Cường",
            )
        ),
        DraftContent.model_validate(
            _common(
                type_code="26",
                subject="Dự hội nghị tập huấn nghiệp vụ văn thư",
                body=[Paragraph(text="Sở Nội vụ trân trọng kính mời đại biểu tham dự hội nghị.")],
                recipients=["Như trên"],
                authority="TL.",
                authority_body="GIÁM ĐỐC",
                signer_position="CHÁNH VĂN PHÒNG",
                signer_name="Hoàng Minh Đức",
            )
        ),
        DraftContent.model_validate(
            _common(
                type_code="14",
                subject="Kết quả công tác văn thư năm 2026",
                body=[Paragraph(text=_TEXT) for _ in range(3)],
                recipients=["Ủy ban nhân dân tỉnh"],
                signer_position="GIÁM ĐỐC",
                signer_name="Lê Văn Cường",
            )
        ),
        DraftContent.model_validate(
            _common(
                superior_name="",
                issuer_name="Ủy ban nhân dân tỉnh Kiên Giang",
                issuer_abbreviation="UBND",
                unit_abbreviation="NC",
                type_code="02",
                subject="Về việc phê duyệt Danh mục hồ sơ năm 2026",
                legal_bases=["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"],
                body=[Heading(level="article", number="1", title="Phê duyệt Danh mục hồ sơ.")],
                recipients=["Như Điều 2"],
                authority="TM.",
                authority_body="Ủy ban nhân dân",
                second_authority="KT.",
                second_authority_body="Chủ tịch",
                signer_position="PHÓ CHỦ TỊCH",
                signer_name="Nguyễn Thanh Nhàn",
            )
        ),
        DraftContent.model_validate(
            _common(
                type_code="22",
                subject="nộp lưu hồ sơ năm 2025",
                addressees=["Các phòng, ban thuộc Sở"],
                body=[Paragraph(text=_TEXT)],
                recipients=["Như trên"],
                authority="TL.",
                authority_body="GIÁM ĐỐC",
                second_authority="KT.",
                second_authority_body="CHÁNH VĂN PHÒNG",
                signer_position="PHÓ CHÁNH VĂN PHÒNG",
                signer_name="Đỗ Thị Hồng",
            )
        ),
    ]


ISSUED_NUMBERS = ((5, dt.date(2026, 1, 5)), (12, dt.date(2026, 9, 21)), (None, None))
