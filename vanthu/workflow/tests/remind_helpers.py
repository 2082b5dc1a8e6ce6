"""Helpers of the notification, reminder and overdue tests: documents and assignments."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.documents.models import Document, DocumentType
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.models import Assignment

_numbers = itertools.count(100)


def make_document(
    agency: Agency, *, subject: str = "Báo cáo công tác văn thư", confidentiality: int = 0
) -> Document:
    """Create a document received by ``agency`` (a unique number each time)."""
    return Document.objects.create(
        owner_agency=agency,
        document_type=DocumentType.objects.get(code="22"),
        code_number=str(next(_numbers)),
        code_notation="SNV-VP",
        issued_date=dt.date(2025, 12, 1),
        organ_name="Sở Nội vụ tỉnh Kiên Giang",
        subject=subject,
        subject_folded=subject.lower(),
        confidentiality=confidentiality,
    )


def assign(
    document: Document,
    *,
    by: User,
    user: User | None = None,
    unit: OrgUnit | None = None,
    due: dt.date | None,
    role: AssignmentRole = AssignmentRole.LEAD,
    status: AssignmentStatus = AssignmentStatus.ACTIVE,
    instruction: str = "",
) -> Assignment:
    """Create one assignment row directly (the services are tested elsewhere)."""
    agency = by.agency
    assert agency is not None
    return Assignment.objects.create(
        document=document,
        agency=agency,
        party_user=user,
        party_unit=unit,
        role=role,
        due_date=due,
        assigned_by=by,
        status=status,
        instruction=instruction,
    )


class FailingBackend(BaseEmailBackend):
    """An e-mail backend whose server is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        msg = "SMTP server unreachable"
        raise OSError(msg)
