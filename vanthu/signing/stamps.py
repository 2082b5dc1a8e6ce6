"""Visible signature appearances of Decree 30 (Annex I §II.7.d, §II.8) and where they go.

- the signer: the blue handwritten-signature PNG centred between the position line and the name;
- the agency: the red seal PNG at its real size, overlapping about a third of the signer's image
  on its left;
- attachments in separate files and electronic copies: no image, a text block at the top right of
  page 1 in Times New Roman (Liberation Serif 2) 10 pt black.

Boxes are PDF user space (points, origin bottom left). Stamp text uses a copy of the font scaled
to 1000 units per em (stack-notes: otherwise pyHanko spaces Liberation glyphs wrongly).
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from vanthu.signing.errors import PdfUnsignableError
from vanthu.signing.sign import Appearance, Box

PT_PER_MM = 72 / 25.4
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TEXT_SIZE = 10
SEAL_OVERLAP = 1 / 3
_CORNER_MARGIN_MM = (15.0, 8.0)
"""Right and top distance of the top-right text block from the page edge."""


@lru_cache(maxsize=4)
def stamp_font(name: str = "LiberationSerif-Regular.ttf") -> str:
    """Return the path of a copy of ``name`` rescaled to 1000 units per em (built once)."""
    target = Path(tempfile.gettempdir()) / "vanthu-fonts" / name.replace(".ttf", "-1000-v3.ttf")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(FONT_DIR / name))
        scale_upem(font, 1000)
        # FFTM: FontForge's timestamps (the subsetter warns and drops them). GSUB/GPOS: the
        # layout tables, whose decompiling is most of the time of a signature; NFC Vietnamese
        # text maps to precomposed glyphs through the cmap and needs neither.
        for table in ("FFTM", "GSUB", "GPOS"):
            if table in font:
                del font[table]
        partial = target.with_suffix(f".{id(font)}.tmp")
        font.save(str(partial))
        partial.replace(target)
    return str(target)


_ZERO = layout.Margins(left=0, right=0, top=0, bottom=0)
_TIGHT = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN, margins=_ZERO
)
"""Text box without pyHanko's default 10 pt inner margin."""


def _no_margins() -> layout.SimpleBoxLayoutRule:
    return layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MID,
        y_align=layout.AxisAlignment.ALIGN_MID,
        margins=_ZERO,
        inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
    )


def image_style(png: bytes) -> TextStampStyle:
    """Return a borderless appearance showing only ``png``, fitted in the box, fully opaque."""
    image = Image.open(io.BytesIO(png))
    image.load()
    return TextStampStyle(
        stamp_text="",
        border_width=0,
        background=PdfImage(image),
        background_opacity=1.0,
        background_layout=_no_margins(),
    )


def text_style(*, size: int = TEXT_SIZE) -> TextStampStyle:
    """Return a borderless black text appearance in Liberation Serif ``size`` pt."""
    font = GlyphAccumulatorFactory(font_file=stamp_font(), font_size=size)
    return TextStampStyle(
        stamp_text="%(text)s",
        border_width=0,
        background=None,
        text_box_style=TextBoxStyle(
            font=font, font_size=size, border_width=0, box_layout_rule=_TIGHT
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX,
            y_align=layout.AxisAlignment.ALIGN_MAX,
            margins=_ZERO,
            inner_content_scaling=layout.InnerScaling.NO_SCALING,
        ),
    )


@dataclass(frozen=True)
class SignatureBlock:
    """The signature block's lines: the position line's bottom and the name line's top (PDF y)."""

    center_x: float
    position_bottom: float
    name_top: float


def signer_box(block: SignatureBlock, *, width_mm: float, height_mm: float) -> Box:
    """Return the signer image's box, centred between the position line and the name."""
    gap = block.position_bottom - block.name_top
    height = min(height_mm * PT_PER_MM, max(gap, 1.0))
    width = width_mm * PT_PER_MM * height / (height_mm * PT_PER_MM)
    middle_y = (block.position_bottom + block.name_top) / 2
    return (
        block.center_x - width / 2,
        middle_y - height / 2,
        block.center_x + width / 2,
        middle_y + height / 2,
    )


def seal_box(signer: Box, *, diameter_mm: float, height_mm: float | None = None) -> Box:
    """Return the seal's box at its real size, covering a third of ``signer`` from its left."""
    width = diameter_mm * PT_PER_MM
    height = (height_mm or diameter_mm) * PT_PER_MM
    x1, y1, x2, y2 = signer
    right = x1 + (x2 - x1) * SEAL_OVERLAP
    middle_y = (y1 + y2) / 2
    return (right - width, middle_y - height / 2, right, middle_y + height / 2)


def top_right_box(
    *, page_width: float, page_height: float, width_mm: float = 75, lines: int = 1
) -> Box:
    """Return a box at the top right of a page for ``lines`` of 10 pt text."""
    right = page_width - _CORNER_MARGIN_MM[0] * PT_PER_MM
    top = page_height - _CORNER_MARGIN_MM[1] * PT_PER_MM
    height = lines * TEXT_SIZE * 1.3 + 2
    return (right - width_mm * PT_PER_MM, top - height, right, top)


def corner_text_appearance(*, field_name: str, text: str, pdf: bytes) -> Appearance:
    """Return an image-less signature showing ``text`` at the top right of page 1 (10 pt)."""
    try:
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    except (PdfReadError, IndexError, ValueError) as exc:
        raise PdfUnsignableError from exc
    return Appearance(
        field_name,
        page=0,
        box=top_right_box(page_width=float(box.width), page_height=float(box.height)),
        style=text_style(),
        text_params={"text": text},
    )


def vietnam_time(moment: dt.datetime) -> str:
    """Return ``dd/mm/yyyy; hh:mm:ss +07:00`` (ISO 8601 offset, Vietnam time)."""
    local = moment.astimezone(VIETNAM)
    offset = local.strftime("%z")
    return f"{local:%d/%m/%Y}; {local:%H:%M:%S} {offset[:3]}:{offset[3:]}"


def attachment_text(*, number_code: str, moment: dt.datetime) -> str:
    """Return the attachment stamp text ``Số 12/QĐ-UBND; 25/11/2026; 14:30:00 +07:00``."""
    return f"Số {number_code}; {vietnam_time(moment)}"


def copy_text(*, form: str, agency: str, moment: dt.datetime) -> str:
    """Return the electronic copy block ``SAO Y; <agency>; <time>`` (box 14)."""
    return f"{form.upper()}; {agency}; {vietnam_time(moment)}"
