"""Find, on the rendered PDF, where the number, the date and the signature image go.

Read from the PDF itself (poppler's text boxes, ``vanthu.drafting.layout``): the "Số:" line and
the date line of page 1 (their blanks become form fields), and the signature block of the last
page (the image is centred between the position line and the signer's name). Boxes returned are
PDF user space (origin bottom left) as pyHanko wants them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanthu.drafting.layout import Box, Page, read_layout
from vanthu.signing.formfields import TextField
from vanthu.signing.stamps import SignatureBlock

NUMBER_FIELD = "vanthu_so_ky_hieu"
DATE_FIELD = "vanthu_ngay_thang"
_NUMBER = re.compile(r"^Số\s*:")
_DATE = re.compile(r", ngày")
_SAME_ROW_PT = 3.0
_NUMBER_ROOM_PT = 40.0
"""Extra width for the digits that replace the blank (and a longer notation)."""
_DATE_ROOM_PT = 30.0


@dataclass(frozen=True)
class SigningLayout:
    """Where things go: the two fields on page 1, the signature block on the last page."""

    page_count: int
    fields: tuple[TextField, ...]
    block: SignatureBlock | None


def _row(page: Page, first: Box, *, right_of: float) -> tuple[float, float, float, float]:
    """Return the union box of the lines on ``first``'s row starting at ``right_of``."""
    row = [
        line
        for line in page.lines
        if abs(line.y_min - first.y_min) <= _SAME_ROW_PT and line.x_min >= right_of - 1
    ]
    if first.center_x < page.width / 2:  # left column: stop at the middle of the page
        row = [line for line in row if line.x_max <= page.width / 2]
    return (
        min(line.x_min for line in row),
        min(line.y_min for line in row),
        max(line.x_max for line in row),
        max(line.y_max for line in row),
    )


def _field(page: Page, name: str, first: Box, room: float, *, italic: bool) -> TextField:
    x_min, y_min, x_max, y_max = _row(page, first, right_of=first.x_min)
    centre, half = (x_min + x_max) / 2, (x_max - x_min + room) / 2
    return TextField(
        name=name,
        page=0,
        box=(centre - half, page.height - y_max - 1, centre + half, page.height - y_min + 1),
        font_size=round(first.font_size),
        italic=italic,
    )


def _fields(page: Page) -> tuple[TextField, ...]:
    found: list[TextField] = []
    number = page.find(_NUMBER)
    if number is not None:
        found.append(_field(page, NUMBER_FIELD, number, _NUMBER_ROOM_PT, italic=False))
    date = page.find(_DATE)
    if date is not None:
        found.append(_field(page, DATE_FIELD, date, _DATE_ROOM_PT, italic=True))
    return tuple(found)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _block(page: Page, *, position: str, name: str) -> SignatureBlock | None:
    wanted_position, wanted_name = _fold(position), _fold(name)
    positions = [line for line in page.lines if _fold(line.text).endswith(wanted_position)]
    names = [line for line in page.lines if _fold(line.text) == wanted_name]
    if not positions or not names or not wanted_position or not wanted_name:
        return None
    name_line = names[-1]
    above = [line for line in positions if line.y_max <= name_line.y_min]
    if not above:
        return None
    position_line = above[-1]
    return SignatureBlock(
        center_x=(position_line.center_x + name_line.center_x) / 2,
        position_bottom=page.height - position_line.y_max,
        name_top=page.height - name_line.y_min,
    )


def signing_layout(pdf: bytes, *, position: str, name: str) -> SigningLayout:
    """Locate the number/date blanks and the signature block of a rendered document."""
    pages = read_layout(pdf)
    return SigningLayout(
        page_count=len(pages),
        fields=_fields(pages[0]) if pages else (),
        block=_block(pages[-1], position=position, name=name) if pages else None,
    )
