"""Restore the usual case of names printed in capitals (Annex II capitalisation rules).

"SỞ NỘI VỤ" → "Sở Nội vụ", "UBND TỈNH KIÊN GIANG" → "UBND tỉnh Kiên Giang", "PHÓ GIÁM ĐỐC" →
"Phó Giám đốc". A known agency's stored name is preferred when it matches.
"""

from __future__ import annotations

from vanthu.core.text import fold

_ACRONYMS = {"ubnd", "hdnd", "mttq", "bhxh", "ldtbxh", "tnmt", "gd&dt", "vh-tt", "khcn"}
# Words after which a place name follows (every word of it capitalised).
_AREAS = {"tinh", "huyen", "xa", "phuong", "quan", "thi", "thanh"}
_AREA_PHRASES = ("tinh", "huyen", "xa", "phuong", "quan", "thi tran", "thi xa", "thanh pho")
# Words of a body's kind; the word after them starts its field ("Sở Nội vụ").
_KINDS = ("uy ban nhan dan", "hoi dong nhan dan", "chi cuc", "tong cuc", "van phong",
          "trung tam", "thanh tra", "so", "phong", "cuc", "bo", "ban", "vu")  # fmt: skip
_AFTER = {"-", "va"}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _place_start(folded: list[str], index: int) -> int | None:
    """Return where a place name starts if an area phrase begins at ``index``."""
    for phrase in _AREA_PHRASES:
        parts = phrase.split()
        if folded[index : index + len(parts)] == parts and index + len(parts) < len(folded):
            return index + len(parts)
    return None


def organ_case(text: str) -> str:
    """Return a body's name printed in capitals in its usual case."""
    words = text.split()
    folded = [fold(w) for w in words]
    out = [w if f in _ACRONYMS else w.lower() for w, f in zip(words, folded, strict=True)]
    if out:
        out[0] = _cap(out[0])
    joined = " ".join(folded)
    for kind in _KINDS:
        if (joined + " ").startswith(kind + " "):
            field_at = len(kind.split())
            if field_at < len(out) and folded[field_at] not in _AREAS:
                out[field_at] = _cap(out[field_at])
            break
    index = 1
    while index < len(out):
        if folded[index - 1] in _AFTER:
            out[index] = _cap(out[index])
            index += 1
            continue
        start = _place_start(folded, index) if folded[index - 1] not in _AREAS else None
        if start is not None:
            for place in range(start, len(out)):
                out[place] = _cap(out[place])
            break
        index += 1
    return " ".join(out)


def position_case(text: str) -> str:
    """Return a position printed in capitals in its usual case ("PHÓ GIÁM ĐỐC" → "Phó Giám đốc")."""
    words = text.lower().split()
    if not words:
        return ""
    words[0] = _cap(words[0])
    if fold(words[0]) in {"pho", "chanh"} and len(words) > 1:
        words[1] = _cap(words[1])
    return " ".join(words)
