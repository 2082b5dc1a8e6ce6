"""Vietnamese alphabetical order through the ICU ``vi_VN`` collator (design.md §6 "Text").

Plain ``sorted()`` puts "Đ" after "Z" and "Ă" after "Z"; the collator gives the order of
Vietnamese dictionaries: A Ă Â B C D Đ E Ê … O Ô Ơ … U Ư … Y, tones as a secondary difference.
ICU collators are not safe to share between threads, so each thread builds its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import icu

from vanthu.core.text import nfc

T = TypeVar("T")

_local = threading.local()


def _collator() -> Any:
    collator = getattr(_local, "collator", None)
    if collator is None:
        collator = icu.Collator.createInstance(icu.Locale("vi_VN"))
        _local.collator = collator
    return collator


def sort_key(text: str) -> bytes:
    """Return the ICU ``vi_VN`` sort key of ``text``: compare keys to compare texts."""
    key: bytes = _collator().getSortKey(nfc(text))
    return key


def vi_sorted(
    items: Iterable[T], *, key: Callable[[T], str] | None = None, reverse: bool = False
) -> list[T]:
    """Return ``items`` sorted in Vietnamese order, by ``key(item)`` or by the items themselves."""
    if key is None:
        return sorted(items, key=lambda item: sort_key(str(item)), reverse=reverse)
    get = key
    return sorted(items, key=lambda item: sort_key(get(item)), reverse=reverse)
