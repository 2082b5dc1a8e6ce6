"""Vietnamese alphabetical order through ICU."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass

from vanthu.core.collation import sort_key, vi_sorted

_ALPHABET_TEXT = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y"
ALPHABET = _ALPHABET_TEXT.split()


def test_alphabet_order() -> None:
    shuffled = list(reversed(ALPHABET))
    assert vi_sorted(shuffled) == ALPHABET
    assert sorted(shuffled) != ALPHABET  # plain code-point order is wrong


def test_words_in_dictionary_order() -> None:
    words = ["Đồng Tháp", "Điện Biên", "Bình Dương", "Ơn", "Ông", "Ưng", "Uông", "Ân", "Ăn", "An"]
    assert vi_sorted(words) == [
        "An",
        "Ăn",
        "Ân",
        "Bình Dương",
        "Điện Biên",
        "Đồng Tháp",
        "Ông",
        "Ơn",
        "Uông",
        "Ưng",
    ]


def test_tones_are_a_secondary_difference() -> None:
    # Base letters decide first; tones only break ties (ma < mà < mả < mã < má < mạ).
    assert vi_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert vi_sorted(["mạch", "mai"]) == ["mạch", "mai"]


def test_decomposed_input_sorts_as_composed() -> None:
    assert sort_key(unicodedata.normalize("NFD", "Đồng")) == sort_key("Đồng")


def test_sort_by_key_and_reverse() -> None:
    @dataclass
    class Agency:
        name: str

    agencies = [Agency("Sở Tư pháp"), Agency("Sở Nội vụ"), Agency("Sở Công Thương")]
    names = [a.name for a in vi_sorted(agencies, key=lambda a: a.name)]
    assert names == ["Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp"]
    assert vi_sorted(["B", "Đ", "A"], reverse=True) == ["Đ", "B", "A"]


def test_threads_get_the_same_order() -> None:
    words = ["Ưng", "Đồng", "An", "Ăn", "Ông", "Ơn", "Dương"]
    expected = vi_sorted(words)
    results: list[list[str]] = []

    def work() -> None:
        results.extend(vi_sorted(words) for _ in range(200))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 800
    assert all(result == expected for result in results)
