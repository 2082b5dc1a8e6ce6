"""Detecting and converting TCVN3 (ABC) and VNI-Windows text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given

from vanthu.core.legacy_encodings import TCVN3_TO_UNICODE, VNI_LETTERS, VNI_MARKS
from vanthu.core.tests.strategies import real_text
from vanthu.core.text import (
    detect_legacy_encoding,
    legacy_to_unicode,
    looks_legacy,
    tcvn3_to_unicode,
    vni_to_unicode,
)

TCVN3_SAMPLES = [
    ("ViÖt Nam", "Việt Nam"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Uû ban nh©n d©n tØnh Kiªn Giang", "Uỷ ban nhân dân tỉnh Kiên Giang"),
    ("Së Néi vô", "Sở Nội vụ"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("KÕ ho¹ch sè 26/KH-SNV ngµy 23/4/2020", "Kế hoạch số 26/KH-SNV ngày 23/4/2020"),
    # .VnTimeH capitals reuse the lower-case bytes.
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]

VNI_SAMPLES = [
    ("Vieät Nam", "Việt Nam"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Sôû Noäi vuï tænh Kieân Giang", "Sở Nội vụ tỉnh Kiên Giang"),
    ("Quyeát ñònh veà vieäc naâng löông", "Quyết định về việc nâng lương"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]

UNICODE_SAMPLES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Bán hàng",
    "Café crème",
    "São Paulo",
    "naïve résumé",
    "Kế hoạch số 26/KH-SNV",
    "UBND",
    "",
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_SAMPLES)
def test_tcvn3_is_detected_and_converted(legacy: str, unicode: str) -> None:
    assert detect_legacy_encoding(legacy) == "tcvn3"
    assert looks_legacy(legacy)
    assert legacy_to_unicode(legacy) == unicode
    assert tcvn3_to_unicode(legacy) == unicode


@pytest.mark.parametrize(("legacy", "unicode"), VNI_SAMPLES)
def test_vni_is_detected_and_converted(legacy: str, unicode: str) -> None:
    assert detect_legacy_encoding(legacy) == "vni"
    assert looks_legacy(legacy)
    assert legacy_to_unicode(legacy) == unicode
    assert vni_to_unicode(legacy) == unicode


@pytest.mark.parametrize("text", UNICODE_SAMPLES)
def test_unicode_is_left_alone(text: str) -> None:
    assert not looks_legacy(text)
    assert legacy_to_unicode(text) == text


def test_tcvn3_bytes_read_from_a_file() -> None:
    raw = "Tr\xadêng Trung häc c¬ së".encode("latin-1")
    assert legacy_to_unicode(raw.decode("cp1252")) == "Trường Trung học cơ sở"


_TO_TCVN3 = {letter: chr(code) for code, letter in TCVN3_TO_UNICODE.items()}
_MARK_TO_VNI = {mark: char for char, mark in VNI_MARKS.items() if char.islower()}
_LETTER_TO_VNI = {letter: char for char, letter in VNI_LETTERS.items()}
_MODIFIERS = "\u0302\u0306\u031b"


def to_tcvn3(text: str) -> str:
    return "".join(_TO_TCVN3.get(c, c) for c in text)


def _vni_letter(letter: str) -> str:
    if letter in _LETTER_TO_VNI:
        return _LETTER_TO_VNI[letter]
    base, *marks = list(unicodedata.normalize("NFD", letter))
    if "\u031b" in marks:  # horn: ơ/ư are letters of their own in VNI
        marks.remove("\u031b")
        base = _LETTER_TO_VNI[unicodedata.normalize("NFC", base + "\u031b")]
    modifier = "".join(m for m in marks if m in _MODIFIERS)
    tone = "".join(m for m in marks if m not in _MODIFIERS)
    if not modifier and not tone:
        return base
    return base + _MARK_TO_VNI[(modifier, tone)]


def to_vni(text: str) -> str:
    return "".join(_vni_letter(c) if not c.isascii() else c for c in text)


@given(real_text)
def test_real_unicode_text_is_never_taken_for_legacy(text: str) -> None:
    assert legacy_to_unicode(text) == text


@given(real_text)
def test_tcvn3_round_trip(text: str) -> None:
    text = f"{text} Việt Nam"
    assert legacy_to_unicode(to_tcvn3(text)) == text


@given(real_text)
def test_vni_round_trip(text: str) -> None:
    text = f"{text} Việt Nam"
    assert legacy_to_unicode(to_vni(text)) == text
