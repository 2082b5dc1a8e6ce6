"""The fast text path of a scan: each page read once, one Tesseract per page, in parallel.

A scanned PDF page that is one full-page image (the usual scan) goes to Tesseract as it is
embedded, with its own resolution (``vanthu.capture.pdfscan``: no rasterising at all); any other
page is rasterised with ``pdftoppm`` (300 dpi grey PGM, the format that costs nothing to write).
An image file goes to Tesseract as it is. Each page runs ``tesseract -l vie``
with ``OMP_THREAD_LIMIT=1`` and writes its text and its TSV word boxes in the same run; as many
pages run at once as the process may use cores (stack-notes "OCR"). No Python start-up, no
re-rendering, no PDF/A conversion on this path: the searchable copy is a later step
(``vanthu.capture.pdfa``).
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from vanthu.capture.layout import Page, pages_from_tesseract_tsv
from vanthu.capture.pdfscan import PageImage, embedded_image, page_images
from vanthu.capture.sources import OCR_LANGUAGE, RASTER_DPI
from vanthu.capture.tools import run_tool

OCR_PAGE_TIMEOUT_S = 300.0
DEFAULT_IMAGE_DPI = 200
MIN_CREDIBLE_DPI = 72
MAX_CREDIBLE_DPI = 1200


@dataclass(frozen=True, slots=True)
class OcrPages:
    """The recognised text of every page (in order) and the pages as the extractor reads them."""

    texts: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(text.strip("\f\n") for text in self.texts)


def ocr_jobs() -> int:
    """Return how many pages to OCR at once (one Tesseract process per usable core)."""
    return max(1, len(os.sched_getaffinity(0)))


def has_credible_dpi(path: Path) -> bool:
    """Tell whether an image states a plausible resolution (else 200 dpi is assumed)."""
    try:
        with Image.open(path) as image:
            dpi = image.info.get("dpi")
    except (OSError, ValueError):
        return False
    if not isinstance(dpi, tuple) or not dpi:
        return False
    return MIN_CREDIBLE_DPI <= float(dpi[0]) <= MAX_CREDIBLE_DPI


def tesseract_page(image: Path, *, dpi: int | None = None) -> tuple[str, list[Page]]:
    """OCR one raster (every frame of a TIFF): return its text and its layout pages."""
    resolution = ["--dpi", str(dpi)] if dpi else []
    base = image.with_name(f"{image.stem}-ocr")
    run_tool(
        ["tesseract", str(image), str(base), "-l", OCR_LANGUAGE, "--psm", "3",
         *resolution, "txt", "tsv"],
        timeout=OCR_PAGE_TIMEOUT_S,
    )  # fmt: skip
    text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
    tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    return text, pages_from_tesseract_tsv(tsv)


def _pdf_page(
    path: Path, folder: Path, number: int, direct: PageImage | None
) -> tuple[str, list[Page]]:
    image = embedded_image(path, direct, folder)
    if image is not None and direct is not None:
        try:
            text, pages = tesseract_page(image, dpi=direct.dpi)
        finally:
            image.unlink(missing_ok=True)
        return text, pages or [Page(ocr=True)]
    stem = folder / f"p{number:05d}"
    run_tool(
        ["pdftoppm", "-r", str(RASTER_DPI), "-gray", "-singlefile",
         "-f", str(number), "-l", str(number), str(path), str(stem)],
        timeout=OCR_PAGE_TIMEOUT_S,
    )  # fmt: skip
    raster = stem.with_suffix(".pgm")
    try:
        text, pages = tesseract_page(raster, dpi=RASTER_DPI)
    finally:
        raster.unlink(missing_ok=True)  # a 300 dpi A4 raster is 8.7 MB: free it at once
    return text, pages or [Page(ocr=True)]


def ocr_pdf_pages(path: Path, count: int, *, text_pages: frozenset[int] = frozenset()) -> OcrPages:
    """OCR pages 1…``count`` of a scanned PDF, ``ocr_jobs()`` pages at a time.

    ``text_pages`` hold some text of their own beside any image: they are rasterised whole.
    """
    direct = page_images(path, first=1, last=count, text_pages=text_pages)
    with tempfile.TemporaryDirectory(prefix="vanthu-pageocr-") as name:
        folder = Path(name)
        with ThreadPoolExecutor(max_workers=ocr_jobs()) as pool:
            done = list(
                pool.map(lambda n: _pdf_page(path, folder, n, direct.get(n)), range(1, count + 1))
            )
    return OcrPages([text for text, _ in done], [page for _, pages in done for page in pages[:1]])


def ocr_image(path: Path) -> OcrPages:
    """OCR an image file as it is (200 dpi assumed when it states no credible resolution)."""
    with tempfile.TemporaryDirectory(prefix="vanthu-pageocr-") as name:
        suffix = path.suffix or ".img"
        link = Path(name) / f"image{suffix}"
        link.symlink_to(path.resolve())
        dpi = None if has_credible_dpi(path) else DEFAULT_IMAGE_DPI
        text, pages = tesseract_page(link, dpi=dpi)
    return OcrPages([text], pages or [Page(ocr=True)])
