"""The whole path: specialist → unit head → clerk format check → leader → clerk issue."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import NumberAllocation
from vanthu.outgoing.drafting_io import blob_bytes, docx_paragraphs
from vanthu.outgoing.enums import DistributionKind, DraftStatus, ReviewDecision, SignatureState
from vanthu.outgoing.review import draft_approve, draft_format_check, draft_review, draft_submit
from vanthu.outgoing.services import DistributionInput, draft_issue, outgoing_deliver
from vanthu.outgoing.tests.factories import Office, draft_approved, draft_make

pytestmark = pytest.mark.django_db


class TestWholePath:
    def test_cong_van_from_draft_to_issued(self, office: Office) -> None:
        """GIVEN a Công văn drafted by a specialist
        WHEN it is reviewed, format-checked, approved and issued by the right roles
        THEN it has the first number of the outgoing book in its DOCX, PDF and metadata."""
        draft = draft_make(office)
        assert draft.status == DraftStatus.DRAFT
        draft_submit(actor=office.specialist, draft_id=draft.pk)
        draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
        findings = draft_format_check(actor=office.clerk, draft_id=draft.pk)
        assert not [f for f in findings if f.severity == "error"]
        approved = draft_approve(actor=office.leader, draft_id=draft.pk)
        assert approved.status == DraftStatus.APPROVED
        assert approved.signature_state == SignatureState.PAPER_SIGNED

        record = draft_issue(actor=office.clerk, draft_id=draft.pk)

        document = record.document
        assert (record.number, document.code_number, document.code_notation) == (1, "01", "SNV-VP")
        assert record.register_book == office.outgoing_book
        assert document.subject == "Kiểm tra công tác văn thư, lưu trữ năm 2026"
        assert document.signer_name == "Nguyễn Văn Đức"
        assert document.issuing_agency == office.agency
        text = "\n".join(docx_paragraphs(blob_bytes(record.original_blob)))
        assert "Số: 01/SNV-VP" in text
        pdf = PdfReader(io.BytesIO(blob_bytes(record.pdf_blob)))
        assert "01/SNV-VP" in pdf.pages[0].extract_text()
        assert document.page_amount == len(pdf.pages)
        roles = set(document.attachments.values_list("role", flat=True))
        assert roles == {AttachmentRole.ORIGINAL, AttachmentRole.PDFA}
        draft.refresh_from_db()
        assert draft.status == DraftStatus.ISSUED
        assert NumberAllocation.objects.filter(book=office.outgoing_book).count() == 1
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {
            "outgoing.draft_created",
            "outgoing.draft_submitted",
            "outgoing.draft_reviewed",
            "outgoing.draft_format_checked",
            "outgoing.draft_approved",
            "outgoing.issued",
        } <= actions

    def test_delivering_again_sends_and_records_nothing_new(self, office: Office) -> None:
        """The issue's own delivery ran; a second run (the queued task) has nothing pending."""
        record = draft_issue(
            actor=office.clerk,
            draft_id=draft_approved(office).pk,
            distribution=[DistributionInput(kind=DistributionKind.UNIT, unit_id=office.unit.pk)],
        )
        outgoing_deliver(actor=office.clerk, record_id=record.pk)
        outgoing_deliver(actor=office.clerk, record_id=record.pk)
        assert AuditEvent.objects.filter(action="outgoing.delivered").count() == 1
