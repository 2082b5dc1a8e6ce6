"""Whole numbers in Vietnamese words, as the forms write totals ("viết bằng chữ")."""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ")


def _below_thousand(number: int, *, full: bool) -> list[str]:
    """Words of 0 < ``number`` < 1000; ``full`` spells a leading zero hundred ("không trăm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return words


def number_words(number: int) -> str:
    """Return ``number`` (0 ≤ n < 10¹²) in words: 21 → "hai mươi mốt", 105 → "một trăm linh năm"."""
    if number < 0 or number >= 10**12:
        raise ValueError(number)
    if number == 0:
        return _DIGITS[0]
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _below_thousand(group, full=bool(words))
        words.append(_GROUPS[index])
    return " ".join(word for word in words if word)
