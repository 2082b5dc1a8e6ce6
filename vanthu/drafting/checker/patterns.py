"""Text patterns shared by the locator and the rules (all matched on NFC text)."""

from __future__ import annotations

import re

from vanthu.core.text import fold
from vanthu.documents.reference import DOCUMENT_TYPES, DocumentTypeRow

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
MARKS = frozenset(
    {"KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "MẬT", "TỐI MẬT", "TUYỆT MẬT"}
    | {"LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"}
)

# "Số" (any case, colon or not) then a number or a blank before "/", or just a colon.
NUMBER_LINE = re.compile(r"^so\s*(?::|[\d\s.…]*/)")
DATE_LINE = re.compile(r"ngay\s*[\d\s.…]*\s*thang\s*[\d\s.…]*\s*nam\b")
# A signing-authority prefix, well formed or not ("K/T.", "KT ", "T.M.", "Tm.").
AUTHORITY_ANY = re.compile(r"^(K\W?T|T\W?M|T\W?L|T\W?U\W?Q|Q)(\W+)\s*(\S.*)$", re.IGNORECASE)
AUTHORITY_OK = re.compile(r"^(TM|KT|TL|TUQ|Q)\. (\S.*)$")
ARCHIVE_LINE = re.compile(r"^-\s*Lưu\s*:\s*VT\b")
SEPARATOR = re.compile(r"^[\s_\-—–.]*$")


def squash(text: str) -> str:
    """Return ``text`` folded with everything but letters and digits removed."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


_NAMED_TYPES = [row for row in DOCUMENT_TYPES if row.abbreviation and not row.is_copy_form]
TYPE_BY_SQUASHED: dict[str, DocumentTypeRow] = {squash(row.name): row for row in _NAMED_TYPES}
TYPE_BY_CODE: dict[str, DocumentTypeRow] = {row.code: row for row in DOCUMENT_TYPES}
TYPE_ABBREVIATIONS = frozenset(row.abbreviation for row in DOCUMENT_TYPES if row.abbreviation)
_NATIONAL_SQUASHED = squash(NATIONAL_NAME)


def is_national_name(text: str) -> bool:
    """Return whether ``text`` is (a spelling of) the national name."""
    return _NATIONAL_SQUASHED in squash(text)


def is_motto(text: str) -> bool:
    """Return whether ``text`` is (a spelling of) the motto."""
    squashed = squash(text)
    return "doclap" in squashed and "hanhphuc" in squashed


def is_number_line(text: str) -> bool:
    """Return whether ``text`` is the "Số:" line, however it is spelt."""
    return bool(NUMBER_LINE.match(fold(text.strip())))


def is_date_line(text: str) -> bool:
    """Return whether ``text`` is a place-and-date line, filled or not."""
    return bool(DATE_LINE.search(fold(text)))


def is_separator(text: str) -> bool:
    """Return whether ``text`` is empty or only a drawn line ("_____")."""
    return bool(SEPARATOR.match(text))


def is_upper(text: str) -> bool:
    """Return whether every letter of ``text`` is upper case (and there is one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def type_of_title(text: str) -> DocumentTypeRow | None:
    """Return the document type whose name ``text`` is (any case), if any."""
    return TYPE_BY_SQUASHED.get(squash(text))
