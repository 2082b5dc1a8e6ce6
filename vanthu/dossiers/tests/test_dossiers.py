"""Dossiers: open, add documents once, numbering and totals, confidentiality, close, reopen."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.enums import Clearance
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.documents.enums import Confidentiality
from vanthu.documents.models import Document
from vanthu.dossiers.closing import dossier_close, dossier_reopen
from vanthu.dossiers.enums import DossierStatus, Retention
from vanthu.dossiers.errors import (
    DocumentAlreadyFiledError,
    DossierClosedError,
    DossierCodeExistsError,
    DossierEmptyError,
    DossierHasDraftsError,
    DossierHasDuplicatesError,
)
from vanthu.dossiers.models import Dossier, DossierItem
from vanthu.dossiers.selectors import dossier_get_for, dossiers_visible_for
from vanthu.dossiers.services import dossier_document_add, dossier_document_remove, dossier_open
from vanthu.dossiers.tests.factories import document_make, plan_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def _open(office: Office, **kwargs: object) -> Dossier:
    values: dict[str, object] = {
        "title": "Hồ sơ tiếp dân năm 2026",
        "code": "05.VP",
        "retention": Retention.Y10,
    }
    values.update(kwargs)
    return dossier_open(actor=office.specialist_a, **values)  # type: ignore[arg-type]


class TestOpen:
    def test_from_a_plan_item_takes_its_code_title_and_retention(self, office: Office) -> None:
        _plan, _heading, item = plan_make(office.clerk)
        dossier = dossier_open(actor=office.specialist_a, plan_item=item)
        assert (dossier.code, dossier.title, dossier.retention) == (
            "01.TCCB",
            item.title,
            Retention.Y20,
        )
        assert (dossier.creator, dossier.unit, dossier.year) == (
            office.specialist_a,
            office.unit_a,
            2026,
        )
        assert dossier.status == DossierStatus.OPEN
        assert AuditEvent.objects.filter(action="dossiers.opened").count() == 1

    def test_outside_the_plan_needs_title_code_and_retention(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as caught:
            dossier_open(actor=office.specialist_a, title="Hồ sơ", code="X1")
        assert "retention" in caught.value.fields
        with pytest.raises(InvalidInputError) as caught:
            _open(office, title="  ")
        assert "title" in caught.value.fields

    def test_a_code_used_twice_in_a_year_is_refused(self, office: Office) -> None:
        _open(office)
        with pytest.raises(DossierCodeExistsError):
            _open(office, title="Khác")
        assert Dossier.objects.count() == 1

    def test_another_agencys_plan_item_is_not_found(
        self, office: Office, other_office: Office
    ) -> None:
        _plan, _heading, item = plan_make(office.clerk)
        with pytest.raises(NotFoundError):
            dossier_open(actor=other_office.specialist_a, plan_item=item)


class TestAdd:
    def test_documents_are_numbered_in_order_with_page_totals(self, office: Office) -> None:
        dossier = _open(office)
        first = document_make(office.agency, pages=3)
        second = document_make(office.agency, pages=4)
        items = [
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=d.pk)
            for d in (first, second)
        ]
        assert [i.ordinal for i in items] == [1, 2]
        dossier.refresh_from_db()
        assert (dossier.doc_total, dossier.page_total) == (2, 7)

    def test_one_document_in_dossiers_of_two_people_is_never_copied(self, office: Office) -> None:
        document = document_make(office.agency)
        mine = _open(office)
        theirs = dossier_open(
            actor=office.specialist_a2, title="Hồ sơ khác", code="06.VP", retention="10"
        )
        dossier_document_add(actor=office.specialist_a, dossier=mine, document_id=document.pk)
        dossier_document_add(actor=office.specialist_a2, dossier=theirs, document_id=document.pk)
        assert Document.objects.count() == 1
        assert set(DossierItem.objects.values_list("document_id", flat=True)) == {document.pk}
        with pytest.raises(DocumentAlreadyFiledError):
            dossier_document_add(actor=office.specialist_a, dossier=mine, document_id=document.pk)

    def test_another_agencys_document_is_not_found(
        self, office: Office, other_office: Office
    ) -> None:
        dossier = _open(office)
        foreign = document_make(other_office.agency)
        with pytest.raises(NotFoundError):
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=foreign.pk)
        assert not DossierItem.objects.exists()

    def test_only_the_creator_or_the_unit_head_writes(self, office: Office) -> None:
        dossier = _open(office)
        document = document_make(office.agency)
        for outsider in (office.specialist_a2, office.head_b, office.leader):
            with pytest.raises(PermissionDeniedError):
                dossier_document_add(actor=outsider, dossier=dossier, document_id=document.pk)
        dossier_document_add(actor=office.head_a, dossier=dossier, document_id=document.pk)

    def test_a_confidential_document_raises_the_dossiers_level(self, office: Office) -> None:
        office.specialist_a.clearance = Clearance.CONFIDENTIAL
        office.specialist_a.save(update_fields=["clearance"])
        dossier = _open(office)
        assert dossier_get_for(actor=office.head_a, pk=dossier.pk) == dossier
        secret = document_make(office.agency, confidentiality=Confidentiality.CONFIDENTIAL)
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=secret.pk)
        dossier.refresh_from_db()
        assert dossier.confidentiality == Confidentiality.CONFIDENTIAL
        # The unit head has no clearance: the dossier disappears for them; the leader has one.
        with pytest.raises(NotFoundError):
            dossier_get_for(actor=office.head_a, pk=dossier.pk)
        assert dossier_get_for(actor=office.leader, pk=dossier.pk) == dossier
        event = AuditEvent.objects.get(action="dossiers.document_added")
        assert event.data["level_raised"] is True

    def test_an_uncleared_creator_cannot_file_a_confidential_document(self, office: Office) -> None:
        dossier = _open(office)
        secret = document_make(office.agency, confidentiality=Confidentiality.CONFIDENTIAL)
        with pytest.raises(NotFoundError):
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=secret.pk)

    def test_removing_renumbers(self, office: Office) -> None:
        dossier = _open(office)
        docs = [document_make(office.agency, pages=1) for _ in range(3)]
        for doc in docs:
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
        dossier_document_remove(actor=office.specialist_a, dossier=dossier, document_id=docs[0].pk)
        rows = list(DossierItem.objects.filter(dossier=dossier).values_list("document", "ordinal"))
        assert rows == [(docs[1].pk, 1), (docs[2].pk, 2)]
        dossier.refresh_from_db()
        assert (dossier.doc_total, dossier.page_total) == (2, 2)


class TestVisibility:
    def test_creator_unit_head_and_leaders_see_it_others_do_not(
        self, office: Office, other_office: Office
    ) -> None:
        dossier = _open(office)
        for viewer in (office.specialist_a, office.head_a, office.leader):
            assert list(dossiers_visible_for(actor=viewer)) == [dossier]
        for stranger in (office.specialist_a2, office.head_b, office.clerk, other_office.leader):
            assert not dossiers_visible_for(actor=stranger).exists()


class TestClose:
    def test_an_empty_dossier_cannot_be_closed(self, office: Office) -> None:
        dossier = _open(office)
        with pytest.raises(DossierEmptyError) as caught:
            dossier_close(actor=office.specialist_a, dossier=dossier, retention=Retention.Y10)
        assert caught.value.message == "Hồ sơ chưa có văn bản nào, không thể kết thúc."

    def test_drafts_and_duplicates_must_go_first(self, office: Office) -> None:
        dossier = _open(office)
        draft = document_make(office.agency)
        dossier_document_add(
            actor=office.specialist_a, dossier=dossier, document_id=draft.pk, is_draft=True
        )
        with pytest.raises(DossierHasDraftsError):
            dossier_close(actor=office.specialist_a, dossier=dossier, retention=Retention.Y10)
        dossier_document_remove(actor=office.specialist_a, dossier=dossier, document_id=draft.pk)
        one = document_make(office.agency, code_number="7", code_notation="BC-SNV")
        two = document_make(office.agency, code_number="7", code_notation="bc-snv")
        for doc in (one, two):
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
        with pytest.raises(DossierHasDuplicatesError) as caught:
            dossier_close(actor=office.specialist_a, dossier=dossier, retention=Retention.Y10)
        assert caught.value.fields == {"items": ["1, 2"]}

    def test_close_computes_dates_totals_note_and_handover_due(self, office: Office) -> None:
        dossier = _open(office)
        for day, pages in ((dt.date(2026, 5, 2), 2), (dt.date(2026, 2, 1), 3)):
            doc = document_make(office.agency, issued_date=day, pages=pages)
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
        closed = dossier_close(
            actor=office.specialist_a,
            dossier=dossier,
            retention=Retention.PERMANENT,
            note="Đầy đủ",
        )
        assert closed.status == DossierStatus.CLOSED
        assert (closed.start_date, closed.end_date) == (dt.date(2026, 2, 1), dt.date(2026, 5, 2))
        assert (closed.doc_total, closed.page_total) == (2, 5)
        assert closed.retention == Retention.PERMANENT
        assert closed.handover_due == dt.date(2027, 5, 2)
        assert "2 văn bản, 5 trang" in closed.closing_note
        assert "Mục lục văn bản" in closed.closing_note
        assert AuditEvent.objects.filter(action="dossiers.closed").count() == 1

    def test_a_closed_dossier_is_read_only_until_reopened_with_a_reason(
        self, office: Office
    ) -> None:
        dossier = _open(office)
        doc = document_make(office.agency)
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
        dossier_close(actor=office.specialist_a, dossier=dossier, retention=Retention.Y10)
        late = document_make(office.agency)
        with pytest.raises(DossierClosedError):
            dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=late.pk)
        with pytest.raises(InvalidInputError):
            dossier_reopen(actor=office.specialist_a, dossier=dossier, reason=" ")
        reopened = dossier_reopen(
            actor=office.specialist_a, dossier=dossier, reason="Bổ sung văn bản trả lời"
        )
        assert (reopened.status, reopened.handover_due) == (DossierStatus.OPEN, None)
        event = AuditEvent.objects.get(action="dossiers.reopened")
        assert event.data == {"reason": "Bổ sung văn bản trả lời"}
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=late.pk)

    def test_construction_dossiers_are_due_three_months_after_settlement(
        self, office: Office
    ) -> None:
        dossier = _open(office, is_construction=True)
        doc = document_make(office.agency)
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
        closed = dossier_close(
            actor=office.specialist_a,
            dossier=dossier,
            retention="50",
            settlement_date=dt.date(2026, 11, 30),
        )
        assert closed.handover_due == dt.date(2027, 2, 28)
