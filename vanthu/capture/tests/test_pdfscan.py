"""Scanned PDFs: a one-image page is read as embedded; any other page is rasterised."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML  # type: ignore[import-untyped]

from vanthu.capture.ocr import file_text
from vanthu.capture.pageocr import ocr_pdf_pages
from vanthu.capture.pdfscan import PageImage, embedded_image, extract_page_image, page_images
from vanthu.capture.sources import pdf_pages
from vanthu.capture.tests.conftest import DATA
from vanthu.documents.mediatypes import PDF


def _scan(mode: str = "L") -> Image.Image:
    return Image.open(DATA / "ke-hoach-scan.png").convert(mode)


def _scan_pdf(path: Path, *pages: Image.Image, dpi: int = 200) -> Path:
    pages[0].save(path, resolution=dpi, save_all=True, append_images=list(pages[1:]))
    return path


def _rewrite(source: Path, target: Path, *, rotate: int = 0, merge: Path | None = None) -> Path:
    """Copy the first page of ``source``, turned by ``rotate`` or with ``merge`` drawn over it."""
    writer = PdfWriter()
    page = writer.add_page(PdfReader(source).pages[0])
    if rotate:
        page.rotate(rotate)
    if merge is not None:
        page.merge_page(PdfReader(merge).pages[0])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_a_one_image_per_page_scan_is_read_as_embedded(tmp_path: Path) -> None:
    # A grey JPEG page and a bilevel CCITT page (which Tesseract cannot read as it is stored).
    path = _scan_pdf(tmp_path / "scan.pdf", _scan("L"), _scan("1"))
    found = page_images(path, first=1, last=2)
    assert found == {1: PageImage(1, 0, 200), 2: PageImage(2, 0, 200)}
    images = [extract_page_image(path, found[n], tmp_path) for n in (1, 2)]
    assert [p.suffix for p in images] == [".jpg", ".pbm"]
    assert all(Image.open(p).size == (1654, 2339) for p in images)
    result = ocr_pdf_pages(path, 2)
    assert all("KẾ HOẠCH" in text for text in result.texts)
    assert [page.ocr for page in result.pages] == [True, True]


def test_a_rotated_page_is_turned_upright_before_ocr(tmp_path: Path) -> None:
    # The scanner stored the page lying on its side and set /Rotate 90 to show it upright.
    lying = _scan_pdf(tmp_path / "lying.pdf", _scan().rotate(90, expand=True))
    path = _rewrite(lying, tmp_path / "rotated.pdf", rotate=90)
    found = page_images(path, first=1, last=1)
    assert found == {1: PageImage(1, 90, 200)}
    upright = extract_page_image(path, found[1], tmp_path)
    assert Image.open(upright).size == (1654, 2339)
    result = file_text(path, PDF)
    assert result.source == "ocr" and "KẾ HOẠCH" in result.text
    assert "KẾ HOẠCH" in pdf_pages(path)[0].text  # the extractor's reading path too


@pytest.mark.parametrize("rotate", [180, 270])
def test_every_quarter_turn_is_honoured(tmp_path: Path, rotate: int) -> None:
    turned = _scan().rotate(rotate, expand=True)
    stored = _scan_pdf(tmp_path / "stored.pdf", turned)
    path = _rewrite(stored, tmp_path / "rotated.pdf", rotate=rotate)
    page = page_images(path, first=1, last=1)[1]
    assert page.rotate == rotate
    assert Image.open(extract_page_image(path, page, tmp_path)).size == (1654, 2339)


def test_mixed_pages_fall_back_to_rasterising(tmp_path: Path) -> None:
    scan = _scan_pdf(tmp_path / "scan.pdf", _scan())
    # Two images on one page (a scan with a pasted stamp): not one full-page image.
    stamp = io.BytesIO()
    Image.new("L", (200, 200), 0).save(stamp, format="PDF", resolution=200)
    stamp_pdf = tmp_path / "stamp.pdf"
    stamp_pdf.write_bytes(stamp.getvalue())
    two = _rewrite(scan, tmp_path / "two-images.pdf", merge=stamp_pdf)
    assert page_images(two, first=1, last=1) == {}
    # Vector text beside the image, and an image smaller than its page.
    assert page_images(scan, first=1, last=1, text_pages=frozenset({1})) == {}
    small = _scan_pdf(tmp_path / "small.pdf", _scan(), dpi=300)
    writer = PdfWriter()
    page = writer.add_page(PdfReader(small).pages[0])
    page.mediabox.upper_right = (595, 842)
    with (tmp_path / "framed.pdf").open("wb") as handle:
        writer.write(handle)
    assert page_images(tmp_path / "framed.pdf", first=1, last=1) == {}
    # The fallback still reads the page (rasterised at 300 dpi).
    result = ocr_pdf_pages(two, 1)
    assert "KẾ HOẠCH" in result.texts[0]
    assert "KẾ HOẠCH" in pdf_pages(two)[0].text


def test_a_pdf_poppler_cannot_list_is_rasterised_page_by_page(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a pdf at all")
    assert page_images(broken, first=1, last=1) == {}


def test_a_scan_with_a_few_words_of_vector_text_is_rasterised_whole(tmp_path: Path) -> None:
    scan = _scan_pdf(tmp_path / "scan.pdf", _scan())
    stamp = tmp_path / "stamp.pdf"
    HTML(
        string="<style>@page{size:A4;margin:0}p{margin:272mm 0 0 20mm;font:28pt sans-serif}</style>"
        "<p>BẢN SAO Y</p>"
    ).write_pdf(stamp)
    mixed = _rewrite(scan, tmp_path / "mixed.pdf", merge=stamp)
    assert len(page_images(mixed, first=1, last=1)) == 1  # one image: only the text tells
    for text in (file_text(mixed, PDF).text, pdf_pages(mixed)[0].text):
        assert "BẢN SAO" in text  # the vector words are read too: the page was rasterised
        assert "KẾ HOẠCH" in text


def test_an_image_poppler_cannot_take_out_falls_back_to_rasterising(tmp_path: Path) -> None:
    """A page listed as direct whose image pdfimages cannot write alone gives None: the callers
    rasterise the page instead of failing the OCR."""
    text_only = tmp_path / "text.pdf"
    HTML(string="<p>Không có ảnh</p>").write_pdf(text_only)
    assert embedded_image(text_only, PageImage(number=1, rotate=0, dpi=200), tmp_path) is None
    assert embedded_image(text_only, None, tmp_path) is None
    assert not list(tmp_path.glob("i00001-*"))
