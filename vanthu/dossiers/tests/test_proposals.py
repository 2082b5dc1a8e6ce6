"""One-click filing: proposals from keywords and the reply chain, confirmation, the worklist."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.dossiers.models import Dossier, DossierItem, FilePlanItem
from vanthu.dossiers.plan_services import file_plan_approve
from vanthu.dossiers.proposals import proposal_confirm, proposals_for
from vanthu.dossiers.services import dossier_open
from vanthu.dossiers.tests.factories import document_make, plan_make
from vanthu.dossiers.worklist import unfiled_for
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]
DAY = dt.date(2026, 3, 2)


def _handled(office: Office, *, reply: str | None = None, **changes: Any) -> IncomingRecord:
    """Register, assign to specialist A as lead, complete (with the reply reference)."""
    record = incoming_assign(
        actor=office.leader,
        incoming=office.register(issued_date=DAY, **changes),
        lead=Party(user=office.specialist_a),
        supports=[],
        informs=[],
    )
    return incoming_complete(actor=office.specialist_a, incoming=record, reply_reference=reply)


def _approved_item(office: Office) -> FilePlanItem:
    plan, _heading, item = plan_make(office.clerk)
    file_plan_approve(actor=office.leader, plan=plan)
    return item


class TestProposals:
    def test_keywords_of_the_plan_item_propose_opening_it(self, office: Office) -> None:
        item = _approved_item(office)
        handled = _handled(office)
        found = proposals_for(actor=office.specialist_a, document_id=handled.document_id)
        assert [(p.reason, p.dossier, p.plan_item) for p in found] == [("keywords", None, item)]

    def test_a_draft_plan_proposes_nothing(self, office: Office) -> None:
        plan_make(office.clerk)
        handled = _handled(office)
        assert proposals_for(actor=office.specialist_a, document_id=handled.document_id) == []

    def test_one_click_opens_the_dossier_then_the_reply_goes_to_it(self, office: Office) -> None:
        item = _approved_item(office)
        handled = _handled(office, reply="130/STN-VP")
        assert list(unfiled_for(actor=office.specialist_a)) == [handled.document]
        filed = proposal_confirm(
            actor=office.specialist_a, document_id=handled.document_id, plan_item_id=item.pk
        )
        dossier = filed.dossier
        assert (dossier.code, dossier.creator, dossier.plan_item) == (
            "01.TCCB",
            office.specialist_a,
            item,
        )
        assert not unfiled_for(actor=office.specialist_a).exists()
        reply = document_make(
            office.agency, code_number="130", code_notation="STN-VP", subject="Trả lời"
        )
        found = proposals_for(actor=office.specialist_a, document_id=reply.pk)
        assert (found[0].reason, found[0].dossier) == ("reply_chain", dossier)
        proposal_confirm(actor=office.specialist_a, document_id=reply.pk, dossier_id=dossier.pk)
        assert list(
            DossierItem.objects.filter(dossier=dossier).values_list("document", "ordinal")
        ) == [(handled.document_id, 1), (reply.pk, 2)]
        assert Dossier.objects.count() == 1

    def test_the_thread_of_a_colleague_proposes_the_same_plan_item(self, office: Office) -> None:
        item = _approved_item(office)
        theirs = dossier_open(actor=office.specialist_a2, plan_item=item)
        earlier = document_make(office.agency, code_number="77", code_notation="UBND-VP")
        proposal_confirm(actor=office.specialist_a2, document_id=earlier.pk, dossier_id=theirs.pk)
        later = _handled(office, reply="77/UBND-VP", subject="Đề nghị bổ sung hồ sơ")
        found = proposals_for(actor=office.specialist_a, document_id=later.document_id)
        assert [(p.reason, p.dossier, p.plan_item) for p in found] == [
            ("thread_plan_item", None, item)
        ]

    def test_confirm_needs_exactly_one_target_and_a_visible_document(
        self, office: Office, other_office: Office
    ) -> None:
        item = _approved_item(office)
        handled = _handled(office)
        with pytest.raises(InvalidInputError):
            proposal_confirm(actor=office.specialist_a, document_id=handled.document_id)
        foreign = document_make(other_office.agency)
        with pytest.raises(NotFoundError):
            proposal_confirm(
                actor=office.specialist_a, document_id=foreign.pk, plan_item_id=item.pk
            )
        with pytest.raises(NotFoundError):
            proposals_for(actor=office.specialist_a, document_id=foreign.pk)


class TestWorklist:
    def test_only_what_the_person_handled_and_did_not_file(self, office: Office) -> None:
        mine = _handled(office)
        office.register(issued_date=DAY)  # registered, not handled by anyone
        assert list(unfiled_for(actor=office.specialist_a)) == [mine.document]
        assert not unfiled_for(actor=office.specialist_a2).exists()
        # Filed by someone else: still on my list (each person files their own copy).
        theirs = dossier_open(
            actor=office.specialist_a2, title="Hồ sơ khác", code="09.VP", retention="10"
        )
        proposal_confirm(
            actor=office.specialist_a2, document_id=mine.document_id, dossier_id=theirs.pk
        )
        assert list(unfiled_for(actor=office.specialist_a)) == [mine.document]


def test_another_agencys_dossier_of_a_shared_document_is_never_proposed(
    office: Office, other_office: Office
) -> None:
    """GIVEN a document filed by another agency too (documents are shared, never copied)
    WHEN a reply to it is proposed in this agency THEN their dossier and plan item stay hidden."""
    _plan, _heading, their_item = plan_make(other_office.clerk)
    theirs = dossier_open(actor=other_office.specialist_a, plan_item=their_item)
    shared = document_make(office.agency, code_number="88", code_notation="SNV-VP")
    DossierItem.objects.create(
        dossier=theirs, document=shared, ordinal=1, pages=1, added_by=other_office.specialist_a
    )
    reply = _handled(office, reply="88/SNV-VP", subject="Phúc đáp")
    assert proposals_for(actor=office.specialist_a, document_id=reply.document_id) == []
