"""The registration rules of ``incoming.validation`` applied to an imported row.

A thin adapter: the checks are the live registration's; this module only says which sheet
column each service field comes from, and adds the one check ``incoming_register`` makes inline
(an arrival date not in the future).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.utils.translation import gettext as _

from vanthu.documents.models import DocumentType
from vanthu.incoming.importer.columns import Column
from vanthu.incoming.validation import (
    Errors,
    check_dates,
    check_page_amount,
    check_texts,
    notation_problem,
)

FIELD_COLUMNS: Mapping[str, Column] = {
    "code_number": Column.CODE,
    "code_notation": Column.CODE,
    "organ_name": Column.ORGAN,
    "subject": Column.SUBJECT,
    "signer_full_name": Column.SIGNER,
    "description": Column.NOTE,
    "issued_date": Column.ISSUED_DATE,
    "arrival_date": Column.ARRIVAL_DATE,
    "due_date": Column.DUE_DATE,
    "page_amount": Column.PAGES,
}


def field_errors(
    fields: Mapping[str, str],
    *,
    document_type: DocumentType,
    issued_date: dt.date | None,
    arrival_date: dt.date | None,
    due_date: dt.date | None,
    page_amount: int,
    today: dt.date,
    type_abbreviations: frozenset[str],
) -> list[tuple[Column, str]]:
    """Return the (column, message) problems the registration rules find in a row."""
    errors: Errors = {}
    check_texts(fields, errors)
    check_page_amount(page_amount, errors)
    if arrival_date is not None and arrival_date > today:
        errors.setdefault("arrival_date", []).append(_("Ngày đến không được sau hôm nay."))
    if issued_date is not None and arrival_date is not None:
        check_dates(
            issued_date=issued_date,
            arrival_date=arrival_date,
            today=today,
            due_date=due_date,
            errors=errors,
        )
    notation = fields.get("code_notation", "")
    if notation:
        problem = notation_problem(
            notation, document_type=document_type, type_abbreviations=type_abbreviations
        )
        if problem:
            errors.setdefault("code_notation", []).append(problem)
    return [
        (FIELD_COLUMNS[field], message)
        for field, messages in errors.items()
        for message in messages
        if field in FIELD_COLUMNS
    ]
