"""Effective character formatting: direct run properties → character style → paragraph style →
document defaults, following ``basedOn`` chains, with theme fonts resolved to their names.

A run's look in Word is the first value found along that chain; the checker must judge what
the reader sees, not only what is written on the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn

_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_THEME_RELTYPE_END = "/theme"
_FALSE_VALUES = frozenset({"0", "false", "off", "none"})

Props = dict[str, Any]
"""Keys: ``font`` (str), ``size`` (float, pt), ``bold``, ``italic``, ``caps`` (bool)."""


def _toggle(element: Any) -> bool:
    value = element.get(qn("w:val"))
    return value is None or value.lower() not in _FALSE_VALUES


def _font_of(rfonts: Any, theme: dict[str, str]) -> str | None:
    # A theme attribute wins over the explicit name in the same element (as Word does).
    for attr in ("w:asciiTheme", "w:hAnsiTheme"):
        theme_ref = rfonts.get(qn(attr))
        if theme_ref:
            return theme.get("major" if theme_ref.startswith("major") else "minor")
    for attr in ("w:ascii", "w:hAnsi"):
        name = rfonts.get(qn(attr))
        if name:
            return str(name)
    return None


def rpr_props(rpr: Any, theme: dict[str, str]) -> Props:
    """Return the character properties set on one ``w:rPr`` element."""
    props: Props = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = child.tag
        if tag == qn("w:rFonts"):
            font = _font_of(child, theme)
            if font:
                props["font"] = font
        elif tag == qn("w:sz"):
            value = child.get(qn("w:val"))
            if value and value.isdigit():
                props["size"] = int(value) / 2
        elif tag == qn("w:b"):
            props["bold"] = _toggle(child)
        elif tag == qn("w:i"):
            props["italic"] = _toggle(child)
        elif tag == qn("w:caps"):
            props["caps"] = _toggle(child)
    return props


@dataclass(slots=True)
class _Style:
    based_on: str | None
    props: Props
    align: str | None


@dataclass(slots=True)
class StyleSheet:
    """The styles part of one document, with memoised effective properties."""

    styles: dict[str, _Style]
    defaults: Props
    default_paragraph: str | None
    theme: dict[str, str]
    _cache: dict[str, Props] = field(default_factory=dict)
    _align_cache: dict[str, str | None] = field(default_factory=dict)

    def style_props(self, style_id: str | None) -> Props:
        """Return the properties a style gives, its ``basedOn`` chain included."""
        if style_id is None or style_id not in self.styles:
            return {}
        if style_id not in self._cache:
            self._cache[style_id] = {}  # guards against a basedOn cycle
            style = self.styles[style_id]
            self._cache[style_id] = {**self.style_props(style.based_on), **style.props}
        return self._cache[style_id]

    def style_align(self, style_id: str | None) -> str | None:
        """Return the paragraph alignment a style gives, following ``basedOn``."""
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            if style.align:
                return style.align
            style_id = style.based_on
        return None

    def paragraph_style(self, style_id: str | None) -> str | None:
        """Return the style a paragraph uses (the default paragraph style when unset)."""
        return style_id if style_id in self.styles else self.default_paragraph


def _theme_fonts(document: Any) -> dict[str, str]:
    fonts = {"major": "", "minor": ""}
    for rel in document.part.rels.values():
        if rel.reltype.endswith(_THEME_RELTYPE_END) and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for kind in ("major", "minor"):
                found = root.find(f".//{{{_A_NS}}}{kind}Font/{{{_A_NS}}}latin")
                if found is not None:
                    fonts[kind] = found.get("typeface", "")
    return fonts


def load_stylesheet(document: Any) -> StyleSheet:
    """Read the styles part (and the theme fonts) of a python-docx ``Document``."""
    theme = _theme_fonts(document)
    root = document.styles.element
    defaults = rpr_props(
        root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"), theme
    )
    styles: dict[str, _Style] = {}
    default_paragraph: str | None = None
    for element in root.findall(qn("w:style")):
        style_id = element.get(qn("w:styleId"))
        if not style_id:
            continue
        based = element.find(qn("w:basedOn"))
        jc = element.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        styles[style_id] = _Style(
            based_on=based.get(qn("w:val")) if based is not None else None,
            props=rpr_props(element.find(qn("w:rPr")), theme),
            align=jc.get(qn("w:val")) if jc is not None else None,
        )
        is_default = element.get(qn("w:default")) in {"1", "true", "on"}
        if is_default and element.get(qn("w:type")) == "paragraph":
            default_paragraph = style_id
    return StyleSheet(styles, defaults, default_paragraph, theme)
