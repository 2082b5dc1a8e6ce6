"""The fast text path: each page rasterised once and read by its own Tesseract, in page order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from vanthu.capture.errors import NotADocumentError
from vanthu.capture.ocr import file_text
from vanthu.capture.pageocr import ocr_image, ocr_jobs, ocr_pdf_pages
from vanthu.capture.tests.conftest import DATA, blank_png
from vanthu.capture.tools import ocr_environment
from vanthu.documents.mediatypes import PDF, PNG


def _blank_then_scan(tmp_path: Path) -> Path:
    scan = Image.open(DATA / "ke-hoach-scan.png").convert("L")
    blank = Image.new("L", scan.size, 255)
    path = tmp_path / "two-pages.pdf"
    blank.save(path, resolution=200, save_all=True, append_images=[scan])
    return path


def test_every_page_of_a_scanned_pdf_is_read_in_order(tmp_path: Path) -> None:
    path = _blank_then_scan(tmp_path)
    result = ocr_pdf_pages(path, 2)
    assert len(result.texts) == 2 and len(result.pages) == 2
    assert "KẾ HOẠCH" not in result.texts[0] and not result.pages[0].segments
    assert "KẾ HOẠCH" in result.texts[1] and result.pages[1].ocr
    assert "KẾ HOẠCH" in result.pages[1].text
    assert list(tmp_path.iterdir()) == [path]  # rasters and outputs live in a temporary folder


def test_a_scanned_pdf_gives_ocr_text_pages_and_asks_for_a_copy(tmp_path: Path) -> None:
    result = file_text(_blank_then_scan(tmp_path), PDF)
    assert result.source == "ocr" and result.page_count == 2
    assert result.pages is not None and len(result.pages) == 2
    assert "KẾ HOẠCH" in result.text and result.wants_copy and not result.is_signed


def test_an_image_is_read_as_it_is_and_a_blank_or_broken_one_is_not_a_document(
    tmp_path: Path,
) -> None:
    result = file_text(DATA / "ke-hoach-scan.png", PNG)
    assert result.source == "ocr" and result.page_count == 1 and result.wants_copy
    assert result.pages is not None and "KẾ HOẠCH" in result.pages[0].text
    assert ocr_image(DATA / "ke-hoach-scan.png").text == result.text
    blank = tmp_path / "blank.png"
    blank.write_bytes(blank_png())
    with pytest.raises(NotADocumentError):
        file_text(blank, PNG)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(NotADocumentError):
        file_text(broken, PNG)


def test_tesseract_runs_one_thread_per_page_with_a_page_per_core() -> None:
    assert ocr_environment()["OMP_THREAD_LIMIT"] == "1"
    assert ocr_jobs() >= 1
