"""Submit a batch, the archivist accepts or returns it; refusals with clear errors."""

from __future__ import annotations

import pytest

from vanthu.accounts.models import User
from vanthu.archive.enums import HandoverStatus, ItemCheck
from vanthu.archive.errors import (
    HandoverAlreadyError,
    HandoverCheckFailedError,
    HandoverDossierOpenError,
    HandoverDossierUnknownError,
    HandoverEmptyError,
    HandoverReasonMissingError,
    HandoverShortRetentionError,
    HandoverStateError,
)
from vanthu.archive.models import Handover
from vanthu.archive.selectors import handover_get_for, handovers_visible_for, holdings_for
from vanthu.archive.services import handover_accept, handover_return, handover_submit
from vanthu.archive.tests.builders import archivist_make, dossier_make
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.dossiers.enums import DossierStatus, Retention
from vanthu.dossiers.errors import DossierClosedError
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.selectors import dossier_get_for
from vanthu.dossiers.services import dossier_document_add
from vanthu.dossiers.tests.factories import document_make
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.notification_models import Notification

pytestmark = pytest.mark.django_db


def _submitted(office: Office, *codes: str) -> Handover:
    dossiers = [dossier_make(office.specialist_a, code=code) for code in codes]
    return handover_submit(actor=office.specialist_a, dossier_ids=[d.pk for d in dossiers])


def test_submit_lists_the_dossiers_in_code_order_and_tells_the_archivist(
    office: Office, archivist: User
) -> None:
    second = dossier_make(office.specialist_a, code="02.TCCB", pages=4)
    first = dossier_make(office.specialist_a, code="01.TCCB", retention=Retention.PERMANENT)
    handover = handover_submit(
        actor=office.specialist_a, dossier_ids=[second.pk, first.pk, second.pk]
    )
    items = list(handover.items.order_by("ordinal"))
    assert [(item.ordinal, item.code) for item in items] == [(1, "01.TCCB"), (2, "02.TCCB")]
    assert items[1].page_total == 8 and items[1].doc_total == 2
    assert handover.status == HandoverStatus.SUBMITTED
    assert handover.unit == office.unit_a and handover.inventory is not None
    assert "Phòng Tổ chức" in handover.title and "2025" in handover.title
    notice = Notification.objects.get(recipient=archivist, target_type="handover")
    assert notice.target_id == handover.pk and notice.link == f"/nop-luu/{handover.pk}/"
    event = AuditEvent.objects.get(action="archive.handover_submitted")
    assert event.data["dossiers"] == [first.pk, second.pk]
    first.refresh_from_db()
    assert first.status == DossierStatus.CLOSED


def test_submit_refuses_an_open_dossier_naming_it(office: Office) -> None:
    closed = dossier_make(office.specialist_a, code="01.TCCB")
    still_open = dossier_make(office.specialist_a, code="02.TCCB", close=False)
    with pytest.raises(HandoverDossierOpenError) as caught:
        handover_submit(actor=office.specialist_a, dossier_ids=[closed.pk, still_open.pk])
    assert caught.value.code == "handover_dossier_open"
    assert caught.value.fields["dossier_ids"] == [f"02.TCCB - {still_open.title}"]
    assert "chưa kết thúc" in caught.value.message
    assert not Handover.objects.exists()


def test_submit_refuses_a_short_retention_dossier(office: Office) -> None:
    short = dossier_make(office.specialist_a, code="03.TCCB", retention=Retention.UNTIL_EXPIRED)
    with pytest.raises(HandoverShortRetentionError) as caught:
        handover_submit(actor=office.specialist_a, dossier_ids=[short.pk])
    assert "05 năm" in caught.value.message


def test_submit_refuses_another_agencys_dossier(office: Office, other_office: Office) -> None:
    foreign = dossier_make(other_office.specialist_a, code="01.TCCB")
    with pytest.raises(HandoverDossierUnknownError) as caught:
        handover_submit(actor=office.specialist_a, dossier_ids=[foreign.pk])
    assert caught.value.status == 404
    assert caught.value.fields["dossier_ids"] == [str(foreign.pk)]


def test_submit_refuses_someone_elses_dossier_and_an_empty_batch(office: Office) -> None:
    theirs = dossier_make(office.specialist_a2, code="01.TCCB")
    with pytest.raises(HandoverDossierUnknownError):
        handover_submit(actor=office.specialist_a, dossier_ids=[theirs.pk])
    with pytest.raises(HandoverEmptyError):
        handover_submit(actor=office.specialist_a, dossier_ids=[])
    # The unit head may hand over the unit's dossiers.
    handover = handover_submit(actor=office.head_a, dossier_ids=[theirs.pk])
    assert handover.submitted_by == office.head_a


def test_submit_refuses_a_dossier_pending_or_handed_over(office: Office, archivist: User) -> None:
    handover = _submitted(office, "01.TCCB")
    dossier_id = handover.items.get().dossier_id
    with pytest.raises(HandoverAlreadyError):
        handover_submit(actor=office.specialist_a, dossier_ids=[dossier_id])
    handover_accept(actor=archivist, handover=handover)
    with pytest.raises(HandoverAlreadyError):
        handover_submit(actor=office.specialist_a, dossier_ids=[dossier_id])


def test_accept_makes_holdings_read_only_and_visible_to_the_archivist(
    office: Office, archivist: User
) -> None:
    handover = _submitted(office, "01.TCCB", "02.TCCB")
    dossier = handover.items.first().dossier  # type: ignore[union-attr]
    assert list(holdings_for(actor=archivist)) == []
    with pytest.raises(NotFoundError):
        dossier_get_for(actor=archivist, pk=dossier.pk)
    accepted = handover_accept(actor=archivist, handover=handover, note="Đầy đủ")
    assert accepted.status == HandoverStatus.ACCEPTED and accepted.archivist == archivist
    assert accepted.minutes is not None and accepted.decided_at is not None
    assert set(accepted.items.values_list("check_result", flat=True)) == {ItemCheck.PASSED}
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.HANDED_OVER
    assert dossier_get_for(actor=archivist, pk=dossier.pk) == dossier
    assert len(holdings_for(actor=archivist)) == 2
    document = document_make(office.agency)
    with pytest.raises(DossierClosedError):
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=document.pk)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"archive.handover_accepted", "dossiers.handed_over"} <= actions
    with pytest.raises(HandoverStateError):
        handover_accept(actor=archivist, handover=handover)


def test_only_an_archivist_of_the_agency_accepts(
    office: Office, other_office: Office, archivist: User
) -> None:
    handover = _submitted(office, "01.TCCB")
    for outsider in (office.leader, office.specialist_a):
        with pytest.raises(PermissionDeniedError):
            handover_accept(actor=outsider, handover=handover)
    with pytest.raises(PermissionDeniedError):
        handover_accept(actor=archivist_make(other_office), handover=handover)


def test_accept_checks_each_dossier_against_the_inventory(office: Office, archivist: User) -> None:
    handover = _submitted(office, "01.TCCB", "02.TCCB")
    changed = handover.items.get(code="02.TCCB").dossier
    Dossier.objects.filter(pk=changed.pk).update(title="Tiêu đề sửa sau khi nộp lưu")
    with pytest.raises(HandoverCheckFailedError) as caught:
        handover_accept(actor=archivist, handover=handover)
    assert caught.value.fields["items"][0].startswith("02.TCCB:")
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SUBMITTED


def test_return_gives_reasons_per_dossier_and_frees_them(office: Office, archivist: User) -> None:
    handover = _submitted(office, "01.TCCB", "02.TCCB")
    wrong = handover.items.get(code="02.TCCB")
    with pytest.raises(HandoverReasonMissingError):
        handover_return(actor=archivist, handover=handover, reasons={wrong.dossier_id: "  "})
    returned = handover_return(
        actor=archivist,
        handover=handover,
        reasons={wrong.dossier_id: "Thiếu văn bản số 12"},
        note="Bổ sung rồi nộp lại",
    )
    assert returned.status == HandoverStatus.RETURNED
    checks = dict(returned.items.values_list("code", "check_result"))
    assert checks == {"01.TCCB": ItemCheck.PASSED, "02.TCCB": ItemCheck.RETURNED}
    assert returned.items.get(code="02.TCCB").reason == "Thiếu văn bản số 12"
    assert Notification.objects.filter(
        recipient=office.specialist_a, target_type="handover", target_id=handover.pk
    ).exists()
    ids = list(returned.items.values_list("dossier_id", flat=True))
    again = handover_submit(actor=office.specialist_a, dossier_ids=ids)
    assert again.items.count() == 2


def test_visibility_of_batches(office: Office, archivist: User) -> None:
    handover = _submitted(office, "01.TCCB")
    for viewer in (office.specialist_a, office.head_a, office.leader, archivist):
        assert handover_get_for(actor=viewer, pk=handover.pk) == handover
    for stranger in (office.specialist_a2, office.head_b):
        assert not handovers_visible_for(actor=stranger).exists()
        with pytest.raises(NotFoundError):
            handover_get_for(actor=stranger, pk=handover.pk)
