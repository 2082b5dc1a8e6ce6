"""Mapping tables for the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI-Windows.

Legacy text reaches us as ``str`` whose characters are the legacy *bytes* read as Windows-1252 /
Latin-1 (old Word and Excel files set in the ``.VnTime`` or ``VNI-Times`` fonts). Every byte these
tables use is ≥ 0xA0, where Windows-1252 and Latin-1 agree, so a key is simply ``chr(byte)``.

* TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts) is single-byte: one byte per letter. It has
  precomposed code points for lower-case letters only (upper case with tone marks is drawn by the
  ``.VnTimeH`` fonts from the lower-case bytes), plus Ă Â Ê Ô Ơ Ư Đ.
* VNI-Windows writes a base letter followed by a mark byte (``"Vieät"`` = Việt), with a few
  letters of their own (đ, ơ, ư, and i/ỵ with tone marks).
"""

from __future__ import annotations

# TCVN3 (ABC): byte → Unicode letter.
TCVN3_TO_UNICODE: dict[int, str] = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}

# The Unicode combining marks Vietnamese uses.
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VNI-Windows mark bytes (after a base vowel): byte → (vowel modifier, tone), lower-case forms.
VNI_MARKS_LOWER: dict[int, tuple[str, str]] = {
    0xF9: ("", _ACUTE),  # ù
    0xF8: ("", _GRAVE),  # ø
    0xFB: ("", _HOOK),  # û
    0xF5: ("", _TILDE),  # õ
    0xEF: ("", _DOT),  # ï
    0xE2: (_CIRCUMFLEX, ""),  # â
    0xE1: (_CIRCUMFLEX, _ACUTE),  # á
    0xE0: (_CIRCUMFLEX, _GRAVE),  # à
    0xE5: (_CIRCUMFLEX, _HOOK),  # å
    0xE3: (_CIRCUMFLEX, _TILDE),  # ã
    0xE4: (_CIRCUMFLEX, _DOT),  # ä
    0xEA: (_BREVE, ""),  # ê
    0xE9: (_BREVE, _ACUTE),  # é
    0xE8: (_BREVE, _GRAVE),  # è
    0xFA: (_BREVE, _HOOK),  # ú
    0xFC: (_BREVE, _TILDE),  # ü
    0xEB: (_BREVE, _DOT),  # ë
}

# The upper-case mark bytes are the lower-case ones minus 0x20 (Ù Ø Û Õ Ï Â Á À Å Ã Ä Ê É È Ú Ü Ë).
VNI_MARKS: dict[str, tuple[str, str]] = {
    **{chr(code): mark for code, mark in VNI_MARKS_LOWER.items()},
    **{chr(code - 0x20): mark for code, mark in VNI_MARKS_LOWER.items()},
}

# VNI-Windows letters that stand alone (no following mark needed).
VNI_LETTERS: dict[str, str] = {
    "ñ": "đ",
    "Ñ": "Đ",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ì": "ì",
    "Ì": "Ì",
    "í": "í",
    "Í": "Í",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
}

# Base letters a VNI mark may follow, with the modifiers each accepts.
VNI_BASES: dict[str, frozenset[str]] = {
    "a": frozenset({"", _CIRCUMFLEX, _BREVE}),
    "e": frozenset({"", _CIRCUMFLEX}),
    "o": frozenset({"", _CIRCUMFLEX}),
    "u": frozenset({""}),
    "y": frozenset({""}),
    "ơ": frozenset({""}),
    "ư": frozenset({""}),
}
