"""Every refusal: wrong role, other agency, uncleared, issue twice or unapproved, self-approval,
a failed PDF conversion (no number used, nothing issued), and copies in their own sequence."""

from __future__ import annotations

import pytest

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.documents.models import Document, NumberAllocation, Sequence
from vanthu.outgoing.enums import CopyForm, DraftStatus, ReviewDecision
from vanthu.outgoing.errors import (
    DraftAlreadyIssuedError,
    DraftNotApprovedError,
    DraftStateError,
    SelfApprovalForbiddenError,
)
from vanthu.outgoing.models import OutgoingPolicy, OutgoingRecord
from vanthu.outgoing.review import draft_approve, draft_format_check, draft_review, draft_submit
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.services import copy_make, draft_issue
from vanthu.outgoing.tests.factories import Office, draft_approved, draft_make

pytestmark = pytest.mark.django_db


def test_each_step_only_by_its_role(office: Office) -> None:
    draft = draft_make(office)
    with pytest.raises(PermissionDeniedError):
        draft_submit(actor=office.head, draft_id=draft.pk)  # not the author
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    with pytest.raises(PermissionDeniedError):
        draft_review(actor=office.clerk, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    with pytest.raises(PermissionDeniedError):
        draft_format_check(actor=office.leader, draft_id=draft.pk)
    draft_format_check(actor=office.clerk, draft_id=draft.pk)
    with pytest.raises(PermissionDeniedError):
        draft_approve(actor=office.clerk, draft_id=draft.pk)
    draft_approve(actor=office.leader, draft_id=draft.pk)
    with pytest.raises(PermissionDeniedError):
        draft_issue(actor=office.leader, draft_id=draft.pk)


def test_unit_head_of_another_unit_cannot_review(office: Office) -> None:
    draft = draft_make(office)
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    stranger = make_user(agency=office.agency, roles=[Role.UNIT_HEAD])
    with pytest.raises(NotFoundError):  # another unit's draft is not visible to them
        draft_review(actor=stranger, draft_id=draft.pk, decision=ReviewDecision.APPROVE)


def test_return_needs_a_comment_and_allows_a_new_submission(office: Office) -> None:
    draft = draft_make(office)
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    returned = draft_review(
        actor=office.head,
        draft_id=draft.pk,
        decision=ReviewDecision.RETURN,
        comment="Sửa trích yếu",
    )
    assert returned.status == DraftStatus.RETURNED
    assert draft_submit(actor=office.specialist, draft_id=draft.pk).status == DraftStatus.IN_REVIEW


def test_other_agency_sees_nothing(office: Office, other_office: Office) -> None:
    draft = draft_make(office)
    for actor in (other_office.clerk, other_office.leader, other_office.specialist):
        with pytest.raises(NotFoundError):
            draft_get_for(actor=actor, pk=draft.pk)
    with pytest.raises(NotFoundError):
        draft_issue(actor=other_office.clerk, draft_id=draft.pk)


def test_confidential_draft_hidden_from_uncleared(office: Office) -> None:
    drafter = make_user(
        agency=office.agency, unit=office.unit, roles=[Role.SPECIALIST], clearance=1
    )
    draft = draft_make(office, author=drafter, confidentiality="confidential")
    uncleared_clerk = make_user(agency=office.agency, roles=[Role.CLERK])
    with pytest.raises(NotFoundError):
        draft_get_for(actor=uncleared_clerk, pk=draft.pk)
    assert draft_get_for(actor=office.clerk, pk=draft.pk) == draft
    with pytest.raises(PermissionDeniedError):  # an uncleared drafter cannot create one
        draft_make(office, confidentiality="confidential")


def test_confidential_draft_numbered_in_the_secret_book(office: Office) -> None:
    drafter = make_user(
        agency=office.agency, unit=office.unit, roles=[Role.SPECIALIST], clearance=1
    )
    draft = draft_make(office, author=drafter, confidentiality="confidential")
    draft_submit(actor=drafter, draft_id=draft.pk)
    draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    draft_format_check(actor=office.clerk, draft_id=draft.pk)
    draft_approve(actor=office.leader, draft_id=draft.pk)
    record = draft_issue(actor=office.clerk, draft_id=draft.pk)
    assert record.register_book == office.secret_book
    assert record.number == 1


def test_issue_without_approval_and_twice(office: Office) -> None:
    draft = draft_make(office)
    with pytest.raises(DraftNotApprovedError):
        draft_issue(actor=office.clerk, draft_id=draft.pk)
    approved = draft_approved(office)
    draft_issue(actor=office.clerk, draft_id=approved.pk)
    with pytest.raises(DraftAlreadyIssuedError):
        draft_issue(actor=office.clerk, draft_id=approved.pk)
    assert OutgoingRecord.objects.filter(draft=approved).count() == 1
    assert NumberAllocation.objects.filter(book=office.outgoing_book).count() == 1


def test_self_approval_refused_unless_the_agency_allows_it(office: Office) -> None:
    draft = draft_make(office, author=office.head)
    draft_submit(actor=office.head, draft_id=draft.pk)
    draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    draft_format_check(actor=office.clerk, draft_id=draft.pk)
    # The unit head also leads the agency by delegation here: give the role directly.
    office.head.role_grants.create(role=Role.AGENCY_LEADER)
    head = office.head.__class__.objects.get(pk=office.head.pk)
    with pytest.raises(SelfApprovalForbiddenError):
        draft_approve(actor=head, draft_id=draft.pk)
    OutgoingPolicy.objects.create(agency=office.agency, forbid_self_approval=False)
    assert draft_approve(actor=head, draft_id=draft.pk).status == DraftStatus.APPROVED


def test_no_new_version_after_submission(office: Office) -> None:
    from vanthu.outgoing.services import DraftSource, draft_add_version
    from vanthu.outgoing.tests.factories import cong_van

    draft = draft_make(office)
    draft_add_version(
        actor=office.specialist,
        draft_id=draft.pk,
        source=DraftSource(content=cong_van(office, subject="Bản sửa")),
    )
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    with pytest.raises(DraftStateError):
        draft_add_version(
            actor=office.specialist, draft_id=draft.pk, source=DraftSource(content=cong_van(office))
        )


def test_failed_pdf_conversion_uses_no_number(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN LibreOffice is unavailable WHEN the clerk issues THEN nothing is issued and the
    number is not used: the next successful issue still gets number 1."""
    draft = draft_approved(office)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(Exception, match="LibreOffice") as caught:
        draft_issue(actor=office.clerk, draft_id=draft.pk)
    assert getattr(caught.value, "code", "") == "pdf_converter_missing"
    assert not NumberAllocation.objects.filter(book=office.outgoing_book).exists()
    assert not Sequence.objects.filter(book=office.outgoing_book, last_number__gt=0).exists()
    assert not Document.objects.filter(owner_agency=office.agency).exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.APPROVED
    monkeypatch.undo()
    assert draft_issue(actor=office.clerk, draft_id=draft.pk).number == 1


def test_copies_have_their_own_sequence(office: Office) -> None:
    record = draft_issue(actor=office.clerk, draft_id=draft_approved(office).pk)
    first = copy_make(actor=office.clerk, record_id=record.pk, form=CopyForm.TRUE_COPY)
    second = copy_make(
        actor=office.clerk, record_id=record.pk, form=CopyForm.EXTRACT, extract_note="Điều 2"
    )
    assert (first.number, first.code_notation, str(first)) == (1, "SY-SNV", "Số: 01/SY-SNV")
    assert (second.number, second.code_notation) == (2, "TrS-SNV")
    assert first.register_book == office.copy_book
    assert record.number == 1  # the outgoing book is untouched by copies
    with pytest.raises(PermissionDeniedError):
        copy_make(actor=office.specialist, record_id=record.pk, form=CopyForm.RE_COPY)


def test_postal_recipient_is_sent_when_posted(office: Office) -> None:
    from vanthu.outgoing.enums import DistributionKind, DistributionStatus
    from vanthu.outgoing.services import DistributionInput, distribution_post

    record = draft_issue(
        actor=office.clerk,
        draft_id=draft_approved(office).pk,
        distribution=[
            DistributionInput(
                kind=DistributionKind.POST,
                name="Báo Kiên Giang",
                postal_address="Rạch Giá, Kiên Giang",
            )
        ],
    )
    row = record.distributions.get()
    assert row.status == DistributionStatus.PENDING
    with pytest.raises(NotFoundError):
        distribution_post(actor=office.clerk, distribution_id=row.pk + 1000)
    posted = distribution_post(actor=office.clerk, distribution_id=row.pk, envelope_count=2)
    assert (posted.status, posted.envelope_count) == (DistributionStatus.SENT, 2)
