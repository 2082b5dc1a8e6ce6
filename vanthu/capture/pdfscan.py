"""The page images of a scanned PDF, read as they are embedded instead of rasterised again.

The usual scan is one full-page image per page. Such a page is handed to Tesseract as the
scanner made it (``pdfimages -j``: a JPEG stays a JPEG, anything else is written as PNM, which
costs nothing to write) with its real resolution, and turned upright when the page has a
``/Rotate``. Any other page — some vector text beside the image, several images, a mask, an
image that does not fill the page or is drawn turned, a CMYK or low-resolution image — is
rasterised with ``pdftoppm`` like any PDF page (``vanthu.capture.pageocr``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from vanthu.capture.errors import CaptureFileError
from vanthu.capture.tools import run_tool

# Below this resolution the 300 dpi raster reads better than the image itself.
MIN_DIRECT_DPI = 150
MAX_DIRECT_DPI = 1200
# How far the image's size at its resolution may differ from the page's (share of a side).
FIT_TOLERANCE = 0.03
_COLOURS = frozenset({"gray", "rgb", "icc", "index"})
_PAGE_SIZE = re.compile(r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", re.MULTILINE)
_PAGE_ROT = re.compile(r"^Page\s+(\d+)\s+rot:\s+(-?\d+)", re.MULTILINE)
_UPRIGHT = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page that is one full-page image: its number (1-based), rotation and resolution."""

    number: int
    rotate: int
    dpi: int


@dataclass(frozen=True, slots=True)
class _Listed:
    kind: str
    width: int
    height: int
    colour: str
    components: int
    x_ppi: float
    y_ppi: float


def _page_boxes(path: Path, first: int, last: int) -> dict[int, tuple[float, float, int]]:
    info = run_tool(["pdfinfo", "-f", str(first), "-l", str(last), str(path)])
    rotations = {int(n): int(r) % 360 for n, r in _PAGE_ROT.findall(info)}
    return {
        int(n): (float(w), float(h), rotations.get(int(n), 0))
        for n, w, h in _PAGE_SIZE.findall(info)
    }


def _listed_images(path: Path, first: int, last: int) -> dict[int, list[_Listed]]:
    listing = run_tool(["pdfimages", "-list", "-f", str(first), "-l", str(last), str(path)])
    images: dict[int, list[_Listed]] = {}
    for line in listing.splitlines()[2:]:
        cols = line.split()
        if len(cols) < 14 or not cols[0].isdigit():
            continue
        try:
            row = _Listed(
                kind=cols[2],
                width=int(cols[3]),
                height=int(cols[4]),
                colour=cols[5],
                components=int(cols[6]),
                x_ppi=float(cols[12]),
                y_ppi=float(cols[13]),
            )
        except ValueError:
            row = _Listed("unknown", 0, 0, "", 0, 0.0, 0.0)
        images.setdefault(int(cols[0]), []).append(row)
    return images


def _fits(image: _Listed, width_pt: float, height_pt: float) -> int | None:
    """Return the image's resolution if it fills the page upright, else ``None``."""
    if image.kind != "image" or image.colour not in _COLOURS or image.components > 3:
        return None
    if image.x_ppi <= 0 or abs(image.x_ppi - image.y_ppi) > image.x_ppi * 0.01:
        return None
    if not MIN_DIRECT_DPI <= image.x_ppi <= MAX_DIRECT_DPI:
        return None
    drawn_w = image.width / image.x_ppi * 72
    drawn_h = image.height / image.y_ppi * 72
    if abs(drawn_w - width_pt) > width_pt * FIT_TOLERANCE:
        return None
    if abs(drawn_h - height_pt) > height_pt * FIT_TOLERANCE:
        return None
    return round(image.x_ppi)


def page_images(
    path: Path, *, first: int, last: int, text_pages: frozenset[int] = frozenset()
) -> dict[int, PageImage]:
    """Return the pages of ``first``…``last`` (1-based) that are a single full-page image each.

    ``text_pages`` are pages with some text of their own (vector text beside the image): they
    are rasterised whole. When poppler cannot list the file every page is rasterised.
    """
    try:
        boxes = _page_boxes(path, first, last)
        listed = _listed_images(path, first, last)
    except CaptureFileError:
        return {}
    found: dict[int, PageImage] = {}
    for number, images in listed.items():
        if number in text_pages or len(images) != 1 or number not in boxes:
            continue
        width_pt, height_pt, rotate = boxes[number]
        dpi = _fits(images[0], width_pt, height_pt)
        if dpi is not None and rotate in {0, *_UPRIGHT}:
            found[number] = PageImage(number=number, rotate=rotate, dpi=dpi)
    return found


def embedded_image(path: Path, page: PageImage | None, folder: Path) -> Path | None:
    """Return the page's embedded image as Tesseract reads it, or None — no direct page, or
    poppler could not take it out — when the page is to be rasterised instead."""
    if page is None:
        return None
    try:
        return extract_page_image(path, page, folder)
    except CaptureFileError:
        return None


def extract_page_image(path: Path, page: PageImage, folder: Path) -> Path:
    """Write the page's image into ``folder`` as Tesseract reads it (upright); return its path."""
    prefix = folder / f"i{page.number:05d}"
    run_tool(["pdfimages", "-j", "-f", str(page.number), "-l", str(page.number), str(path),
              str(prefix)])  # fmt: skip
    written = sorted(folder.glob(f"{prefix.name}-[0-9][0-9][0-9].*"))
    if len(written) != 1:
        for extra in written:
            extra.unlink()
        raise CaptureFileError
    image = written[0]
    if page.rotate in _UPRIGHT:
        upright = prefix.with_suffix(".pnm")
        with Image.open(image) as source:
            source.transpose(_UPRIGHT[page.rotate]).save(upright, format="PPM")
        image.unlink()
        return upright
    return image
