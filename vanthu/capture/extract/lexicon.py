"""Closed vocabularies that repair OCR noise by folded match: positions and common phrases."""

from __future__ import annotations

import re

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
# Phrases whose marks OCR often loses or confuses (ế/ể, ồ/ô…), restored when their folded form
# matches. Only collocations of administrative writing whose folded form has no other reading
# (not "lưu trữ" — "lưu trú" — nor "lịch sử" — "lịch sự").
PHRASES: tuple[str, ...] = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Như trên", "Như Điều", "để báo cáo", "để b/c",
    "kiểm tra", "tổng kết", "đại biểu", "tinh giản", "an ninh", "tồn tại", "chuyên môn",
    "tư pháp", "bồi dưỡng", "thực hiện", "triển khai", "hội nghị", "Quốc hội",
    "kinh tế", "kế hoạch", "báo cáo", "hướng dẫn", "đề nghị", "tình hình", "UBND",
)  # fmt: skip
_PHRASES = {fold(p): p for p in PHRASES}
_EDGES = "()[]{};:,.\"'“”"
# A Roman "II" read as "H" after the words that take an ordinal (quý II, khóa II).
_ROMAN_TWO = re.compile(r"\b(quý|khóa|khoá|Quý|Khóa|Khoá|QUÝ|KHÓA)\s+H\b")


def known_position(text: str) -> str | None:
    """Return the canonical spelling of a position whose folded form matches, else None."""
    return _BY_FOLD.get(fold(" ".join(text.split())))


def _cased(word: str, like: str) -> str:
    if (like.isupper() and len(like) > 1) or word.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]


def repair_phrases(text: str) -> str:
    """Restore the marks of common phrases (folded match at word boundaries, punctuation kept)."""
    words = text.split()
    bare = [w.strip(_EDGES) for w in words]
    folded = [fold(w) for w in bare]
    for key, phrase in _PHRASES.items():
        size = len(key.split())
        for start in range(len(words) - size + 1):
            span = slice(start, start + size)
            if " ".join(folded[span]) != key or not all(bare[span]):
                continue
            replacement = phrase.split()
            replacement[0] = _cased(replacement[0], bare[start])
            if bare[start].isupper() and len(bare[start]) > 1:
                replacement = [w.upper() for w in replacement]
            head = words[start][: words[start].index(bare[start])]
            last = words[start + size - 1]
            tail = last[last.rindex(bare[start + size - 1]) + len(bare[start + size - 1]) :]
            replacement[0] = head + replacement[0]
            replacement[-1] += tail
            words[span] = replacement
            bare[span] = [w.strip(_EDGES) for w in replacement]
    return _ROMAN_TWO.sub(lambda m: f"{m.group(1)} II", " ".join(words))
