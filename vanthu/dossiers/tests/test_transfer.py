"""Handing a leaver's dossiers to a colleague: who may, to whom, what moves, the audit."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, PermissionDeniedError
from vanthu.dossiers.enums import DossierStatus, Retention
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.permissions import may_write
from vanthu.dossiers.selectors import dossiers_visible_for
from vanthu.dossiers.tests.factories import dossier_with_document
from vanthu.dossiers.transfer import (
    TransferClearanceError,
    TransferReceiverError,
    dossiers_transfer,
)
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def _admin(office: Office) -> User:
    return make_user(agency=office.agency, unit=office.unit_b, roles=[Role.AGENCY_ADMIN])


def _dossier(creator: User, code: str, *, close: bool = False, secret: bool = False) -> Dossier:
    return dossier_with_document(
        creator,
        code,
        close=close,
        retention=Retention.Y10,
        issued_date=dt.date(2025, 5, 6),
        confidentiality=Clearance.CONFIDENTIAL if secret else 0,
    )


def _creators(*dossiers: Dossier) -> list[int]:
    return [Dossier.objects.get(pk=d.pk).creator_id for d in dossiers]


class TestTransfer:
    def test_moves_every_held_dossier_and_audits_each(self, office: Office) -> None:
        leaver, colleague = office.specialist_a, office.specialist_a2
        open_one = _dossier(leaver, "01.TCCB")
        closed_one = _dossier(leaver, "02.TCCB", close=True)
        not_hers = _dossier(office.specialist_b, "03.TCCB")
        moved = dossiers_transfer(
            actor=_admin(office), from_user=leaver, to_user=colleague, reason="Nghỉ hưu"
        )
        assert [d.code for d in moved] == ["01.TCCB", "02.TCCB"]
        assert _creators(open_one, closed_one, not_hers) == [
            colleague.pk,
            colleague.pk,
            office.specialist_b.pk,
        ]
        assert Dossier.objects.get(pk=closed_one.pk).status == DossierStatus.CLOSED
        events = AuditEvent.objects.filter(action="dossiers.transferred").order_by("pk")
        assert [e.target_id for e in events] == [str(open_one.pk), str(closed_one.pk)]
        assert events[0].data == {
            "from_user": leaver.pk,
            "to_user": colleague.pk,
            "reason": "Nghỉ hưu",
        }
        assert may_write(colleague, Dossier.objects.get(pk=open_one.pk))
        assert not dossiers_visible_for(actor=leaver).filter(pk=open_one.pk).exists()

    def test_only_the_agency_administrator(self, office: Office, other_office: Office) -> None:
        _dossier(office.specialist_a, "01.TCCB")
        for outsider in (office.leader, office.head_a, office.specialist_a, _admin(other_office)):
            with pytest.raises(PermissionDeniedError):
                dossiers_transfer(
                    actor=outsider,
                    from_user=office.specialist_a,
                    to_user=office.specialist_a2,
                    reason="Chuyển công tác",
                )
        assert not AuditEvent.objects.filter(action="dossiers.transferred").exists()

    def test_receiver_must_be_another_active_colleague(
        self, office: Office, other_office: Office
    ) -> None:
        admin = _admin(office)
        _dossier(office.specialist_a, "01.TCCB")
        gone = make_user(agency=office.agency, is_active=False)
        for receiver in (office.specialist_a, gone, other_office.specialist_a):
            with pytest.raises(TransferReceiverError):
                dossiers_transfer(
                    actor=admin, from_user=office.specialist_a, to_user=receiver, reason="Nghỉ"
                )
        with pytest.raises(InvalidInputError) as caught:
            dossiers_transfer(
                actor=admin, from_user=office.specialist_a, to_user=office.specialist_b, reason=" "
            )
        assert "reason" in caught.value.fields

    def test_refused_when_the_receiver_may_not_read_a_dossier(self, office: Office) -> None:
        leaver = make_user(
            agency=office.agency, unit=office.unit_a, clearance=Clearance.CONFIDENTIAL
        )
        secret = _dossier(leaver, "01.MAT", secret=True)
        _dossier(leaver, "02.TCCB")
        with pytest.raises(TransferClearanceError) as caught:
            dossiers_transfer(
                actor=_admin(office), from_user=leaver, to_user=office.specialist_a, reason="Nghỉ"
            )
        # the uncleared administrator reads the code only, never the title
        assert caught.value.fields["to_user"] == ["01.MAT (hồ sơ mật)"]
        assert set(_creators(secret)) == {leaver.pk}
        assert Dossier.objects.filter(creator=leaver).count() == 2
        moved = dossiers_transfer(
            actor=_admin(office), from_user=leaver, to_user=office.clerk, reason="Nghỉ"
        )
        assert len(moved) == 2
