"""Two-level signing authority (domain.md §1.8): TM. … / KT. …, TM. … / Q. …, TL. … / KT. …"""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pydantic import ValidationError

from vanthu.drafting.checker import check_docx
from vanthu.drafting.content import DraftContent
from vanthu.drafting.layout import read_layout
from vanthu.drafting.pdf import docx_to_pdf
from vanthu.drafting.render import render_docx
from vanthu.drafting.render_signature import authority_lines
from vanthu.drafting.tests.render_samples import decision, official_letter

DAY = dt.date(2026, 5, 14)
TOLERANCE = 3.0


def _vice_chair(**overrides: object) -> DraftContent:
    values: dict[str, object] = {
        "superior_name": "",
        "issuer_name": "Ủy ban nhân dân tỉnh Kiên Giang",
        "issuer_abbreviation": "UBND",
        "authority": "TM.",
        "authority_body": "Ủy ban nhân dân",
        "second_authority": "KT.",
        "second_authority_body": "Chủ tịch",
        "signer_position": "PHÓ CHỦ TỊCH",
        "signer_name": "Nguyễn Thanh Nhàn",
        **overrides,
    }
    return decision(**values)


def _signature_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cell = document.tables[-1].cell(0, 1)
    return [line for p in cell.paragraphs for line in p.text.split("\n") if line]


def test_old_content_without_the_new_fields_is_still_valid() -> None:
    stored = decision().model_dump(exclude={"second_authority", "second_authority_body"})
    content = DraftContent.model_validate(stored)
    assert content.second_authority == "" and content.second_authority_body == ""
    assert [line.upper() for line in authority_lines(content)] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_the_three_lines_render_in_order_upper_case() -> None:
    data = render_docx(_vice_chair(), number=1203, issued_on=DAY)
    assert _signature_text(data) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thanh Nhàn",
    ]


@pytest.mark.parametrize(
    ("first", "first_body", "second", "second_body", "position"),
    [
        ("TM.", "Ủy ban nhân dân", "KT.", "Chủ tịch", "PHÓ CHỦ TỊCH"),
        ("TM.", "Ủy ban nhân dân", "Q.", "Chủ tịch", ""),
        ("TL.", "Giám đốc", "KT.", "Chánh Văn phòng", "PHÓ CHÁNH VĂN PHÒNG"),
    ],
)
def test_allowed_pairs_render_and_the_checker_accepts_them(
    first: str, first_body: str, second: str, second_body: str, position: str
) -> None:
    content = _vice_chair(
        authority=first,
        authority_body=first_body,
        second_authority=second,
        second_authority_body=second_body,
        signer_position=position,
    )
    for number, day in ((1203, DAY), (None, None)):
        assert check_docx(render_docx(content, number=number, issued_on=day)) == []


@pytest.mark.parametrize(
    ("first", "second"), [("TUQ.", "KT."), ("KT.", "KT."), ("", "KT."), ("TL.", "TM.")]
)
def test_other_pairs_are_refused_in_vietnamese(first: str, second: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _vice_chair(authority=first, authority_body="Chủ tịch", second_authority=second)
    assert "Thẩm quyền ký hai cấp" in str(caught.value)


def test_an_empty_level_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _vice_chair(second_authority_body=" ")
    assert "cả hai dòng" in str(caught.value)


def test_the_checker_flags_a_passed_on_authorisation_in_a_rendered_block() -> None:
    content = _vice_chair()
    data = render_docx(content, number=1203, issued_on=DAY)
    document = docx.Document(io.BytesIO(data))
    for run in document.tables[-1].cell(0, 1).paragraphs[0].runs:
        for text in run._r.xpath("./w:t"):
            text.text = text.text.replace("TM.", "TUQ.")
    buffer = io.BytesIO()
    document.save(buffer)
    findings = check_docx(buffer.getvalue())
    assert [(f.component, f.rule) for f in findings] == [("authority", "combination")]
    assert "TUQ. … / KT. …" in findings[0].message


def test_pdf_lines_are_stacked_centred_and_level_with_noi_nhan() -> None:
    letter = official_letter(
        authority="TL.",
        authority_body="Giám đốc",
        second_authority="KT.",
        second_authority_body="Chánh Văn phòng",
        signer_position="PHÓ CHÁNH VĂN PHÒNG",
        signer_name="Đỗ Thị Hồng",
    )
    page = read_layout(docx_to_pdf(render_docx(letter, number=45, issued_on=DAY)))[-1]
    first = page.find(r"^TL\. GIÁM ĐỐC$")
    second = page.find(r"^KT\. CHÁNH VĂN PHÒNG$")
    position = page.find(r"^PHÓ CHÁNH VĂN PHÒNG$")
    name = page.find(r"^Đỗ Thị Hồng$")
    recipients = page.find(r"^Nơi nhận:$")
    assert first and second and position and name and recipients
    assert 12 <= second.baseline - first.baseline <= 24  # one line each, in this order
    assert 12 <= position.baseline - second.baseline <= 24
    for line in (second, position, name):
        assert abs(line.center_x - first.center_x) <= TOLERANCE
    assert abs(recipients.baseline - first.baseline) <= TOLERANCE
    assert name.y_min - position.y_max >= 40  # room for the signature and the seal
