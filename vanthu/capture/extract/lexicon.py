"""Closed vocabularies that repair OCR noise by folded match: positions and common phrases."""

from __future__ import annotations

from vanthu.core.text import fold

POSITIONS: tuple[str, ...] = (
    "Bộ trưởng", "Thứ trưởng", "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng",
    "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc",
    "Chi cục trưởng", "Phó Chi cục trưởng", "Trưởng phòng", "Phó Trưởng phòng",
    "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra",
    "Trưởng ban", "Phó Trưởng ban", "Chủ tọa", "Thư ký", "Hiệu trưởng", "Phó Hiệu trưởng",
    "Bí thư", "Phó Bí thư", "Chủ nhiệm", "Phó Chủ nhiệm", "Tổng Cục trưởng",
)  # fmt: skip
_BY_FOLD = {fold(p): p for p in POSITIONS}
# Phrases whose marks OCR often loses, restored when their folded form matches.
PHRASES: tuple[str, ...] = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Như trên", "Như Điều")
_PHRASES = {fold(p): p for p in PHRASES}


def known_position(text: str) -> str | None:
    """Return the canonical spelling of a position whose folded form matches, else None."""
    return _BY_FOLD.get(fold(" ".join(text.split())))


def repair_phrases(text: str) -> str:
    """Restore the marks of common phrases (by folded match at word boundaries)."""
    words = text.split()
    folded = [fold(w) for w in words]
    for key, phrase in _PHRASES.items():
        size = len(key.split())
        for start in range(len(words) - size + 1):
            if " ".join(folded[start : start + size]) == key:
                replacement = phrase.split()
                if words[start][:1].islower():
                    replacement[0] = replacement[0].lower()
                words[start : start + size] = replacement
    return " ".join(words)
