"""NFC, clean_text, fold and fold_tokens."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vanthu.core.tests.strategies import vietnamese_text
from vanthu.core.text import clean_text, fold, fold_tokens, nfc


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


class TestNfc:
    def test_composes_decomposed_vietnamese(self) -> None:
        decomposed = nfd("Nghị định")
        assert decomposed != "Nghị định"
        assert nfc(decomposed) == "Nghị định"


class TestCleanText:
    def test_trims_and_collapses_whitespace(self) -> None:
        assert clean_text("  Sở\u00a0 Nội\tvụ\n\n tỉnh  ") == "Sở Nội vụ tỉnh"

    def test_normalises_to_nfc(self) -> None:
        assert clean_text(nfd("Hòn Đất")) == "Hòn Đất"

    def test_drops_zero_width_characters(self) -> None:
        assert clean_text("\ufeffKế\u200b hoạch") == "Kế hoạch"

    def test_empty(self) -> None:
        assert clean_text(" \t\n") == ""


class TestFold:
    def test_examples(self) -> None:
        assert fold("Đồng Tháp") == "dong thap"
        assert fold("Hỏa tốc") == "hoa toc"
        assert fold("HỎA TỐC") == "hoa toc"
        assert fold("Thượng khẩn") == "thuong khan"
        assert fold("Ủy ban nhân dân xã Thạnh Đông A") == "uy ban nhan dan xa thanh dong a"

    def test_decomposed_input_folds_the_same(self) -> None:
        assert fold(nfd("Đồng Tháp")) == "dong thap"

    def test_eth_written_for_d_with_stroke(self) -> None:
        assert fold("Ðà Nẵng") == "da nang"

    def test_keeps_spaces_and_punctuation(self) -> None:
        assert fold("Số 26/KH-SNV,  ngày") == "so 26/kh-snv,  ngay"

    def test_ascii_is_lowered(self) -> None:
        assert fold("UBND-VP") == "ubnd-vp"

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        assert fold(fold(text)) == fold(text)

    @given(st.text())
    def test_nfd_and_nfc_fold_the_same(self, text: str) -> None:
        assert fold(nfd(text)) == fold(text) == fold(nfc(text))

    @given(vietnamese_text)
    def test_vietnamese_folds_to_ascii(self, text: str) -> None:
        folded = fold(text)
        assert folded.isascii()
        assert folded == folded.lower()
        assert len(folded.split(" ")) == len(text.split(" "))


class TestFoldTokens:
    def test_words_and_code_parts(self) -> None:
        assert fold_tokens("Kế hoạch số 26/KH-SNV của Sở Nội vụ") == [
            "ke",
            "hoach",
            "so",
            "26/kh-snv",
            "26",
            "kh",
            "snv",
            "cua",
            "so",
            "noi",
            "vu",
        ]

    def test_dates_and_trailing_punctuation(self) -> None:
        assert fold_tokens("ngày 23/4/2020.") == ["ngay", "23/4/2020", "23", "4", "2020"]

    def test_separators_alone_are_not_tokens(self) -> None:
        assert fold_tokens(" - / . ") == []

    @given(vietnamese_text)
    def test_tokens_are_folded_substrings(self, text: str) -> None:
        folded = fold(text)
        for token in fold_tokens(text):
            assert token
            assert token in folded
