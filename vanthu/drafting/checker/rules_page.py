"""Page setup (A4, orientation, margins) and the font family of every run."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vanthu.drafting.checker.findings import Finding
from vanthu.drafting.checker.messages import finding
from vanthu.drafting.checker.model import DocView, SectionView
from vanthu.drafting.checker.specs import (
    A4_TWIPS,
    FONT_FAMILY,
    MARGIN_TOLERANCE_MM,
    MARGINS_MM,
    PAGE_TOLERANCE_TWIPS,
    twips_to_mm,
)

SIDE_NAMES: dict[str, Any] = {
    "top": _("lề trên"),
    "bottom": _("lề dưới"),
    "left": _("lề trái"),
    "right": _("lề phải"),
}


def _near(value: int, wanted: int) -> bool:
    return abs(value - wanted) <= PAGE_TOLERANCE_TWIPS


def _page_size(section: SectionView, *, has_tables: bool) -> list[Finding]:
    short, long_ = sorted((section.width, section.height))
    if not (_near(short, A4_TWIPS[0]) and _near(long_, A4_TWIPS[1])):
        return [
            finding(
                "page",
                "paper_size",
                gettext("khổ giấy %(w).0f × %(h).0f mm, quy định khổ A4 (210 × 297 mm).")
                % {"w": twips_to_mm(section.width), "h": twips_to_mm(section.height)},
                gettext("Chọn khổ giấy A4 (210 × 297 mm)."),
                autofixable=True,
            )
        ]
    if section.width > section.height:
        return [
            finding(
                "page",
                "orientation",
                gettext("trang nằm ngang; chỉ được dùng khi nội dung có bảng biểu.")
                if has_tables
                else gettext("trang nằm ngang trong khi văn bản không có bảng biểu."),
                gettext("Trình bày theo chiều dài của khổ A4 (trang đứng)."),
                severity="warning" if has_tables else "error",
            )
        ]
    return []


def _margins(section: SectionView) -> list[Finding]:
    found: list[Finding] = []
    for side, (low, high) in MARGINS_MM.items():
        value = twips_to_mm(getattr(section, side))
        if low - MARGIN_TOLERANCE_MM <= value <= high + MARGIN_TOLERANCE_MM:
            continue
        name = str(SIDE_NAMES[side])
        found.append(
            finding(
                "margins",
                f"margin_{side}",
                gettext("%(side)s %(value).1f mm, quy định từ %(low)d đến %(high)d mm.")
                % {"side": name, "value": value, "low": low, "high": high},
                gettext("Đặt %(side)s trong khoảng %(low)d–%(high)d mm.")
                % {"side": name, "low": low, "high": high},
                autofixable=True,
            )
        )
    return found


def _fonts(view: DocView) -> list[Finding]:
    paragraphs = view.paragraphs + [p for s in view.sections for p in s.header_paragraphs]
    wrong = sorted(
        {r.font or "?" for p in paragraphs for r in p.text_runs if r.font != FONT_FAMILY}
    )
    if not wrong:
        return []
    return [
        finding(
            "font",
            "family",
            gettext("dùng phông %(fonts)s; quy định phông %(wanted)s (Unicode, TCVN 6909:2001).")
            % {"fonts": ", ".join(wrong), "wanted": FONT_FAMILY},
            gettext("Đặt phông chữ %(wanted)s cho toàn bộ văn bản.") % {"wanted": FONT_FAMILY},
            autofixable=True,
        )
    ]


def check_page(view: DocView) -> list[Finding]:
    """Return the page-setup and font findings (one per distinct breach)."""
    found: list[Finding] = []
    has_tables = len(view.tables) > 2
    for section in view.sections:
        for item in _page_size(section, has_tables=has_tables) + _margins(section):
            if item not in found:
                found.append(item)
    return found + _fonts(view)
