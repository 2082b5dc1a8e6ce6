"""The text of a captured file, and the OCRmyPDF command for a searchable PDF/A-2b copy.

Born-digital PDFs give their text layer (``pdftotext``), DOCX files their paragraphs; scans and
images are OCR'd page by page by Tesseract (``vanthu.capture.pageocr``: ``-l vie``,
``OMP_THREAD_LIMIT=1``, pages in parallel). The searchable PDF/A-2b copy is made afterwards by
OCRmyPDF, off the critical path (``vanthu.capture.pdfa``); a signed PDF is never rewritten. The
original file is only ever read.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx

from vanthu.capture.errors import (
    CorruptFileError,
    NotADocumentError,
    OcrFailedError,
    PasswordProtectedError,
    UnsupportedFileTypeError,
)
from vanthu.capture.layout import Page
from vanthu.capture.pageocr import (
    DEFAULT_IMAGE_DPI,
    has_credible_dpi,
    ocr_image,
    ocr_jobs,
    ocr_pdf_pages,
)
from vanthu.capture.sources import (
    IMAGE_TYPES,
    MIN_OCR_CHARS,
    MIN_TEXT_CHARS,
    OCR_LANGUAGE,
    is_signed_pdf,
    pdf_page_count,
)
from vanthu.capture.tools import ocr_environment, run_tool
from vanthu.documents.mediatypes import DOCX, PDF

OCR_TIMEOUT_S = 900.0
COPY_NICENESS = 10
_EXIT_INPUT = 2
_EXIT_HAS_TEXT = 6
_EXIT_ENCRYPTED = 8


@dataclass(frozen=True, slots=True)
class TextResult:
    """The text of a file and, for OCR, the pages the extractor reads (Tesseract word boxes).

    ``wants_copy`` tells whether a searchable PDF/A-2b copy should be made afterwards: for a
    scan that is not a signed PDF (a signed PDF is never rewritten).
    """

    text: str
    source: str
    page_count: int
    is_signed: bool = False
    pages: list[Page] | None = None

    @property
    def wants_copy(self) -> bool:
        return self.source == "ocr" and not self.is_signed


def ocrmypdf_command(
    source: Path, output: Path, sidecar: Path, *, image: bool, force: bool = False
) -> list[str]:
    """Return the OCRmyPDF command line: PDF/A-2b output, text sidecar, pages in parallel.

    It runs niced: the copy is background work and must not slow the text of the next files.

    ``--skip-text`` is not used: OCRmyPDF refuses it with Debian 12's Ghostscript 10.0 (which
    corrupts existing text); a PDF that already has some text is OCR'd again with ``force``.
    """
    command = [
        "nice", "-n", str(COPY_NICENESS),
        sys.executable, "-m", "ocrmypdf", "--quiet", "-l", OCR_LANGUAGE,
        "--output-type", "pdfa-2", "--optimize", "0",
        "--jobs", str(ocr_jobs()), "--sidecar", str(sidecar),
    ]  # fmt: skip
    if force:
        command.append("--force-ocr")
    if image and not has_credible_dpi(source):
        command += ["--image-dpi", str(DEFAULT_IMAGE_DPI)]
    return [*command, str(source), str(output)]


def run_ocrmypdf(source: Path, folder: Path, *, image: bool) -> tuple[Path, str]:
    """OCR ``source`` into ``folder``; return the PDF/A path and the recognised text."""
    output, sidecar = folder / "ocr.pdf", folder / "ocr.txt"
    returncode = _ocrmypdf(ocrmypdf_command(source, output, sidecar, image=image))
    if returncode == _EXIT_HAS_TEXT:
        returncode = _ocrmypdf(ocrmypdf_command(source, output, sidecar, image=image, force=True))
    if returncode == _EXIT_ENCRYPTED:
        raise PasswordProtectedError
    if returncode == _EXIT_INPUT:
        raise NotADocumentError if image else CorruptFileError
    if returncode != 0 or not output.is_file():
        raise OcrFailedError
    text = sidecar.read_text(encoding="utf-8", errors="replace") if sidecar.is_file() else ""
    return output, text.replace("\f", "\n")


def _ocrmypdf(command: list[str]) -> int:
    try:
        done = subprocess.run(  # noqa: S603 — our interpreter and fixed arguments
            command, capture_output=True, timeout=OCR_TIMEOUT_S, check=False, env=ocr_environment()
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailedError from exc
    return done.returncode


def docx_text(path: Path) -> str:
    """Return the paragraphs and table cells of a DOCX, one per line."""
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise CorruptFileError from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(line for line in lines if line.strip())


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def file_text(path: Path, media_type: str) -> TextResult:
    """Return the text of the file: DOCX paragraphs, a PDF's text layer, or OCR page by page."""
    if media_type == DOCX:
        return TextResult(docx_text(path), "docx", 1)
    if media_type in IMAGE_TYPES:
        try:
            ocr = ocr_image(path)
        except CorruptFileError as exc:
            raise NotADocumentError from exc
        if _letters(ocr.text) < MIN_OCR_CHARS:
            raise NotADocumentError
        return TextResult(ocr.text, "ocr", len(ocr.pages), pages=ocr.pages)
    if media_type == PDF:
        return _pdf_text(path)
    raise UnsupportedFileTypeError


def _pdf_text(path: Path) -> TextResult:
    count = pdf_page_count(path)
    if count == 0:
        raise CorruptFileError
    signed = is_signed_pdf(path)
    layer = run_tool(["pdftotext", "-layout", str(path), "-"])
    pages = layer.split("\f")[:count]
    if all(_letters(page) >= MIN_TEXT_CHARS for page in pages):
        return TextResult(layer.replace("\f", "\n"), "text_layer", count, is_signed=signed)
    with_text = frozenset(n for n, page in enumerate(pages, start=1) if _letters(page))
    ocr = ocr_pdf_pages(path, count, text_pages=with_text)
    if _letters(ocr.text) < MIN_OCR_CHARS and _letters(layer) < MIN_OCR_CHARS:
        raise NotADocumentError
    if _letters(ocr.text) >= _letters(layer):
        return TextResult(ocr.text, "ocr", count, is_signed=signed, pages=ocr.pages)
    return TextResult(layer.replace("\f", "\n"), "ocr", count, is_signed=signed)
