"""Reads of the outgoing screens: the role queues, the filtered register, recipient choices.

Everything starts from the scoped selectors of ``selectors.py`` (agency, role, clearance), so a
screen never shows what the API would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.enums import AgencyStatus
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.core.api import KeysetPage, keyset_page
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.mediatypes import PDF
from vanthu.documents.models import Attachment, RegisterBook, Sequence
from vanthu.outgoing.enums import DraftStatus, RecordStatus
from vanthu.outgoing.models import CopyRecord, OutgoingDraft, OutgoingRecord
from vanthu.outgoing.permissions import ensure, is_clerk, is_leader, is_unit_head
from vanthu.outgoing.selectors import drafts_visible_to, records_visible_to
from vanthu.outgoing.signature_steps import awaiting_any_signer, awaiting_signature_of

PAGE_SIZE = 50


def _drafts(actor: User) -> QuerySet[OutgoingDraft]:
    return drafts_visible_to(actor).select_related("document_type", "author", "unit")


def drafts_mine(actor: User) -> QuerySet[OutgoingDraft]:
    """Return the actor's own drafts (any state but cancelled)."""
    return _drafts(actor).filter(author=actor).exclude(status=DraftStatus.CANCELLED)


def drafts_to_review(actor: User) -> QuerySet[OutgoingDraft]:
    """Return the drafts submitted to the actor's unit (a unit head); refused otherwise."""
    ensure(
        is_unit_head(actor) and actor.unit_id is not None,
        _("Chỉ lãnh đạo đơn vị mới có danh sách dự thảo chờ duyệt."),
    )
    return _drafts(actor).filter(status=DraftStatus.IN_REVIEW, unit_id=actor.unit_id)


def drafts_to_check(actor: User) -> QuerySet[OutgoingDraft]:
    """Return the reviewed drafts waiting for the clerk's format check."""
    ensure(is_clerk(actor), _("Chỉ văn thư mới kiểm tra thể thức văn bản."))
    return _drafts(actor).filter(status=DraftStatus.REVIEWED)


def drafts_to_sign(actor: User) -> QuerySet[OutgoingDraft]:
    """Return what a leader still has to sign ("Chờ ký duyệt"), refused to anyone else.

    The format-checked drafts waiting for an approval for signature (on paper or digital),
    and the drafts the actor approved for his digital signature and has not signed yet.
    """
    ensure(is_leader(actor), _("Chỉ lãnh đạo cơ quan mới duyệt ký văn bản."))
    return _drafts(actor).filter(
        Q(status=DraftStatus.FORMAT_CHECKED) | awaiting_signature_of(actor)
    )


def drafts_to_issue(actor: User) -> QuerySet[OutgoingDraft]:
    """Return the approved drafts waiting for number and issue (the clerk): not the digital
    drafts still waiting for their signer, which the clerk cannot act on yet."""
    ensure(is_clerk(actor), _("Chỉ văn thư mới cấp số và phát hành văn bản."))
    return _drafts(actor).filter(status=DraftStatus.APPROVED).exclude(awaiting_any_signer())


def drafts_page(
    drafts: QuerySet[OutgoingDraft], *, cursor: str | None
) -> KeysetPage[OutgoingDraft]:
    """Return one page of ``drafts``, newest first."""
    return keyset_page(drafts, sort_field="id", cursor=cursor, limit=PAGE_SIZE, descending=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterFilters:
    """The filters of the outgoing register screen (all optional)."""

    year: int | None = None
    type_code: str | None = None
    unit_id: int | None = None
    status: RecordStatus | None = None


def register_page(
    *, actor: User, filters: RegisterFilters, cursor: str | None
) -> KeysetPage[OutgoingRecord]:
    """Return one page of the outgoing register seen by ``actor``, newest first."""
    records = records_visible_to(actor).select_related("draft__unit")
    if filters.year is not None:
        records = records.filter(year=filters.year)
    if filters.type_code:
        records = records.filter(document__document_type__code=filters.type_code)
    if filters.unit_id is not None:
        records = records.filter(draft__unit_id=filters.unit_id)
    if filters.status is not None:
        records = records.filter(status=filters.status)
    return keyset_page(records, sort_field="id", cursor=cursor, limit=PAGE_SIZE, descending=True)


def agency_units(actor: User) -> QuerySet[OrgUnit]:
    """Return the units of the actor's agency (recipients and register filter)."""
    return OrgUnit.objects.filter(agency_id=actor.agency_id or 0).order_by("name", "pk")


def agency_people(actor: User) -> QuerySet[User]:
    """Return the active people of the actor's agency (recipients)."""
    return User.objects.filter(agency_id=actor.agency_id or 0, is_active=True).order_by(
        "full_name", "pk"
    )


def other_agencies(actor: User) -> QuerySet[Agency]:
    """Return the other active agencies of the installation (recipients by exchange)."""
    return (
        Agency.objects.filter(status=AgencyStatus.ACTIVE)
        .exclude(pk=actor.agency_id or 0)
        .order_by("name", "pk")
    )


def next_number(book: RegisterBook, year: int) -> int:
    """Return the number the next issue in ``book`` would take this year (for the confirmation)."""
    last = Sequence.objects.filter(book=book, year=year).values_list("last_number", flat=True)
    return (last.first() or 0) + 1


def record_of_draft(draft: OutgoingDraft) -> OutgoingRecord | None:
    """Return the record an issued draft became (None before issue)."""
    return OutgoingRecord.objects.filter(draft=draft).first()


def copies_of(outgoing: OutgoingRecord) -> QuerySet[CopyRecord]:
    """Return the numbered copies made of a (visible) record, oldest first."""
    return CopyRecord.objects.filter(source_id=outgoing.document_id).order_by("pk")


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """A separate attachment (appendix) of a record and its signed file, once signed."""

    original: Attachment
    signed: Attachment | None

    @property
    def signable(self) -> bool:
        """Only a PDF takes the attachment signature."""
        return self.original.blob.media_type == PDF


def appendices_of(outgoing: OutgoingRecord) -> list[AppendixRow]:
    """Return the separate attachments of a (visible) record with their signed files, in order."""
    rows = Attachment.objects.filter(document_id=outgoing.document_id).filter(
        Q(role=AttachmentRole.APPENDIX) | Q(derived_from__role=AttachmentRole.APPENDIX)
    )
    signed = {row.derived_from_id: row for row in rows if row.role == AttachmentRole.SIGNED}
    return [
        AppendixRow(row, signed.get(row.pk))
        for row in rows.select_related("blob").order_by("pk")
        if row.role == AttachmentRole.APPENDIX
    ]
