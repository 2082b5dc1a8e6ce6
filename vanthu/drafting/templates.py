"""The Annex III models (Mẫu 1.1–1.10, 2.x) as data: what each document type shows and where.

The renderer has one code path; a ``Template`` says which optional parts a type uses
(domain.md §1.13). Types without a model of their own use the generic typed document (Mẫu 1.4).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext_lazy as _

from vanthu.documents.reference import CONG_VAN_CODE, DOCUMENT_TYPES

SignatureLayout = Literal["single", "minutes"]


@dataclass(frozen=True, slots=True)
class Template:
    """What one Annex III model shows; every flag is a difference from the generic model."""

    model: str
    """The Annex III model number, for messages and tests ("1.5")."""
    type_name: str
    """The type name in upper case, or "" for a công văn (no type name)."""
    abbreviation: str
    date_line: bool = True
    subject_under_number: bool = False
    """Công văn: the "V/v …" subject sits under the number instead of under a type name."""
    addressee_block: Literal["none", "kinh_gui", "telegram"] = "none"
    enacting_line: bool = False
    """Nghị quyết / Quyết định: the enacting authority line above the legal bases."""
    enacting_word: str = ""
    """The word that opens the operative part ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")."""
    signature: SignatureLayout = "single"
    archive_line: str = ""
    """A fixed "Lưu:" line instead of "VT, <unit>" (Biên bản: "VT, Hồ sơ")."""


_NAMES = {row.code: row for row in DOCUMENT_TYPES}

_SPECIAL: dict[str, dict[str, object]] = {
    "01": {"model": "1.1", "enacting_line": True, "enacting_word": "QUYẾT NGHỊ:"},
    "02": {"model": "1.2", "enacting_line": True, "enacting_word": "QUYẾT ĐỊNH:"},
    CONG_VAN_CODE: {
        "model": "1.5",
        "subject_under_number": True,
        "addressee_block": "kinh_gui",
    },
    "23": {"model": "1.6", "addressee_block": "telegram"},
    "26": {"model": "1.7"},
    "27": {"model": "1.8"},
    "20": {
        "model": "1.9",
        "date_line": False,
        "signature": "minutes",
        "archive_line": "VT, Hồ sơ",
    },
    "28": {"model": "1.10"},
}

_UPWARD_ADDRESSED = {"14", "15"}
"""Báo cáo and Tờ trình sent upward have a "Kính gửi" block when addressees are given (§1.8)."""


def template_for(type_code: str) -> Template:
    """Return the model for ``type_code``; an unknown code gets the generic typed model."""
    row = _NAMES.get(type_code)
    name = row.name.upper() if row is not None else ""
    abbreviation = row.abbreviation if row is not None else ""
    if type_code == CONG_VAN_CODE:
        name = ""
    spec: dict[str, object] = {"model": "1.4"}
    spec.update(_SPECIAL.get(type_code, {}))
    if type_code in _UPWARD_ADDRESSED:
        spec["addressee_block"] = "kinh_gui"
    return Template(type_name=name, abbreviation=abbreviation, **spec)  # type: ignore[arg-type]


def type_label(type_code: str) -> str:
    """Return the type name in lower case as cited in text ("quyết định"), or "văn bản"."""
    row = _NAMES.get(type_code)
    if row is None or not row.abbreviation:
        return str(_("văn bản"))
    return row.name[0].lower() + row.name[1:]
