"""Hand-over due dates, the notice 30 days before (once), and kept-back dossiers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vanthu.accounts.models import User
from vanthu.archive.due import due_soon, handover_due_notify, handover_due_of, overdue_dossiers
from vanthu.archive.errors import (
    HandoverDossierOpenError,
    KeptBackExistsError,
    KeptBackTooLongError,
)
from vanthu.archive.kept_back import kept_back_for, kept_back_record
from vanthu.archive.services import handover_submit
from vanthu.archive.tasks import notify_handover_due
from vanthu.archive.tests.builders import dossier_make
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.dossiers.enums import Retention
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.notification_models import Notification, NotificationKind

pytestmark = pytest.mark.django_db

END = dt.date(2025, 9, 21)


def test_due_one_year_after_the_end_construction_three_months_after_settlement(
    office: Office,
) -> None:
    plain = dossier_make(office.specialist_a, code="01.TCCB")
    assert plain.end_date == END
    assert plain.handover_due == handover_due_of(plain) == dt.date(2026, 9, 21)
    works = dossier_make(
        office.specialist_a,
        code="02.XDCB",
        is_construction=True,
        settlement_date=dt.date(2025, 11, 30),
    )
    assert handover_due_of(works) == dt.date(2026, 2, 28)


def test_notice_30_days_before_to_creator_and_archivist_once(
    office: Office, archivist: User
) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    dossier_make(office.specialist_a, code="02.TCCB", retention=Retention.UNTIL_EXPIRED)
    dossier_make(office.specialist_a, code="03.TCCB", close=False)
    assert handover_due_notify(on=dt.date(2026, 8, 21)) == 0
    assert handover_due_notify(on=dt.date(2026, 8, 22)) == 2
    notices = Notification.objects.filter(kind=NotificationKind.DUE_SOON, target_type="dossier")
    assert {(n.recipient_id, n.target_id) for n in notices} == {
        (office.specialist_a.pk, dossier.pk),
        (archivist.pk, dossier.pk),
    }
    assert "21/09/2026" in notices.first().title  # type: ignore[union-attr]
    # Again the same day, the next day, and through the task: nothing new.
    assert handover_due_notify(on=dt.date(2026, 8, 22)) == 0
    assert handover_due_notify(on=dt.date(2026, 8, 23)) == 0
    assert notify_handover_due.call("2026-08-24") == 0
    event = AuditEvent.objects.get(action="archive.handover_due_notified")
    assert event.data["dossiers"] == [dossier.pk]


def test_a_submitted_dossier_is_not_due_nor_overdue(office: Office) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    day = dt.date(2026, 10, 1)
    assert list(overdue_dossiers(on=day)) == [dossier]
    handover_submit(actor=office.specialist_a, dossier_ids=[dossier.pk])
    assert not overdue_dossiers(on=day).exists()
    assert not due_soon(on=day).exists()


def test_kept_back_with_consent_at_most_two_years(office: Office, archivist: User) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    args: dict[str, Any] = {
        "dossier": dossier,
        "reason": "Còn sử dụng để giải quyết khiếu nại",
        "consent_reference": "Công văn số 15/SNV-VP",
        "consent_date": dt.date(2026, 9, 1),
    }
    with pytest.raises(PermissionDeniedError):
        kept_back_record(actor=office.head_a, kept_until=dt.date(2027, 9, 21), **args)
    with pytest.raises(KeptBackTooLongError) as caught:
        kept_back_record(actor=office.leader, kept_until=dt.date(2028, 9, 22), **args)
    assert "02 năm" in caught.value.message
    with pytest.raises(InvalidInputError):
        kept_back_record(actor=office.leader, kept_until=dt.date(2026, 9, 21), **args)
    kept = kept_back_record(actor=office.leader, kept_until=dt.date(2028, 9, 21), **args)
    assert handover_due_of(dossier) == dt.date(2028, 9, 21)
    assert not overdue_dossiers(on=dt.date(2027, 1, 1)).exists()
    assert list(overdue_dossiers(on=dt.date(2028, 10, 1))) == [dossier]
    assert handover_due_notify(on=dt.date(2026, 9, 1)) == 0
    assert list(kept_back_for(actor=archivist)) == [kept]
    assert list(kept_back_for(actor=office.specialist_a)) == []
    with pytest.raises(KeptBackExistsError):
        kept_back_record(actor=office.leader, kept_until=dt.date(2027, 9, 21), **args)
    assert AuditEvent.objects.filter(action="archive.kept_back_recorded").count() == 1


def test_kept_back_refuses_an_open_dossier(office: Office) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB", close=False)
    with pytest.raises(HandoverDossierOpenError):
        kept_back_record(
            actor=office.leader,
            dossier=dossier,
            reason="x",
            kept_until=dt.date(2027, 1, 1),
            consent_reference="CV 1",
            consent_date=dt.date(2026, 1, 1),
        )


def test_the_command_refuses_a_bad_date_in_vietnamese() -> None:
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("send_handover_notices", "--date", "25/11/2026")
