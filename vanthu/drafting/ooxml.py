"""Fast, schema-ordered WordprocessingML building blocks for the renderer.

python-docx's property setters search the children for every write, which made formatting the
slowest part of a render; here run and paragraph properties are built once per distinct look and
copied. Word rejects properties in the wrong order, so ``place`` inserts a child where the
schema (ECMA-376 §17.3.1.26, §17.4.60) puts it.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

FONT_NAME = "Times New Roman"

PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]
TRPR_ORDER = [
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
]


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """Return a new ``w:`` element with ``w:`` attributes."""
    return OxmlElement(f"w:{tag}", {qn(f"w:{key}"): value for key, value in attributes.items()})


def place(parent: BaseOxmlElement, child: BaseOxmlElement, order: list[str]) -> None:
    """Insert ``child`` into ``parent`` at its schema position, replacing a same-named one."""
    local = child.tag.rsplit("}", 1)[-1]
    rank = order.index(local)
    for existing in parent.findall(child.tag):
        parent.remove(existing)
    for index, sibling in enumerate(parent):
        sibling_local = sibling.tag.rsplit("}", 1)[-1]
        if sibling_local in order and order.index(sibling_local) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


@lru_cache(maxsize=64)
def _run_properties(half_points: int, bold: bool, italic: bool) -> BaseOxmlElement:  # noqa: FBT001
    rpr = element("rPr")
    rpr.append(
        element("rFonts", ascii=FONT_NAME, hAnsi=FONT_NAME, cs=FONT_NAME, eastAsia=FONT_NAME)
    )
    rpr.append(element("b") if bold else element("b", val="0"))
    rpr.append(element("i") if italic else element("i", val="0"))
    rpr.append(element("sz", val=str(half_points)))
    rpr.append(element("szCs", val=str(half_points)))
    return rpr


def run_properties(size: float, *, bold: bool, italic: bool) -> BaseOxmlElement:
    """Return a fresh ``w:rPr``: Times New Roman on the four slots, size, bold, italic."""
    return copy.deepcopy(_run_properties(round(size * 2), bold, italic))


def twips(points: float) -> str:
    return str(round(points * 20))


def mm_twips(millimetres: float) -> str:
    return str(round(millimetres * 1440 / 25.4))
