"""Page layout as the extractor sees it: text segments with boxes in page fractions (0–1).

Three sources give the same shape: a PDF text layer (``pdftotext -bbox-layout``), Tesseract's
TSV word boxes (scans) and a DOCX (paragraphs and table cells placed on a synthetic page).
A segment is a run of words on one visual line with no wide gap inside: the left and right
columns of a Decree 30 header or signature block are separate segments.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from vanthu.core.text import clean_text, fold

_XHTML = "{http://www.w3.org/1999/xhtml}"
# A horizontal gap wider than this (page fraction) separates two segments on one line.
SEGMENT_GAP = 0.035
MIN_OCR_ALNUM = 2


@dataclass(frozen=True, slots=True)
class Word:
    """One word and its box (page fractions); ``confidence`` 0–1 (1 for a text layer)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0


@dataclass(slots=True)
class Segment:
    """Words on one line without a wide gap; ``folded`` is the search form of ``text``."""

    words: list[Word]
    text: str = ""
    folded: str = ""
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    confidence: float = 1.0

    def __post_init__(self) -> None:
        self.text = clean_text(" ".join(word.text for word in self.words))
        self.folded = fold(self.text)
        self.x0 = min(word.x0 for word in self.words)
        self.x1 = max(word.x1 for word in self.words)
        self.y0 = min(word.y0 for word in self.words)
        self.y1 = max(word.y1 for word in self.words)
        self.confidence = min(word.confidence for word in self.words)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def is_left(self) -> bool:
        """In the left column (header organ block, "Nơi nhận" list)."""
        return self.center < 0.45 and self.x1 < 0.6

    @property
    def is_right(self) -> bool:
        """In the right column (national motto, date line, signature block)."""
        return self.center > 0.52 and self.x0 > 0.38


@dataclass(slots=True)
class Page:
    """The segments of one page, top to bottom then left to right."""

    segments: list[Segment] = field(default_factory=list)
    ocr: bool = False

    def __post_init__(self) -> None:
        self.segments.sort(key=lambda s: (round(s.y0, 3), s.x0))

    @property
    def line_height(self) -> float:
        """The median segment height (a line of body text)."""
        heights = sorted(segment.height for segment in self.segments) or [0.02]
        return heights[len(heights) // 2]

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)


def segments_from_lines(lines: Iterable[Sequence[Word]]) -> list[Segment]:
    """Split each line of words at wide gaps into segments."""
    segments: list[Segment] = []
    for line in lines:
        words = sorted((w for w in line if w.text.strip()), key=lambda w: w.x0)
        run: list[Word] = []
        for word in words:
            if run and word.x0 - run[-1].x1 > SEGMENT_GAP:
                segments.append(Segment(run))
                run = []
            run.append(word)
        if run:
            segments.append(Segment(run))
    return segments


def pages_from_bbox_xhtml(document: str) -> list[Page]:
    """Read the output of ``pdftotext -bbox-layout`` into pages."""
    root = ET.fromstring(document)  # noqa: S314 — produced by poppler from the file
    pages: list[Page] = []
    for page in root.iter(f"{_XHTML}page"):
        width = float(page.get("width", "1")) or 1.0
        height = float(page.get("height", "1")) or 1.0
        lines = [
            [_bbox_word(word, width, height) for word in line.iter(f"{_XHTML}word")]
            for line in page.iter(f"{_XHTML}line")
        ]
        pages.append(Page(segments_from_lines(lines)))
    return pages


def _bbox_word(word: ET.Element, width: float, height: float) -> Word:
    return Word(
        word.text or "",
        float(word.get("xMin", "0")) / width,
        float(word.get("yMin", "0")) / height,
        float(word.get("xMax", "0")) / width,
        float(word.get("yMax", "0")) / height,
    )


def pages_from_tesseract_tsv(tsv: str) -> list[Page]:
    """Read Tesseract's TSV output (an image, or every page of a multi-page TIFF) into pages."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    sizes: dict[str, tuple[float, float]] = {}
    lines: dict[str, dict[tuple[str, str, str], list[Word]]] = {}
    for row in rows:
        page = row.get("page_num") or "1"
        if row.get("level") == "1":
            sizes[page] = (float(row["width"]) or 1.0, float(row["height"]) or 1.0)
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        width, height = sizes.get(page, (1.0, 1.0))
        left, top = float(row["left"]), float(row["top"])
        word = Word(
            text,
            left / width,
            top / height,
            (left + float(row["width"])) / width,
            (top + float(row["height"])) / height,
            max(0.0, float(row.get("conf") or 0)) / 100,
        )
        key = (row["block_num"], row["par_num"], row["line_num"])
        lines.setdefault(page, {}).setdefault(key, []).append(word)
    return [_ocr_page(page_lines.values()) for page_lines in lines.values()]


def _ocr_page(lines: Iterable[Sequence[Word]]) -> Page:
    # Specks of scanner noise come out as one-character "words": drop them.
    segments = [
        segment
        for segment in segments_from_lines(lines)
        if sum(ch.isalnum() for ch in segment.text) >= MIN_OCR_ALNUM
    ]
    return Page(segments, ocr=True)
