"""Test data for outgoing documents: an office (agency, unit, four roles, books) and drafts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.accounts.tests.factories import make_agency, make_unit, make_user
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.drafting.content import DraftContent, Paragraph
from vanthu.outgoing.drafts import DraftSource
from vanthu.outgoing.enums import ReviewDecision
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.review import draft_approve, draft_format_check, draft_review, draft_submit
from vanthu.outgoing.services import draft_create


@dataclass
class Office:
    agency: Agency
    unit: OrgUnit
    specialist: User
    head: User
    clerk: User
    leader: User
    outgoing_book: RegisterBook
    secret_book: RegisterBook
    copy_book: RegisterBook


def office_make() -> Office:
    agency = make_agency(
        name="Sở Nội vụ tỉnh Kiên Giang", abbreviation="SNV", place_name="Kiên Giang"
    )
    unit = make_unit(agency=agency, name="Văn phòng", abbreviation="VP")

    def person(role: Role, **extra: Any) -> User:
        return make_user(agency=agency, unit=unit, roles=[role], **extra)

    books = {
        kind: RegisterBook.objects.create(agency=agency, kind=kind, name=str(kind.label))
        for kind in (RegisterKind.OUTGOING, RegisterKind.SECRET_OUTGOING, RegisterKind.COPY)
    }
    return Office(
        agency=agency,
        unit=unit,
        specialist=person(Role.SPECIALIST, full_name="Trần Thị Hồng"),
        head=person(Role.UNIT_HEAD, full_name="Lê Văn Hùng", clearance=Clearance.CONFIDENTIAL),
        clerk=person(Role.CLERK, full_name="Phạm Thị Lan", clearance=Clearance.CONFIDENTIAL),
        leader=person(
            Role.AGENCY_LEADER,
            full_name="Nguyễn Văn Đức",
            position_title="Giám đốc",
            clearance=Clearance.CONFIDENTIAL,
        ),
        outgoing_book=books[RegisterKind.OUTGOING],
        secret_book=books[RegisterKind.SECRET_OUTGOING],
        copy_book=books[RegisterKind.COPY],
    )


def cong_van(office: Office, **overrides: Any) -> DraftContent:
    """Return a correct Công văn of the office (Annex III Mẫu 1.5)."""
    values: dict[str, Any] = {
        "type_code": "22",
        "superior_name": "UBND TỈNH KIÊN GIANG",
        "issuer_name": "SỞ NỘI VỤ",
        "issuer_abbreviation": office.agency.abbreviation,
        "unit_abbreviation": office.unit.abbreviation,
        "place_name": office.agency.place_name,
        "subject": "Kiểm tra công tác văn thư, lưu trữ năm 2026",
        "body": [
            Paragraph(
                text="Thực hiện Kế hoạch công tác năm 2026, Sở Nội vụ đề nghị các cơ quan "
                "chuẩn bị hồ sơ phục vụ kiểm tra công tác văn thư, lưu trữ."
            ),
            Paragraph(text="Đề nghị các cơ quan phối hợp thực hiện./."),
        ],
        "addressees": ["Ủy ban nhân dân các huyện, thành phố"],
        "recipients": ["Như trên", "Lãnh đạo Sở"],
        "archive_copies": 2,
        "authority": "KT.",
        "authority_body": "GIÁM ĐỐC",
        "signer_position": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn Đức",
        "drafter_initials": "TTH",
    }
    values.update(overrides)
    return DraftContent(**values)


def draft_make(office: Office, *, author: User | None = None, **overrides: Any) -> OutgoingDraft:
    return draft_create(
        actor=author or office.specialist, source=DraftSource(content=cong_van(office, **overrides))
    )


def receiver_office_make(name: str) -> Office:
    """Another agency of the installation called ``name``, with its incoming book."""
    office = office_make()
    office.agency.name = name
    office.agency.save(update_fields=["name"])
    RegisterBook.objects.create(agency=office.agency, kind=RegisterKind.INCOMING, name="Sổ đến")
    return office


def draft_format_checked(office: Office, **overrides: Any) -> OutgoingDraft:
    """Return a draft taken through review and format check, waiting for the leader."""
    draft = draft_make(office, **overrides)
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    draft_format_check(actor=office.clerk, draft_id=draft.pk)
    draft.refresh_from_db()
    return draft


def draft_approved(office: Office, **overrides: Any) -> OutgoingDraft:
    """Return a draft taken through review, format check and approval."""
    draft = draft_format_checked(office, **overrides)
    return draft_approve(actor=office.leader, draft_id=draft.pk)
