"""Read where text sits on the pages of a PDF (poppler's ``pdftotext -bbox-layout``).

Used to check a rendered document against the Annex I layout (domain.md §1.5) from the PDF
itself, not from the DOCX: every line of text with its box in points (origin top left), and a
few finders for the components ("Số:", the date line, "Nơi nhận:", …).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import DomainError

PT_PER_MM = 72 / 25.4
LINE_HEIGHT_EM = 1.3
"""Poppler's box height for Liberation Serif, in ems of the font size (measured)."""
ASCENT_SHARE = 0.731
"""Where the baseline sits inside poppler's box for Liberation Serif (measured with pypdf)."""
_XHTML = "{http://www.w3.org/1999/xhtml}"
_TIMEOUT_S = 30
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\. ")
_DATE = re.compile(r", ngày .* tháng .* năm ")


class LayoutReadError(DomainError):
    code = "pdf_layout_unreadable"
    status = 422
    default_message = _("Không đọc được bố cục của tệp PDF.")


@dataclass(frozen=True, slots=True)
class Box:
    """A line (or word) of text and its box, in points from the top left of the page."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def center_x(self) -> float:
        return (self.x_min + self.x_max) / 2

    @property
    def font_size(self) -> float:
        """Return the font size the box height implies (pt)."""
        return (self.y_max - self.y_min) / LINE_HEIGHT_EM

    @property
    def baseline(self) -> float:
        return self.y_min + ASCENT_SHARE * (self.y_max - self.y_min)


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its size (pt) and its lines of text in reading order."""

    number: int
    width: float
    height: float
    lines: tuple[Box, ...]

    def find(self, pattern: str | re.Pattern[str]) -> Box | None:
        """Return the first line whose text matches ``pattern`` (``re.search``), or None."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        return next((line for line in self.lines if regex.search(line.text)), None)

    def find_all(self, pattern: str | re.Pattern[str]) -> list[Box]:
        """Return every line whose text matches ``pattern``."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        return [line for line in self.lines if regex.search(line.text)]

    def page_number_line(self, *, top_margin_mm: float = 20.0) -> Box | None:
        """Return a line holding only digits inside the top margin (the page number), if any."""
        limit = top_margin_mm * PT_PER_MM
        return next(
            (line for line in self.lines if line.text.isdigit() and line.y_max <= limit), None
        )


def _box(element: ElementTree.Element, text: str) -> Box:
    return Box(
        text=text,
        x_min=float(element.attrib["xMin"]),
        y_min=float(element.attrib["yMin"]),
        x_max=float(element.attrib["xMax"]),
        y_max=float(element.attrib["yMax"]),
    )


def _parse(xhtml: str) -> list[Page]:
    root = ElementTree.fromstring(xhtml)  # noqa: S314 — poppler's output for our own file
    pages = []
    for index, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = [word.text or "" for word in line.iter(f"{_XHTML}word")]
            lines.append(_box(line, " ".join(words)))
        pages.append(
            Page(
                number=index,
                width=float(page.attrib["width"]),
                height=float(page.attrib["height"]),
                lines=tuple(lines),
            )
        )
    return pages


def _poppler(program: str, pdf: bytes, *arguments: str) -> str:
    with tempfile.TemporaryDirectory(prefix="vanthu-layout-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        try:
            completed = subprocess.run(  # noqa: S603 — fixed program, our arguments
                [program, *arguments, str(source), "-"],
                capture_output=True,
                check=True,
                timeout=_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise LayoutReadError from error
    return completed.stdout.decode("utf-8")


def read_layout(pdf: bytes) -> list[Page]:
    """Return every page of ``pdf`` with its lines of text and their boxes."""
    xhtml = _poppler("pdftotext", pdf, "-bbox-layout", "-enc", "UTF-8")
    try:
        return _parse(xhtml)
    except (ElementTree.ParseError, KeyError, ValueError) as error:
        raise LayoutReadError from error


def read_text(pdf: bytes) -> str:
    """Return the plain text of ``pdf`` (UTF-8, reading order)."""
    return _poppler("pdftotext", pdf, "-enc", "UTF-8")


def embedded_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """Return (font name without subset prefix, embedded?) for every font of ``pdf``."""
    with tempfile.TemporaryDirectory(prefix="vanthu-fonts-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        try:
            completed = subprocess.run(  # noqa: S603 — fixed program, our arguments
                ["pdffonts", str(source)],  # noqa: S607 — poppler-utils on PATH
                capture_output=True,
                check=True,
                timeout=_TIMEOUT_S,
                text=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise LayoutReadError from error
    fonts = []
    for row in completed.stdout.splitlines()[2:]:
        columns = row.split()
        if len(columns) >= 5:  # name, type (may hold spaces), encoding, emb, sub, uni, id
            name = columns[0].split("+", 1)[-1]
            embedded_column = -5
            fonts.append((name, columns[embedded_column] == "yes"))
    return fonts


@dataclass(frozen=True, slots=True)
class FirstPage:
    """The Annex I components found on a first page (None when absent)."""

    national_name: Box | None
    motto: Box | None
    number: Box | None
    date_line: Box | None
    recipients_title: Box | None
    authority: Box | None


def locate_first_page(page: Page) -> FirstPage:
    """Find the fixed-text components of a first page by their wording."""
    return FirstPage(
        national_name=page.find(r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        motto=page.find(r"^Độc lập - Tự do - Hạnh phúc"),
        number=page.find(r"^Số: "),
        date_line=page.find(_DATE),
        recipients_title=page.find(r"^Nơi nhận:"),
        authority=page.find(_AUTHORITY),
    )
