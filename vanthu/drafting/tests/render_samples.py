"""Structured drafts used by the rendering, PDF and layout tests (and the render benchmark)."""

from __future__ import annotations

from typing import Any

from vanthu.drafting.content import DraftContent

LONG_SENTENCE = (
    "Các cơ quan, đơn vị có trách nhiệm lập hồ sơ công việc, chỉnh lý tài liệu và nộp lưu hồ sơ, "
    "tài liệu vào Lưu trữ cơ quan đúng thời hạn; bảo đảm an toàn, bí mật thông tin theo quy định "
    "của pháp luật về bảo vệ bí mật nhà nước và lưu trữ; việc phát sinh được báo cáo kịp thời."
)

_ISSUER: dict[str, Any] = {
    "superior_name": "UBND tỉnh Kiên Giang",
    "issuer_name": "Sở Nội vụ",
    "issuer_abbreviation": "SNV",
    "place_name": "Kiên Giang",
}


def decision(**overrides: Any) -> DraftContent:
    """Return a Quyết định (Mẫu 1.2) signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC."""
    data: dict[str, Any] = {
        **_ISSUER,
        "type_code": "02",
        "unit_abbreviation": "VTLT",
        "subject": "Về việc thành lập Đoàn kiểm tra công tác văn thư, lưu trữ năm 2026",
        "legal_bases": [
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
            "Theo đề nghị của Chi cục trưởng Chi cục Văn thư - Lưu trữ",
        ],
        "body": [
            {"kind": "heading", "level": "article", "number": "1", "title": "Thành lập Đoàn"},
            {"kind": "paragraph", "text": "Thành lập Đoàn kiểm tra gồm các ông (bà) sau đây:"},
            {"kind": "clause", "number": "1", "text": "Ông Nguyễn Văn Ệ, Phó Giám đốc Sở;"},
            {"kind": "point", "letter": "a", "text": "Kiểm tra việc lập hồ sơ ở đơn vị;"},
            {"kind": "point", "letter": "đ", "text": "Kiểm tra việc nộp lưu hồ sơ, tài liệu."},
            {"kind": "heading", "level": "article", "number": "2", "title": "Hiệu lực"},
            {"kind": "paragraph", "text": "Quyết định này có hiệu lực kể từ ngày ký."},
        ],
        "recipients": ["Như Điều 2", "UBND tỉnh (để b/c)"],
        "archive_copies": 2,
        "authority": "KT.",
        "authority_body": "Giám đốc",
        "signer_position": "Phó Giám đốc",
        "signer_name": "Trần Thị Hữu Ở",
        "drafter_initials": "pl",
        "copies": 30,
    }
    data.update(overrides)
    return DraftContent.model_validate(data)


def official_letter(**overrides: Any) -> DraftContent:
    """Return a Công văn (Mẫu 1.5) to two addressees, marked KHẨN."""
    data: dict[str, Any] = {
        **_ISSUER,
        "type_code": "22",
        "unit_abbreviation": "VP",
        "subject": "hướng dẫn nộp lưu hồ sơ, tài liệu năm 2026",
        "addressees": ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố"],
        "body": [
            {"kind": "paragraph", "text": LONG_SENTENCE},
            {"kind": "paragraph", "text": "Đề nghị các cơ quan, đơn vị quan tâm thực hiện./."},
        ],
        "recipients": ["Lưu trữ lịch sử tỉnh"],
        "authority": "KT.",
        "authority_body": "Giám đốc",
        "signer_position": "Phó Giám đốc",
        "signer_name": "Lê Văn Đức",
        "urgency": "urgent",
    }
    data.update(overrides)
    return DraftContent.model_validate(data)


def minutes(**overrides: Any) -> DraftContent:
    """Return a Biên bản (Mẫu 1.9): THƯ KÝ and CHỦ TỌA sign, no date line."""
    data: dict[str, Any] = {
        **_ISSUER,
        "type_code": "20",
        "subject": "Họp giao ban công tác văn thư, lưu trữ quý I năm 2026",
        "body": [
            {
                "kind": "paragraph",
                "text": "Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 01 năm 2026.",
            },
            {"kind": "paragraph", "text": "Địa điểm: Hội trường Sở Nội vụ."},
            {"kind": "paragraph", "text": LONG_SENTENCE},
        ],
        "recipients": ["Giám đốc Sở"],
        "signer_position": "Chủ tọa",
        "signer_name": "Phạm Thị Ữ",
        "secretary_name": "Võ Văn Đông",
    }
    data.update(overrides)
    return DraftContent.model_validate(data)


def long_plan(*, paragraphs: int = 14, **overrides: Any) -> DraftContent:
    """Return a Kế hoạch (Mẫu 1.4) long enough for two or more pages, with a table."""
    body: list[dict[str, Any]] = [
        {"kind": "heading", "level": "part", "number": "1", "title": "Mục đích, yêu cầu"}
    ]
    for index in range(paragraphs):
        body.append({"kind": "clause", "number": str(index + 1), "text": LONG_SENTENCE})
        if index == paragraphs // 2:
            body.append({"kind": "heading", "level": "part", "number": "2", "title": "Nội dung"})
            body.append(
                {
                    "kind": "table",
                    "header": True,
                    "rows": [
                        ["TT", "Nội dung", "Thời gian"],
                        ["1", "Kiểm tra hồ sơ", "Quý I"],
                        ["2", "Chỉnh lý tài liệu", "Quý II"],
                    ],
                }
            )
    data: dict[str, Any] = {
        **_ISSUER,
        "type_code": "10",
        "unit_abbreviation": "VTLT",
        "subject": "Kiểm tra công tác văn thư, lưu trữ năm 2026",
        "body": body,
        "recipients": ["UBND tỉnh (để b/c)", "Các phòng thuộc Sở"],
        "authority": "",
        "signer_position": "Giám đốc",
        "signer_name": "Nguyễn Hữu Ữ",
        "appendices": [
            {
                "title": "Danh sách đơn vị được kiểm tra",
                "body": [{"kind": "paragraph", "text": "x"}],
            },
            {"title": "Mẫu báo cáo", "body": [{"kind": "paragraph", "text": LONG_SENTENCE}]},
        ],
    }
    data.update(overrides)
    return DraftContent.model_validate(data)
