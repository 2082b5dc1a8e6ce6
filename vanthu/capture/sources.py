"""Read a file into layout pages: a PDF's text layer, OCR of a scan or an image, or a DOCX.

Everything runs in subprocesses with a timeout (poppler, Tesseract with ``OMP_THREAD_LIMIT=1``,
stack-notes "OCR"). Broken, encrypted and empty inputs raise a ``CaptureFileError`` subclass.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from vanthu.capture.docx_layout import pages_from_docx
from vanthu.capture.errors import (
    CorruptFileError,
    NotADocumentError,
    PasswordProtectedError,
    UnsupportedFileTypeError,
)
from vanthu.capture.layout import Page, pages_from_bbox_xhtml, pages_from_tesseract_tsv
from vanthu.capture.pdfscan import embedded_image, page_images
from vanthu.capture.tools import run_tool
from vanthu.documents.mediatypes import DOCX, JPEG, PDF, PNG, TIFF, media_type_detect

IMAGE_TYPES = frozenset({JPEG, PNG, TIFF})
CAPTURE_TYPES = frozenset({PDF, DOCX, *IMAGE_TYPES})
OCR_LANGUAGE = "vie"
RASTER_DPI = 300
# A page whose text layer has fewer letters than this is treated as a scan.
MIN_TEXT_CHARS = 40
# An image whose OCR finds fewer letters than this is not a document.
MIN_OCR_CHARS = 30
# The extractor reads at most this many pages of a text layer (the signature page is in them).
MAX_TEXT_PAGES = 30


def pdf_page_count(path: Path) -> int:
    """Return the number of pages; refuse broken and password-protected PDFs."""
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise PasswordProtectedError
        return len(reader.pages)
    except PasswordProtectedError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError from exc


def is_signed_pdf(path: Path) -> bool:
    """Tell whether the PDF carries a signature (a ``/ByteRange`` dictionary): never rewrite it."""
    with path.open("rb") as handle:
        return any(b"/ByteRange" in chunk for chunk in iter(lambda: handle.read(1 << 20), b""))


def pdf_text_pages(path: Path, *, first: int, last: int) -> list[Page]:
    """Return the text-layer pages ``first``…``last`` (1-based) of the PDF."""
    xhtml = run_tool(
        ["pdftotext", "-bbox-layout", "-f", str(first), "-l", str(last), str(path), "-"]
    )
    return pages_from_bbox_xhtml(xhtml)


def image_pages(path: Path, *, dpi: int | None = None) -> list[Page]:
    """OCR an image (every page of a TIFF) with Tesseract; word boxes from the TSV output.

    ``dpi`` tells Tesseract the resolution of a raster that does not state it (PGM).
    """
    resolution = ["--dpi", str(dpi)] if dpi else []
    tsv = run_tool(
        ["tesseract", str(path), "stdout", "-l", OCR_LANGUAGE, "--psm", "3", *resolution, "tsv"]
    )
    pages = pages_from_tesseract_tsv(tsv)
    if sum(ch.isalpha() for page in pages for ch in page.text) < MIN_OCR_CHARS:
        raise NotADocumentError
    return pages


def pdf_scanned_page(path: Path, number: int, *, some_text: bool = False) -> Page:
    """OCR page ``number`` of a scanned PDF: its embedded page image, or a fresh raster.

    A page that is one full-page image is read as it is embedded, at its own resolution
    (``vanthu.capture.pdfscan``); any other page — or one with ``some_text`` of its own beside
    the image — is rasterised at 300 dpi as PGM (compressing a noisy scan to PNG costs more
    than the OCR).
    """
    text_pages = frozenset({number}) if some_text else frozenset()
    direct = page_images(path, first=number, last=number, text_pages=text_pages).get(number)
    with tempfile.TemporaryDirectory(prefix="vanthu-capture-") as folder:
        image = embedded_image(path, direct, Path(folder))
        if image is not None and direct is not None:
            return image_pages(image, dpi=direct.dpi)[0]
        stem = Path(folder) / "page"
        run_tool(
            ["pdftoppm", "-r", str(RASTER_DPI), "-gray", "-singlefile",
             "-f", str(number), "-l", str(number), str(path), str(stem)]
        )  # fmt: skip
        return image_pages(stem.with_suffix(".pgm"), dpi=RASTER_DPI)[0]


def pdf_pages(path: Path) -> list[Page]:
    """Return the pages of a PDF from its text layer; OCR only the first and last scanned ones."""
    count = pdf_page_count(path)
    if count == 0:
        raise CorruptFileError
    layer = pdf_text_pages(path, first=1, last=min(count, MAX_TEXT_PAGES))
    if all(_has_text(page) for page in layer):
        return layer
    wanted = sorted({1, count})
    pages: list[Page] = []
    for number in wanted:
        layer = pdf_text_pages(path, first=number, last=number)
        page = layer[0] if layer else Page()
        if not _has_text(page):
            some_text = any(ch.isalpha() for ch in page.text)
            page = pdf_scanned_page(path, number, some_text=some_text)
        pages.append(page)
    return pages


def _has_text(page: Page) -> bool:
    return sum(ch.isalpha() for ch in page.text) >= MIN_TEXT_CHARS


def read_pages(path: Path) -> tuple[str, list[Page]]:
    """Return the media type of the file at ``path`` and the pages the extractor reads."""
    media_type = media_type_detect(path)
    if media_type == PDF:
        return media_type, pdf_pages(path)
    if media_type in IMAGE_TYPES:
        return media_type, image_pages(path)
    if media_type == DOCX:
        pages = pages_from_docx(path)
        if not pages:
            raise CorruptFileError
        return media_type, pages
    raise UnsupportedFileTypeError
