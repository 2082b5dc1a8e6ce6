"""Suspected duplicates of an incoming registration (domain.md §10.3).

The same number, notation and issuer in the year, or a file of the same content already
registered this year; a clerk is shown the earlier registration, never above their clearance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db import connection

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_see_confidentiality
from vanthu.core.text import fold
from vanthu.incoming.models import IncomingRecord


def incoming_summary(incoming: IncomingRecord, *, actor: User) -> dict[str, Any]:
    """Return what a clerk is shown of an earlier registration (no content above clearance)."""
    summary: dict[str, Any] = {
        "id": incoming.pk,
        "arrival_number": incoming.arrival_number,
        "arrival_year": incoming.arrival_year,
        "arrival_date": incoming.arrival_date.isoformat(),
        "status": incoming.status,
    }
    document = incoming.document
    if can_see_confidentiality(actor, document.confidentiality):
        summary |= {
            "code_number": document.code_number,
            "code_notation": document.code_notation,
            "issued_date": document.issued_date.isoformat(),
            "organ_name": document.organ_name,
            "subject": document.subject,
        }
    return summary


# Asked on every registration and almost never finding anything, so written out: building the
# ORM query took about 100 times longer than running it. From the documents' side (the
# ``doc_code`` index) with the agency's registration as a correlated EXISTS, so that no plan can
# walk every registration from the same issuer (``incoming_organ``), with or without planner
# statistics.
_SAME_CODE_SQL = (
    "SELECT d.id FROM documents_document d"
    " WHERE d.code_number = %s AND d.code_notation = %s"
    " AND d.issued_date >= %s AND d.issued_date <= %s"
    " AND EXISTS (SELECT 1 FROM incoming_incomingrecord r"
    " WHERE r.document_id = d.id AND r.agency_id = %s AND r.organ_folded = %s)"
)


def earlier_registration(
    *, agency_id: int, texts: dict[str, str], issued_date: dt.date
) -> IncomingRecord | None:
    """Return the first registration of the same number, notation and issuer in that year."""
    if not texts["code_number"]:
        return None
    organ_folded = fold(texts["organ_name"])[:200]
    year = issued_date.year
    params: list[str | int | dt.date] = [
        texts["code_number"],
        texts["code_notation"],
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
        agency_id,
        organ_folded,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_SAME_CODE_SQL, params)
        document_ids = [row[0] for row in cursor.fetchall()]
    if not document_ids:
        return None
    return (
        IncomingRecord.objects.filter(
            document_id__in=document_ids, agency_id=agency_id, organ_folded=organ_folded
        )
        .select_related("document")
        .order_by("pk")
        .first()
    )


def earlier_with_content(
    *, agency_id: int, year: int, sha256s: Collection[str], exclude_pk: int | None = None
) -> IncomingRecord | None:
    """Return the first record of the agency and year holding a file with one of these digests."""
    if not sha256s:
        return None
    records = IncomingRecord.objects.filter(
        agency_id=agency_id,
        arrival_year=year,
        document__attachments__blob__sha256__in=list(sha256s),
    )
    if exclude_pk is not None:
        records = records.exclude(pk=exclude_pk)
    return records.select_related("document").order_by("pk").first()
