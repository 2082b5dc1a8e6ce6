"""Sample appearance images for development, tests and demo data (not real signatures or seals).

A blue handwritten-like signature and a red round seal, PNG with a transparent background.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

_DPI = 300
_PX_PER_MM = _DPI / 25.4
BLUE = (20, 40, 200, 255)
RED = (220, 20, 30, 255)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(_DPI, _DPI))
    return out.getvalue()


def signature_png(*, width_mm: float = 40, height_mm: float = 18) -> bytes:
    """Return a blue scribble on a transparent background."""
    width, height = round(width_mm * _PX_PER_MM), round(height_mm * _PX_PER_MM)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (
            width * (0.05 + 0.9 * step / 200),
            height * (0.5 + 0.3 * math.sin(step / 9) * math.cos(step / 31)),
        )
        for step in range(201)
    ]
    draw.line(points, fill=BLUE, width=max(3, width // 90), joint="curve")
    return _png(image)


def seal_png(*, diameter_mm: float = 36) -> bytes:
    """Return a red round seal (two rings and a star) on a transparent background."""
    size = round(diameter_mm * _PX_PER_MM)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ring = max(4, size // 60)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=RED, width=ring)
    inner = size // 4
    draw.ellipse((inner, inner, size - inner, size - inner), outline=RED, width=ring // 2)
    centre, radius = size / 2, size / 8
    star = [
        (
            centre + radius * (1 if k % 2 == 0 else 0.4) * math.sin(k * math.pi / 5),
            centre - radius * (1 if k % 2 == 0 else 0.4) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=RED)
    return _png(image)
