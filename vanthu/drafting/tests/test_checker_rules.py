"""The checker on particular cases: bad files, style inheritance, context hints, dates, pages."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from vanthu.drafting.checker import CheckContext, InvalidDocxError, check_docx
from vanthu.drafting.checker.patterns import NATIONAL_NAME
from vanthu.drafting.tests.corpus.builder import build_docx
from vanthu.drafting.tests.corpus.documents import cong_van, ke_hoach, quyet_dinh


def _rules(data: bytes, context: CheckContext | None = None) -> set[tuple[str, str]]:
    return {(f.component, f.rule) for f in check_docx(data, context=context)}


def _xlsx() -> bytes:
    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-1.7 not a word file",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # encrypted DOCX / old .doc
        _zip_without_document(),
        _xlsx(),
        build_docx(quyet_dinh())[:3000],  # truncated
    ],
    ids=["empty", "pdf", "encrypted", "zip", "xlsx", "truncated"],
)
def test_a_file_that_is_not_a_readable_docx_is_refused_in_vietnamese(data: bytes) -> None:
    with pytest.raises(InvalidDocxError) as caught:
        check_docx(data)
    assert caught.value.code == "invalid_docx"
    assert caught.value.status == 400
    assert "DOCX" in caught.value.message or "mật khẩu" in caught.value.message


def test_a_blank_word_document_is_reported_with_its_theme_font() -> None:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Một đoạn văn bản bất kỳ.")
    document.save(out)
    findings = check_docx(out.getvalue())
    font = next(f for f in findings if f.component == "font")
    assert "Cambria" in font.message  # docDefaults name the theme's minor font (Cambria here)
    assert {"national_name", "motto", "number", "issuer", "margins"} <= {
        f.component for f in findings
    }
    assert all(f.message and f.fix for f in findings)


def _with_styled_national_name(*, bold: bool) -> bytes:
    data = build_docx(quyet_dinh())
    document = docx.Document(io.BytesIO(data))
    style = document.styles.add_style("QuocHieu", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(13)
    style.font.bold = bold
    header = document.tables[0]
    paragraph = next(p for p in header.rows[0].cells[1].paragraphs if p.text == NATIONAL_NAME)
    paragraph.style = style
    for run in paragraph.runs:
        run._element.remove(run._element.rPr)  # the look now comes from the style alone
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_formatting_is_resolved_through_paragraph_styles() -> None:
    assert check_docx(_with_styled_national_name(bold=True)) == []
    assert _rules(_with_styled_national_name(bold=False)) == {("national_name", "bold")}


def test_context_hints_check_issuer_place_and_type() -> None:
    data = build_docx(cong_van())
    assert (
        check_docx(
            data,
            context=CheckContext(
                type_code="22", issuer_abbreviation="SNV", place_name="Kiên Giang"
            ),
        )
        == []
    )
    assert _rules(data, CheckContext(issuer_abbreviation="UBND")) == {("number", "notation_issuer")}
    assert _rules(data, CheckContext(place_name="Hà Tiên")) == {("date_line", "place")}
    assert _rules(build_docx(quyet_dinh()), CheckContext(type_code="10")) == {
        ("type_name", "mismatch")
    }


def test_a_date_that_does_not_exist_is_an_error() -> None:
    spec = quyet_dinh()
    spec.date = "Mong Thọ B, ngày 30 tháng 02 năm 2026"
    assert _rules(build_docx(spec)) == {("date_line", "invalid_date")}


def test_landscape_is_only_a_warning_when_the_body_has_tables() -> None:
    spec = ke_hoach()
    spec.page = (297, 210)
    spec.table = spec.table[:3]
    findings = check_docx(build_docx(spec))
    assert [(f.component, f.rule, f.severity) for f in findings] == [
        ("page", "orientation", "warning")
    ]
    spec = quyet_dinh()
    spec.page = (297, 210)
    assert [f.severity for f in check_docx(build_docx(spec)) if f.rule == "orientation"] == [
        "error"
    ]


def test_a_one_page_document_needs_no_page_number() -> None:
    spec = quyet_dinh()
    spec.page_numbers = "none"
    assert check_docx(build_docx(spec)) == []


def test_messages_name_the_component_in_vietnamese() -> None:
    spec = quyet_dinh()
    spec.number = "SỐ: 5/QĐ-UBND"
    findings = check_docx(build_docx(spec))
    assert {f.rule for f in findings} == {"spelling", "padding"}
    assert all(f.message.startswith("Số, ký hiệu:") for f in findings)
    assert all(f.autofixable and f.severity == "error" for f in findings)
