"""Annex I positions, read from the PDF's text layout of rendered documents (domain.md §1.5)."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.drafting.layout import PT_PER_MM, Box, Page, embedded_fonts, read_layout, read_text
from vanthu.drafting.pdf import docx_to_pdf
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import decision, long_plan, minutes, official_letter

DAY = dt.date(2026, 1, 5)
TOLERANCE = 3.0
TEXT_LEFT = 30 * PT_PER_MM
TEXT_RIGHT = (210 - 15) * PT_PER_MM
TEXT_CENTRE = (TEXT_LEFT + TEXT_RIGHT) / 2


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    sources = {
        "decision": render_docx(decision(), number=5, issued_on=DAY),
        "letter": render_docx(official_letter(), number=12, issued_on=DAY),
        "minutes": render_docx(minutes(), number=3, issued_on=DAY),
        "plan": render_docx(long_plan(), number=26, issued_on=DAY),
    }
    return {name: docx_to_pdf(data) for name, data in sources.items()}


@pytest.fixture(scope="module")
def layouts(pdfs: dict[str, bytes]) -> dict[str, list[Page]]:
    return {name: read_layout(pdf) for name, pdf in pdfs.items()}


def _line(page: Page, pattern: str) -> Box:
    found = page.find(pattern)
    assert found is not None, f"{pattern!r} not on page {page.number}"
    return found


@pytest.mark.parametrize("name", ["decision", "letter", "minutes", "plan"])
def test_a4_pages_and_text_inside_the_margins(layouts: dict[str, list[Page]], name: str) -> None:
    for page in layouts[name]:
        assert (round(page.width), round(page.height)) == (595, 842)
        for line in page.lines:
            assert line.x_min >= TEXT_LEFT - 0.5, line.text
            assert line.x_max <= TEXT_RIGHT + 0.5, line.text
            assert line.y_min >= 5 * PT_PER_MM, line.text  # the page number sits in the margin
            assert line.y_max <= (297 - 20) * PT_PER_MM + 0.5, line.text


@pytest.mark.parametrize("name", ["decision", "letter", "plan"])
def test_header_boxes(layouts: dict[str, list[Page]], name: str) -> None:
    page = layouts[name][0]
    national = page.find(r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
    motto = page.find(r"^Độc lập - Tự do - Hạnh phúc$")
    issuer = page.find(r"^SỞ NỘI VỤ$")
    number = page.find(r"^Số: \d\d/")
    date = page.find(r"^Kiên Giang, ngày 05 tháng 01 năm 2026$")
    assert national and motto and issuer and number and date
    # quốc hiệu top right, issuing body top left, both at the top of the page
    assert national.x_min > TEXT_CENTRE - 60 and national.center_x > TEXT_CENTRE
    assert issuer.x_max < national.x_min and issuer.center_x < TEXT_CENTRE
    assert national.y_min < 25 * PT_PER_MM + 5 and issuer.y_min < 35 * PT_PER_MM
    # "Số:" centred under the issuing body; the date line centred under the motto
    assert number.y_min > issuer.y_max
    assert abs(number.center_x - issuer.center_x) <= TOLERANCE
    assert date.y_min > motto.y_max
    assert abs(date.center_x - motto.center_x) <= TOLERANCE
    assert abs(date.center_x - national.center_x) <= TOLERANCE
    # same line: baselines within 3 pt
    assert abs(number.baseline - date.baseline) <= TOLERANCE


@pytest.mark.parametrize(("name", "type_name"), [("decision", "QUYẾT ĐỊNH"), ("plan", "KẾ HOẠCH")])
def test_type_name_centred_across_the_page(
    layouts: dict[str, list[Page]], name: str, type_name: str
) -> None:
    page = layouts[name][0]
    title = page.find(f"^{type_name}$")
    number = page.find(r"^Số: ")
    assert title and number
    assert abs(title.center_x - TEXT_CENTRE) <= TOLERANCE
    assert title.y_min > number.y_max


def test_official_letter_subject_under_the_number(layouts: dict[str, list[Page]]) -> None:
    page = layouts["letter"][0]
    number, subject = page.find(r"^Số: 12/SNV-VP$"), page.find(r"^V/v hướng dẫn")
    addressed = page.find(r"^Kính gửi:")
    assert number and subject and addressed
    assert 0 <= subject.y_min - number.y_max <= 14
    assert abs(subject.center_x - number.center_x) <= 12  # the subject wraps, centred
    assert addressed.y_min > subject.y_max


@pytest.mark.parametrize("name", ["decision", "letter", "plan"])
def test_signature_block(layouts: dict[str, list[Page]], name: str) -> None:
    pages = layouts[name]
    page = next(p for p in pages if p.find(r"^Nơi nhận:$"))
    recipients = _line(page, r"^Nơi nhận:$")
    authority = page.find(r"^(KT\. GIÁM ĐỐC|GIÁM ĐỐC)$")
    signer = page.find(r"^(Trần Thị Hữu Ở|Lê Văn Đức|Nguyễn Hữu Ữ)$")
    assert authority and signer
    assert recipients.x_min - TEXT_LEFT <= 2.5 * PT_PER_MM  # flush left
    assert abs(recipients.baseline - authority.baseline) <= TOLERANCE
    assert signer.center_x > TEXT_CENTRE and authority.center_x > TEXT_CENTRE
    assert abs(signer.center_x - authority.center_x) <= TOLERANCE
    assert signer.y_min - authority.y_max >= 40  # room for the signature and the seal
    archive = page.find(r"^- Lưu: VT")
    assert archive and archive.y_min > recipients.y_max


def test_minutes_layout(layouts: dict[str, list[Page]]) -> None:
    page = layouts["minutes"][-1]
    first = layouts["minutes"][0]
    assert first.find(r"^Kiên Giang, ngày") is None  # no date line under the header
    assert first.find(r"^Số: 03/BB-SNV$") and first.find(r"^BIÊN BẢN$")
    secretary, chair = page.find(r"^THƯ KÝ$"), page.find(r"^CHỦ TỌA$")
    recipients = page.find(r"^Nơi nhận:$")
    assert secretary and chair and recipients
    assert abs(secretary.baseline - chair.baseline) <= TOLERANCE
    assert secretary.center_x < TEXT_CENTRE < chair.center_x
    assert recipients.y_min > chair.y_max
    assert page.find(r"^- Lưu: VT, Hồ sơ\.$")


def test_page_numbers_top_centre_from_page_two(layouts: dict[str, list[Page]]) -> None:
    pages = layouts["plan"]
    appendix = next(i for i, p in enumerate(pages) if p.lines[0].text == "Phụ lục I")
    assert appendix >= 2
    assert pages[0].page_number_line() is None
    for page in pages[1:appendix]:
        number = page.page_number_line()
        assert number is not None, f"no page number on page {page.number}"
        assert number.text == str(page.number)
        assert abs(number.center_x - TEXT_CENTRE) <= TOLERANCE
        assert number.y_max <= 20 * PT_PER_MM


def test_appendices_start_on_their_own_pages(layouts: dict[str, list[Page]]) -> None:
    pages = layouts["plan"]
    first_lines = [p.lines[0].text for p in pages]  # an appendix's first page has no number
    assert "Phụ lục I" in first_lines and "Phụ lục II" in first_lines


@pytest.mark.parametrize("name", ["decision", "plan"])
def test_fonts_are_embedded_liberation_serif(pdfs: dict[str, bytes], name: str) -> None:
    fonts = embedded_fonts(pdfs[name])
    assert fonts
    assert all(font.startswith("LiberationSerif") and embedded for font, embedded in fonts)
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} <= {
        font for font, _embedded in fonts
    }


def test_vietnamese_text_extracts_correctly(pdfs: dict[str, bytes]) -> None:
    text = read_text(pdfs["decision"])
    for phrase in ("Trần Thị Hữu Ở", "Nguyễn Văn Ệ", "đ) Kiểm tra việc nộp lưu", "Độc lập"):
        assert phrase in text
