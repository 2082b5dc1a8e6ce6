"""Parsing what users type: marks, đ, phrases, prefixes, codes, FTS syntax, bad input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vanthu.core.text import fold
from vanthu.search.errors import QueryTooLongError
from vanthu.search.query import (
    MAX_CLAUSES,
    ParsedQuery,
    Term,
    code_forms,
    marked_pairs,
    pairs_of,
    parse_query,
)


def test_words_keep_their_marked_form_and_fold_d() -> None:
    parsed = parse_query("Đồng Tháp")
    assert parsed.terms == (Term("đồng", "dong"), Term("tháp", "thap"))


def test_word_pairs_in_order_and_the_marked_pairs_that_differ() -> None:
    assert pairs_of(["ke", "hoach", "kiem", "ke", "hoach"]) == [
        "ke_hoach",
        "hoach_kiem",
        "kiem_ke",
        "ke_hoach",
    ]
    assert pairs_of(["mot"]) == []
    assert marked_pairs(["ủy", "ban", "ủy", "ban"], ["uy", "ban", "uy", "ban"]) == [
        "ủy_ban",
        "ban_ủy",
    ]
    assert marked_pairs(["van", "ban"], ["van", "ban"]) == []


def test_nfd_and_zero_width_input_parse_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Đồng\u200b Th\u200dáp")
    assert parse_query(nfd).terms == parse_query("Đồng Tháp").terms


def test_quoted_phrase_prefix_and_exclusion() -> None:
    parsed = parse_query('"văn thư lưu trữ" kiem* -mật')
    assert parsed.phrases[0].folded == ("van", "thu", "luu", "tru")
    assert parsed.terms == (Term("kiem", "kiem", prefix=True),)
    assert parsed.excluded == ("mat",)


@pytest.mark.parametrize(
    ("text", "code"),
    [("26/KH-SNV", "26/kh-snv"), ("KH-SNV", "kh-snv"), ("số 12/QĐ-UBND", "12/qd-ubnd")],
)
def test_codes_are_recognised(text: str, code: str) -> None:
    assert code in parse_query(text).codes


def test_code_forms_of_a_document() -> None:
    assert code_forms("26", "KH-SNV") == ["kh-snv", "26/kh-snv"]
    assert code_forms("", "") == []


@pytest.mark.parametrize("text", ["NEAR(a b)", "(a OR b) AND c", "a^2 b:c", "a NOT b", '"a'])
def test_fts_syntax_becomes_plain_words(text: str) -> None:
    parsed = parse_query(text)
    assert {term.folded for term in parsed.terms} <= {"a", "b", "c", "2"}
    assert all(term.folded not in {"near", "or", "and", "not"} for term in parsed.terms)


@pytest.mark.parametrize("text", ["", "   ", '""', "*", "-", "()", "\u200b"])
def test_nothing_to_look_for_is_an_empty_query(text: str) -> None:
    assert parse_query(text).is_empty


def test_a_very_long_query_is_refused_clearly() -> None:
    with pytest.raises(QueryTooLongError) as raised:
        parse_query("văn bản " * 1250)
    assert raised.value.code == "search_query_too_long"


def test_many_words_are_capped() -> None:
    parsed = parse_query(" ".join(f"w{n}" for n in range(60)))
    assert len(parsed.terms) == MAX_CLAUSES


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
@example("ꭰ")  # Cherokee: case folding gives the capital, so "lower case" is not the property
def test_any_text_parses_or_is_refused_as_too_long(text: str) -> None:
    try:
        parsed = parse_query(text)
    except QueryTooLongError:
        return
    assert isinstance(parsed, ParsedQuery)
    for term in parsed.terms:
        assert term.folded
        assert fold(term.folded) == term.folded
