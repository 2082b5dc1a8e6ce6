"""render_docx: page setup, fonts, header, number/date, title, body and signature (Annex I)."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from pydantic import ValidationError

from vanthu.drafting.content import DraftContent
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import decision, long_plan, minutes, official_letter

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

DAY = dt.date(2026, 1, 5)


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _all_paragraphs(document: Document) -> list[Paragraph]:
    """Return every paragraph in document order, table cells row by row, left to right."""
    found: list[Paragraph] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for cell in row.cells:
                    found.extend(cell.paragraphs)
        else:
            found.append(item)
    return found


def _paragraph(document: Document, startswith: str) -> Paragraph:
    matches = [p for p in _all_paragraphs(document) if p.text.startswith(startswith)]
    assert matches, f"no paragraph starts with {startswith!r}"
    return matches[0]


def _pt(run: Run) -> float:
    assert run.font.size is not None
    return float(run.font.size.pt)


def _texts(document: Document) -> list[str]:
    return [p.text for p in _all_paragraphs(document) if p.text]


class TestPageSetup:
    def test_a4_portrait_with_decree_margins(self) -> None:
        section = _open(render_docx(decision())).sections[0]
        measured = [
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        ]
        assert [round(length.mm, 1) if length else None for length in measured] == [
            210,
            297,
            20,
            20,
            30,
            15,
        ]

    def test_every_run_names_times_new_roman_on_all_four_slots(self) -> None:
        document = _open(render_docx(long_plan(), number=3, issued_on=DAY))
        runs = document.element.body.iter(qn("w:r"))
        header_runs = document.sections[0].header._element.iter(qn("w:r"))
        checked = 0
        for run in [*runs, *header_runs]:
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                assert fonts.get(qn(slot)) == "Times New Roman"
            checked += 1
        assert checked > 50

    def test_document_defaults_are_times_new_roman_without_theme_fonts(self) -> None:
        document = _open(render_docx(decision()))
        defaults = document.styles.element.find(qn("w:docDefaults"))
        fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        assert fonts.get(qn("w:asciiTheme")) is None
        assert document.styles["Normal"].font.name == "Times New Roman"

    def test_page_number_field_in_header_hidden_on_first_page(self) -> None:
        section = _open(render_docx(long_plan())).sections[0]
        assert section.different_first_page_header_footer
        header = section.header._element
        fields = header.findall(f".//{qn('w:fldSimple')}")
        assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
        assert section.header.paragraphs[0].alignment == 1  # centred
        assert section.first_page_header.paragraphs[0].text == ""
        assert not section.first_page_header._element.findall(f".//{qn('w:fldSimple')}")


class TestHeader:
    def test_header_is_a_borderless_two_column_table(self) -> None:
        table = _open(render_docx(decision(), number=5, issued_on=DAY)).tables[0]
        assert len(table.columns) == 2
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"nil"}
        left = table.cell(0, 0).text
        right = table.cell(0, 1).text
        assert left.splitlines()[:2] == ["UBND TỈNH KIÊN GIANG", "SỞ NỘI VỤ"]
        assert right.splitlines()[:2] == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]

    def test_component_typography(self) -> None:
        document = _open(render_docx(decision(), number=5, issued_on=DAY))
        superior = _paragraph(document, "UBND TỈNH").runs[0]
        issuer = _paragraph(document, "SỞ NỘI VỤ").runs[0]
        national = _paragraph(document, "CỘNG HÒA").runs[0]
        motto = _paragraph(document, "Độc lập").runs[0]
        assert not superior.bold and 12 <= _pt(superior) <= 13
        assert issuer.bold and 12 <= _pt(issuer) <= 13
        assert national.bold and 12 <= _pt(national) <= 13
        assert motto.bold and 13 <= _pt(motto) <= 14

    def test_issuer_and_motto_are_underlined_by_rules_of_the_right_length(self) -> None:
        document = _open(render_docx(decision()))
        cell_issuer, cell_national = document.tables[0].cell(0, 0), document.tables[0].cell(0, 1)
        for cell in (cell_issuer, cell_national):
            rule = cell.paragraphs[-1]
            assert rule.text == ""
            assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
        # the issuer's rule is shorter than the motto's, which spans the motto
        issuer_indent = cell_issuer.paragraphs[-1].paragraph_format.left_indent.mm
        motto_indent = cell_national.paragraphs[-1].paragraph_format.left_indent.mm
        issuer_rule = 66 - 3.8 - 2 * issuer_indent
        motto_rule = 99 - 3.8 - 2 * motto_indent
        issuer_text = 62.0  # "SỞ NỘI VỤ" is about 24 mm at 13 pt
        assert issuer_rule < issuer_text / 2
        assert 55 < motto_rule < 65

    @pytest.mark.parametrize(("number", "shown"), [(5, "Số: 05/QĐ-SNV"), (12, "Số: 12/QĐ-SNV")])
    def test_number_is_zero_padded_below_ten(self, number: int, shown: str) -> None:
        document = _open(render_docx(decision(), number=number, issued_on=DAY))
        row = document.tables[0].rows[1]
        assert row.cells[0].paragraphs[0].text == shown
        assert row.cells[0].paragraphs[0].runs[0].font.size == Pt(13)

    def test_date_line_italic_in_the_same_row_as_the_number(self) -> None:
        document = _open(render_docx(decision(), number=5, issued_on=DAY))
        date = document.tables[0].rows[1].cells[1].paragraphs[0]
        assert date.text == "Kiên Giang, ngày 05 tháng 01 năm 2026"
        assert date.runs[0].italic and 13 <= date.runs[0].font.size.pt <= 14

    def test_blanks_before_the_number_and_date_are_allocated(self) -> None:
        document = _open(render_docx(decision()))
        row = document.tables[0].rows[1]
        number = row.cells[0].paragraphs[0].text
        date = row.cells[1].paragraphs[0].text
        assert number.startswith("Số:") and number.endswith("/QĐ-SNV")
        assert not any(ch.isdigit() for ch in number)
        assert date.startswith("Kiên Giang, ngày") and date.endswith("năm 20…")
        assert "tháng" in date

    def test_official_letter_code_and_subject_under_the_number(self) -> None:
        document = _open(render_docx(official_letter(), number=7, issued_on=DAY))
        left = document.tables[0].rows[1].cells[0].paragraphs
        assert left[0].text == "Số: 07/SNV-VP"
        assert left[1].text == "V/v hướng dẫn nộp lưu hồ sơ, tài liệu năm 2026"
        assert not left[1].runs[0].bold and 12 <= left[1].runs[0].font.size.pt <= 13
        assert left[1].alignment == 1
        assert left[1].paragraph_format.space_before == Pt(6)
        assert "CÔNG VĂN" not in _texts(document)

    @pytest.mark.parametrize(
        ("urgency", "confidentiality", "circulation", "marks"),
        [
            ("urgent", "none", "", ["KHẨN"]),
            ("flash", "confidential", "", ["MẬT", "HỎA TỐC"]),
            ("very_urgent", "none", "LƯU HÀNH NỘI BỘ", ["THƯỢNG KHẨN", "LƯU HÀNH NỘI BỘ"]),
            ("normal", "none", "", []),
        ],
    )
    def test_marks_are_boxed_under_the_number(
        self, urgency: str, confidentiality: str, circulation: str, marks: list[str]
    ) -> None:
        content = official_letter(
            urgency=urgency, confidentiality=confidentiality, circulation=circulation
        )
        cell = _open(render_docx(content)).tables[0].rows[1].cells[0]
        boxed = [p for p in cell.paragraphs if p._p.pPr.find(qn("w:pBdr")) is not None]
        assert [p.text for p in boxed] == marks
        assert all(p.runs[0].bold for p in boxed)


class TestTitleAndBody:
    def test_type_name_and_subject(self) -> None:
        document = _open(render_docx(decision()))
        title = _paragraph(document, "QUYẾT ĐỊNH")
        assert title.runs[0].bold and title.runs[0].font.size == Pt(14) and title.alignment == 1
        subject = _paragraph(document, "Về việc thành lập")
        assert subject.runs[0].bold and subject.alignment == 1

    def test_decision_enacting_line_legal_bases_and_enacting_word(self) -> None:
        texts = _texts(_open(render_docx(decision())))
        start = texts.index("GIÁM ĐỐC SỞ NỘI VỤ")
        assert texts[start + 1 : start + 4] == [
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
            "Theo đề nghị của Chi cục trưởng Chi cục Văn thư - Lưu trữ.",
            "QUYẾT ĐỊNH:",
        ]

    def test_legal_bases_are_italic_justified(self) -> None:
        basis = _paragraph(_open(render_docx(decision())), "Căn cứ")
        assert basis.runs[0].italic
        assert basis.alignment == 3  # justified

    def test_body_typography(self) -> None:
        document = _open(render_docx(decision()))
        article = _paragraph(document, "Điều 1.")
        assert article.text == "Điều 1. Thành lập Đoàn"
        assert article.runs[0].bold
        clause = _paragraph(document, "1. Ông")
        point = _paragraph(document, "đ) Kiểm tra")
        for paragraph in (clause, point, _paragraph(document, "Thành lập Đoàn kiểm tra")):
            fmt = paragraph.paragraph_format
            assert not paragraph.runs[0].bold
            assert paragraph.runs[0].font.size == Pt(14)
            assert paragraph.alignment == 3
            assert fmt.first_line_indent is not None
            assert round(fmt.first_line_indent.mm, 1) == 10
            assert fmt.space_after >= Pt(6)
            assert 1.0 <= fmt.line_spacing <= 1.5

    def test_parts_get_roman_numerals_and_upper_titles(self) -> None:
        texts = _texts(_open(render_docx(long_plan())))
        assert texts[texts.index("Phần I") + 1] == "MỤC ĐÍCH, YÊU CẦU"
        assert "Phần II" in texts

    def test_table_is_rendered_with_a_header_row(self) -> None:
        document = _open(render_docx(long_plan()))
        table = next(t for t in document.tables if t.cell(0, 0).text == "TT")
        assert [c.text for c in table.rows[1].cells] == ["1", "Kiểm tra hồ sơ", "Quý I"]
        assert table.rows[0].cells[1].paragraphs[0].runs[0].bold
        row_properties = table._tbl.tr_lst[0].trPr
        assert row_properties is not None
        assert row_properties.find(qn("w:tblHeader")) is not None

    def test_addressees_several_get_dashes_and_punctuation(self) -> None:
        paragraph = _paragraph(_open(render_docx(official_letter())), "Kính gửi:")
        assert paragraph.text == (
            "Kính gửi:\t- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các huyện, thành phố."
        )

    def test_single_addressee_on_the_same_line(self) -> None:
        content = official_letter(addressees=["Bộ Nội vụ;"])
        assert _paragraph(_open(render_docx(content)), "Kính gửi:").text == "Kính gửi: Bộ Nội vụ"

    def test_appendices_in_new_sections_with_roman_numbers(self) -> None:
        document = _open(render_docx(long_plan(), number=4, issued_on=DAY))
        texts = _texts(document)
        first = texts.index("Phụ lục I")
        assert texts[first + 1] == "DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA"
        assert texts[first + 2] == "(Kèm theo Kế hoạch số 04/KH-SNV ngày 05 tháng 01 năm 2026)"
        assert "Phụ lục II" in texts
        sections = document.sections
        assert len(sections) == 3  # the document, then one section per appendix
        for section in list(sections)[1:]:
            assert section.start_type == WD_SECTION.NEW_PAGE
            assert section.different_first_page_header_footer
            numbering = section._sectPr.find(qn("w:pgNumType"))
            assert numbering is not None and numbering.get(qn("w:start")) == "1"
        assert sections[0]._sectPr.find(qn("w:pgNumType")) is None

    def test_indirect_decision_attaches_the_issued_document(self) -> None:
        content = decision(
            attachment={
                "type_name": "Quy chế",
                "title": "Công tác văn thư của Sở Nội vụ",
                "body": [{"kind": "heading", "level": "chapter", "number": "1", "title": "Chung"}],
            }
        )
        texts = _texts(_open(render_docx(content, number=9, issued_on=DAY)))
        start = texts.index("QUY CHẾ")
        assert texts[start + 1 : start + 5] == [
            "Công tác văn thư của Sở Nội vụ",
            "(Ban hành kèm theo Quyết định số 09/QĐ-SNV ngày 05 tháng 01 năm 2026)",
            "Chương I",
            "CHUNG",
        ]
        assert texts.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 2


class TestSignature:
    def test_recipients_and_signer(self) -> None:
        document = _open(render_docx(decision()))
        table = document.tables[-1]
        left, right = table.cell(0, 0).paragraphs, table.cell(0, 1).paragraphs
        assert left[0].text == "Nơi nhận:"
        assert left[0].runs[0].bold and left[0].runs[0].italic
        assert left[0].runs[0].font.size == Pt(12)
        assert [p.text for p in left[1:]] == [
            "- Như Điều 2;",
            "- UBND tỉnh (để b/c);",
            "- Lưu: VT, VTLT 02.",
            "PL.(30)",
        ]
        assert all(p.runs[0].font.size == Pt(11) for p in left[1:])
        assert right[0].text == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
        assert right[0].runs[0].bold and right[0].runs[0].font.size == Pt(14)
        assert right[-1].text == "Trần Thị Hữu Ở" and right[-1].runs[0].bold
        assert right[-1].paragraph_format.space_before >= Pt(48)

    def test_official_letter_recipients_start_as_above(self) -> None:
        left = _open(render_docx(official_letter())).tables[-1].cell(0, 0).paragraphs
        assert [p.text for p in left[1:]] == [
            "- Như trên;",
            "- Lưu trữ lịch sử tỉnh;",
            "- Lưu: VT, VP.",
        ]

    def test_signer_without_authority(self) -> None:
        right = _open(render_docx(long_plan())).tables[-1].cell(0, 1).paragraphs
        # the last table is the plan's signature only when there is no table after it
        assert right[0].text == "GIÁM ĐỐC"

    def test_minutes_signed_by_secretary_and_chair_without_date_line(self) -> None:
        document = _open(render_docx(minutes(), number=3, issued_on=DAY))
        header = document.tables[0]
        assert header.rows[1].cells[0].paragraphs[0].text == "Số: 03/BB-SNV"
        assert header.rows[1].cells[1].text == ""
        signature = document.tables[-1]
        assert signature.cell(0, 0).paragraphs[0].text == "THƯ KÝ"
        assert signature.cell(0, 0).paragraphs[-1].text == "Võ Văn Đông"
        assert signature.cell(0, 1).paragraphs[0].text == "CHỦ TỌA"
        assert signature.cell(0, 1).paragraphs[-1].text == "Phạm Thị Ữ"
        texts = _texts(document)
        assert texts[-3:] == ["Nơi nhận:", "- Giám đốc Sở;", "- Lưu: VT, Hồ sơ."]


class TestTemplatesAndContent:
    @pytest.mark.parametrize(
        ("code", "type_name", "number"),
        [
            ("01", "NGHỊ QUYẾT", "Số: 02/NQ-SNV"),
            ("07", "THÔNG BÁO", "Số: 02/TB-SNV"),
            ("23", "CÔNG ĐIỆN", "Số: 02/CĐ-SNV"),
            ("26", "GIẤY MỜI", "Số: 02/GM-SNV"),
            ("27", "GIẤY GIỚI THIỆU", "Số: 02/GGT-SNV"),
            ("28", "GIẤY NGHỈ PHÉP", "Số: 02/GNP-SNV"),
            ("05", "QUY ĐỊNH", "Số: 02/QyĐ-SNV"),
        ],
    )
    def test_each_model_renders_its_type_name_and_code(
        self, code: str, type_name: str, number: str
    ) -> None:
        content = decision(type_code=code, addressees=["Giám đốc các Sở"])
        document = _open(render_docx(content, number=2, issued_on=DAY))
        texts = _texts(document)
        assert type_name in texts
        assert document.tables[0].rows[1].cells[0].paragraphs[0].text == number

    def test_resolution_enacting_word(self) -> None:
        content = decision(type_code="01", authority="TM.", authority_body="Hội đồng nhân dân")
        texts = _texts(_open(render_docx(content)))
        assert "SỞ NỘI VỤ" in texts and "QUYẾT NGHỊ:" in texts

    def test_telegram_lists_addressees_under_the_sender(self) -> None:
        content = decision(type_code="23", addressees=["Giám đốc các Sở", "Chủ tịch UBND huyện"])
        texts = _texts(_open(render_docx(content)))
        start = texts.index("SỞ NỘI VỤ điện:")
        assert texts[start + 1 : start + 3] == ["- Giám đốc các Sở;", "- Chủ tịch UBND huyện."]

    def test_content_rejects_unknown_fields_and_bad_values(self) -> None:
        with pytest.raises(ValidationError):
            DraftContent.model_validate({**decision().model_dump(), "colour": "red"})
        with pytest.raises(ValidationError):
            decision(authority="K/T.")
        with pytest.raises(ValidationError):
            decision(body=[{"kind": "heading", "level": "volume", "number": "1"}])

    def test_content_round_trips_through_json(self) -> None:
        content = long_plan()
        assert DraftContent.model_validate_json(content.model_dump_json()) == content
