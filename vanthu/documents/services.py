"""Writes of the documents kernel.

Numbering lives in ``numbering.py`` and the blob store in ``uploads.py``; both are re-exported
here so that higher apps find every documents write in one place.
"""

from __future__ import annotations

import unicodedata

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.documents.enums import RegisterKind
from vanthu.documents.errors import RegisterBookNameTakenError
from vanthu.documents.models import RegisterBook
from vanthu.documents.numbering import format_number, number_allocate, number_cancel
from vanthu.documents.permissions import ensure_book_manager
from vanthu.documents.uploads import blob_store_upload

__all__ = [
    "blob_store_upload",
    "format_number",
    "number_allocate",
    "number_cancel",
    "register_book_create",
]


def register_book_create(
    *,
    actor: User,
    agency: Agency,
    kind: RegisterKind,
    name: str,
    unit: OrgUnit | None = None,
) -> RegisterBook:
    """Open a register book; each book keeps its own yearly number series.

    An advisory body's book (``RegisterKind.ADVISORY``) names the body as ``unit``.
    """
    ensure_book_manager(actor=actor, agency_id=agency.pk)
    name = unicodedata.normalize("NFC", name).strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Cần nhập tên sổ.")]
    if kind == RegisterKind.ADVISORY and unit is None:
        errors["unit"] = [_("Sổ của tổ chức tư vấn phải chọn tổ chức tư vấn.")]
    if unit is not None and unit.agency_id != agency.pk:
        errors["unit"] = [_("Đơn vị không thuộc cơ quan này.")]
    if errors:
        raise InvalidInputError(fields=errors)
    book = RegisterBook(agency=agency, kind=kind, name=name, unit=unit)
    try:
        with transaction.atomic():
            book.save(force_insert=True)
            record(
                action="documents.register_book_created",
                actor=actor,
                target=book,
                agency_id=agency.pk,
                data={"kind": kind.value, "name": name, "unit_id": unit.pk if unit else None},
            )
    except IntegrityError as exc:
        raise RegisterBookNameTakenError(fields={"name": [_("Tên sổ đã được dùng.")]}) from exc
    return book
