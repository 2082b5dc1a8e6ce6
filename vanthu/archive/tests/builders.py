"""Builders for the archive tests: archivists, closed dossiers with documents, handled documents."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.documents.models import Document
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.tests.factories import document_make
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.enums import AssignmentRole, AssignmentStatus
from vanthu.workflow.models import Assignment


def archivist_make(office: Office) -> User:
    return make_user(
        agency=office.agency,
        unit=office.unit_b,
        roles=[Role.ARCHIVIST],
        full_name="Trần Thị Lưu",
        position_title="Lưu trữ viên",
    )


def dossier_make(
    creator: User,
    *,
    code: str,
    title: str = "Hồ sơ kiểm tra công tác văn thư, lưu trữ",
    retention: Retention = Retention.Y20,
    dates: tuple[dt.date, ...] = (dt.date(2025, 3, 10), dt.date(2025, 9, 21)),
    pages: int = 3,
    close: bool = True,
    is_construction: bool = False,
    settlement_date: dt.date | None = None,
) -> Dossier:
    """Open a dossier of ``creator``, file one document per date, and close it (by default)."""
    dossier = dossier_open(
        actor=creator,
        title=title,
        code=code,
        retention=retention,
        opened_on=dates[0],
        is_construction=is_construction,
    )
    assert creator.agency is not None
    for day in dates:
        document = document_make(creator.agency, issued_date=day, pages=pages, with_pdf=False)
        dossier_document_add(actor=creator, dossier=dossier, document_id=document.pk)
    if close:
        dossier = dossier_close(
            actor=creator, dossier=dossier, retention=retention, settlement_date=settlement_date
        )
    dossier.refresh_from_db()
    return dossier


def handled_make(
    office: Office, person: User, *, done: bool = True, closed_at: dt.datetime | None = None
) -> Document:
    """A document of the office that ``person`` leads: handled (closed at ``closed_at``, by
    default now) or, with ``done=False``, still in hand."""
    document = document_make(office.agency, with_pdf=False)
    Assignment.objects.create(
        document=document,
        agency=office.agency,
        party_user=person,
        role=AssignmentRole.LEAD,
        assigned_by=office.leader,
        status=AssignmentStatus.DONE if done else AssignmentStatus.ACTIVE,
        closed_at=(closed_at or timezone.now()) if done else None,
    )
    return document
