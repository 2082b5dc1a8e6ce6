"""Bad input: corrupt, encrypted, blank and unsupported files give a clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanthu.capture.errors import (
    CorruptFileError,
    NotADocumentError,
    PasswordProtectedError,
    UnsupportedFileTypeError,
)
from vanthu.capture.sources import is_signed_pdf, read_pages
from vanthu.capture.tests.conftest import CORRUPT_PDF, DATA, blank_png, encrypted_pdf


@pytest.mark.parametrize(
    ("content", "suffix", "error", "code"),
    [
        (CORRUPT_PDF, ".pdf", CorruptFileError, "capture_corrupt"),
        (encrypted_pdf(), ".pdf", PasswordProtectedError, "capture_password_protected"),
        (blank_png(), ".png", NotADocumentError, "capture_not_a_document"),
        (
            "Chỉ là văn bản thuần.".encode(),
            ".txt",
            UnsupportedFileTypeError,
            "capture_unsupported_type",
        ),
        (b"PK\x03\x04broken", ".docx", UnsupportedFileTypeError, "capture_unsupported_type"),
    ],
)
def test_bad_files_are_refused_with_a_vietnamese_message(
    tmp_path: Path, content: bytes, suffix: str, error: type[Exception], code: str
) -> None:
    path = tmp_path / f"tep{suffix}"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        read_pages(path)
    assert caught.value.code == code  # type: ignore[attr-defined]
    assert caught.value.message  # type: ignore[attr-defined]
    assert path.read_bytes() == content  # the original is untouched


def test_a_signature_is_detected_by_its_byte_range(tmp_path: Path) -> None:
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(
        (DATA / "cong-van.pdf").read_bytes() + b"\n<< /Type /Sig /ByteRange [0 10 20 30] >>\n"
    )
    assert is_signed_pdf(signed)
    assert not is_signed_pdf(DATA / "cong-van.pdf")


def test_a_scanned_pdf_without_text_is_ocrd(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.open(DATA / "ke-hoach-scan.png").convert("L").save(scan, resolution=200)
    _media, pages = read_pages(scan)
    assert pages[0].ocr
    assert "KẾ HOẠCH" in pages[0].text


def test_every_page_of_a_tiff_is_read(tmp_path: Path) -> None:
    from PIL import Image

    scan = Image.open(DATA / "ke-hoach-scan.png").convert("L")
    header = scan.crop((0, 0, scan.width, scan.height // 5))
    tiff = tmp_path / "scan.tiff"
    scan.save(tiff, save_all=True, append_images=[header], dpi=(200, 200), compression="tiff_lzw")
    media_type, pages = read_pages(tiff)
    assert media_type == "image/tiff"
    assert len(pages) == 2
    assert "Trần Hoàng Trí" in pages[0].text  # the signature, at two thirds of page 1
    assert "Trần Hoàng Trí" not in pages[1].text  # page 2 is the header strip only
    assert "CỘNG HÒA" in pages[1].text
