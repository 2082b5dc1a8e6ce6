"""Helpers of the outgoing report tests: issued records without rendering, file readers.

Records are made the cheap way: the real number allocation and real models, no DOCX rendering
and no LibreOffice conversion (the issue step itself is tested in ``test_flow.py``).
No tests here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import subprocess
from collections.abc import Sequence
from typing import Any

from django.test import Client
from openpyxl import load_workbook

from vanthu.accounts.models import User
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.models import Blob, Document, DocumentType, RegisterBook
from vanthu.documents.numbering import format_number, number_allocate
from vanthu.outgoing.enums import DistributionKind, DraftStatus
from vanthu.outgoing.issue import notation_for
from vanthu.outgoing.models import Distribution, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.tests.factories import Office

MARCH = dt.date(2025, 3, 3)
END_OF_MARCH = dt.date(2025, 3, 31)


def _blob() -> Blob:
    digest = hashlib.sha256(str(Blob.objects.count()).encode() + b"report-tests").hexdigest()
    blob, _created = Blob.objects.get_or_create(
        sha256=digest,
        defaults={"size": 1, "media_type": "application/pdf", "storage_key": f"test/{digest}"},
    )
    return blob


def issue_record(
    office: Office,
    *,
    on: dt.date,
    subject: str,
    type_code: str = "22",
    book: RegisterBook | None = None,
    confidentiality: int = Confidentiality.NORMAL,
    urgency: str = Urgency.NORMAL,
    copies: int | None = None,
    recipients: Sequence[Distribution] = (),
) -> OutgoingRecord:
    """Return an issued record numbered in ``book`` (default: the outgoing book) on ``on``."""
    document_type = DocumentType.objects.get(code=type_code)
    draft = OutgoingDraft.objects.create(
        agency=office.agency,
        unit=office.unit,
        author=office.specialist,
        document_type=document_type,
        subject=subject,
        confidentiality=confidentiality,
        urgency=urgency,
        status=DraftStatus.ISSUED,
        signer=office.leader,
    )
    book = book or (office.secret_book if confidentiality else office.outgoing_book)
    allocation = number_allocate(book=book, actor=office.clerk, on=on)
    notation = notation_for(
        type_code=type_code,
        type_abbreviation=document_type.abbreviation,
        issuer=office.agency.abbreviation,
        unit=office.unit.abbreviation,
    )
    document = Document.objects.create(
        owner_agency=office.agency,
        document_type=document_type,
        code_number=format_number(allocation.number),
        code_notation=notation,
        issued_date=on,
        organ_name=office.agency.name,
        issuing_agency=office.agency,
        subject=subject,
        signer_position="Giám đốc",
        signer_name=office.leader.full_name,
        urgency=urgency,
        confidentiality=confidentiality,
        to_places="Như trên",
    )
    blob = _blob()
    record = OutgoingRecord.objects.create(
        agency=office.agency,
        draft=draft,
        document=document,
        register_book=book,
        allocation=allocation,
        number=allocation.number,
        year=on.year,
        issued_date=on,
        issued_by=office.clerk,
        original_blob=blob,
        pdf_blob=blob,
        copies=copies,
    )
    for row in recipients:
        row.record = record
        row.save(force_insert=True)
    return record


def post(name: str, address: str, *, envelopes: int = 1) -> Distribution:
    return Distribution(
        kind=DistributionKind.POST, name=name, postal_address=address, envelope_count=envelopes
    )


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def xlsx_values(content: bytes, sheet: int) -> list[list[Any]]:
    """Return the cell values of one sheet (by position), row by row."""
    workbook = load_workbook(io.BytesIO(content))
    rows = workbook.worksheets[sheet].iter_rows(values_only=True)
    return [list(row) for row in rows]


def pdf_text(content: bytes) -> str:
    """Return the PDF's text as poppler's pdftotext reads it, whitespace collapsed."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return " ".join(text.split())
