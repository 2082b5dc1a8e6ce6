"""Annex I, Part I §V: the typography of each component (domain.md §1.4), and page setup."""

from __future__ import annotations

from vanthu.drafting.checker.model import TWIPS_PER_MM
from vanthu.drafting.checker.typography import Spec

FONT_FAMILY = "Times New Roman"

A4_TWIPS = (11906, 16838)
PAGE_TOLERANCE_TWIPS = 20
MARGINS_MM: dict[str, tuple[float, float]] = {
    "top": (20, 25),
    "bottom": (20, 25),
    "left": (30, 35),
    "right": (15, 20),
}
MARGIN_TOLERANCE_MM = 0.15


def twips_to_mm(twips: int) -> float:
    """Return a length in twips as millimetres."""
    return twips / TWIPS_PER_MM


def mm_to_twips(mm: float) -> int:
    """Return a length in millimetres as whole twips."""
    return round(mm * TWIPS_PER_MM)


SPECS: dict[str, Spec] = {
    "national_name": Spec(12, 13, bold=True, italic=False, upper=True),
    "motto": Spec(13, 14, bold=True, italic=False),
    "superior": Spec(12, 13, bold=False, italic=False, upper=True),
    "issuer": Spec(12, 13, bold=True, italic=False, upper=True),
    "number": Spec(13, 13, italic=False),
    "date_line": Spec(13, 14, bold=False, italic=True),
    "type_name": Spec(13, 14, bold=True, italic=False, upper=True),
    "subject": Spec(13, 14, bold=True, italic=False, upper=False),
    "subject_vv": Spec(12, 13, bold=False, italic=False),
    "body": Spec(13, 14),
    "authority": Spec(13, 14, bold=True, italic=False, upper=True),
    "position": Spec(13, 14, bold=True, italic=False, upper=True),
    "signer_name": Spec(13, 14, bold=True, italic=False, upper=False),
    "recipients_label": Spec(12, 12, bold=True, italic=True),
    "recipients": Spec(11, 11, bold=False, italic=False),
    "page_number": Spec(13, 14, italic=False),
}
