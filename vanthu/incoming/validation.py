"""The registration rules of an incoming document (issue 3; domain.md §1.6, §2.5, §10.3).

Lengths are those of Annex VI Part II; the notation must match the type (Decree 30 Annex III):
``<TYPE ABBR>-<ISSUER>`` for a typed document (``KH-SNV``), ``<ISSUER>-<UNIT>`` for a công văn
(``SNV-VP``). Every check returns Vietnamese messages keyed by the API field name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from django.utils.translation import gettext as _

from vanthu.documents.models import DocumentType
from vanthu.documents.reference import CONG_VAN_CODE

# Annex VI Part II, incoming document: field → maximum length in characters.
MAX_LENGTHS: Mapping[str, int] = {
    "code_number": 11,
    "code_notation": 30,
    "organ_name": 200,
    "subject": 500,
    "description": 500,
    "signer_position": 100,
    "signer_full_name": 50,
    "to_places": 1000,
    "duplicate_reason": 500,
}
PAGE_AMOUNT_MAX = 999  # Number, 3 digits
REQUIRED = ("organ_name", "subject")

# A notation part: letters or digits, possibly joined by dots ("BNV.VP"); parts joined by "-".
_PART = r"[^\W_]+(?:\.[^\W_]+)*"
_NOTATION = re.compile(rf"{_PART}(?:-{_PART})*")


Errors = dict[str, list[str]]


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def check_texts(values: Mapping[str, str], errors: Errors) -> None:
    """Check required texts and the Annex VI lengths (values already cleaned)."""
    for field in REQUIRED:
        if not values.get(field):
            _add(errors, field, _("Trường này là bắt buộc."))
    for field, limit in MAX_LENGTHS.items():
        if len(values.get(field, "")) > limit:
            _add(errors, field, _("Không được dài quá %d ký tự.") % limit)


def check_page_amount(page_amount: int, errors: Errors) -> None:
    """Check the page count: 1 to 999."""
    if not 1 <= page_amount <= PAGE_AMOUNT_MAX:
        _add(errors, "page_amount", _("Số trang phải từ 1 đến %d.") % PAGE_AMOUNT_MAX)


def check_dates(
    *,
    issued_date: dt.date,
    arrival_date: dt.date,
    today: dt.date,
    due_date: dt.date | None,
    errors: Errors,
) -> None:
    """Check that the document was issued neither in the future nor after it arrived."""
    if issued_date > today:
        _add(errors, "issued_date", _("Ngày văn bản không được sau ngày hôm nay."))
    elif issued_date > arrival_date:
        _add(errors, "issued_date", _("Ngày văn bản không được sau ngày đến."))
    if due_date is not None and due_date < issued_date:
        _add(errors, "due_date", _("Hạn giải quyết không được trước ngày văn bản."))


def notation_problem(
    notation: str, *, document_type: DocumentType, type_abbreviations: frozenset[str]
) -> str | None:
    """Return why ``notation`` does not fit ``document_type``, or None when it fits."""
    if not _NOTATION.fullmatch(notation):
        return _("Ký hiệu chỉ gồm chữ, số và dấu gạch nối, không có khoảng trắng (ví dụ: KH-SNV).")
    parts = notation.split("-")
    abbreviation = document_type.abbreviation
    if abbreviation:
        if len(parts) < 2 or parts[0] != abbreviation:
            return _(
                "Ký hiệu của %(type)s phải có dạng %(abbr)s-<cơ quan ban hành> "
                "(ví dụ: %(abbr)s-SNV)."
            ) % {"type": document_type.name, "abbr": abbreviation}
    elif document_type.code == CONG_VAN_CODE and (len(parts) < 2 or parts[0] in type_abbreviations):
        return _(
            "Ký hiệu của công văn phải có dạng <cơ quan ban hành>-<đơn vị soạn thảo> "
            "(ví dụ: SNV-VP)."
        )
    return None
