"""Reopening a dossier that waits in a submitted hand-over batch is refused (the archive's
guard, registered from above); allowed again once the archivist returns the batch."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.api import api_client, post_json
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import ConflictError
from vanthu.dossiers import reopen_guards
from vanthu.dossiers.closing import dossier_reopen
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.tests.factories import dossier_with_document
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]

MESSAGE = "Hồ sơ đang nằm trong đợt nộp lưu chờ tiếp nhận; không thể mở lại."


def _dossier(creator: User, code: str, *, close: bool = True) -> Dossier:
    return dossier_with_document(creator, code, close=close, issued_date=dt.date(2025, 4, 2))


def _archivist(office: Office) -> User:
    return make_user(agency=office.agency, unit=office.unit_b, roles=[Role.ARCHIVIST])


def _status(dossier: Dossier) -> str:
    dossier.refresh_from_db()
    return dossier.status


class TestReopenWhileInHandover:
    def test_refused_while_submitted_then_allowed_after_return(self, office: Office) -> None:
        dossier = _dossier(office.specialist_a, "01.TCCB")
        me = api_client(office.specialist_a)
        batch = post_json(me, "/api/v1/handovers", {"dossier_ids": [dossier.pk]}, 201)

        refused = post_json(me, f"/api/v1/dossiers/{dossier.pk}/reopen", {"reason": "Bổ sung"}, 409)
        assert (refused["code"], refused["message"]) == ("dossier_in_handover", MESSAGE)
        assert _status(dossier) == DossierStatus.CLOSED
        assert not AuditEvent.objects.filter(action="dossiers.reopened").exists()

        post_json(
            api_client(_archivist(office)),
            f"/api/v1/handovers/{batch['id']}/return",
            {"reasons": [{"dossier_id": dossier.pk, "reason": "Thiếu văn bản"}]},
            200,
        )
        reopened = post_json(
            me, f"/api/v1/dossiers/{dossier.pk}/reopen", {"reason": "Bổ sung"}, 200
        )
        assert reopened["status"] == "open"
        assert AuditEvent.objects.filter(action="dossiers.reopened").count() == 1

    def test_the_page_shows_the_refusal(self, office: Office) -> None:
        dossier = _dossier(office.specialist_a, "02.TCCB")
        post_json(
            api_client(office.specialist_a), "/api/v1/handovers", {"dossier_ids": [dossier.pk]}, 201
        )
        client = Client()
        client.force_login(office.specialist_a)
        response = client.post(f"/ho-so/{dossier.pk}/mo-lai/", {"reason": "Sửa"}, follow=True)
        assert response.status_code == 200
        assert MESSAGE in response.content.decode()
        assert _status(dossier) == DossierStatus.CLOSED

    def test_other_batches_do_not_hold_a_dossier_back(self, office: Office) -> None:
        listed = _dossier(office.specialist_a, "03.TCCB")
        free = _dossier(office.specialist_a, "04.TCCB")
        post_json(
            api_client(office.specialist_a), "/api/v1/handovers", {"dossier_ids": [listed.pk]}, 201
        )
        dossier_reopen(actor=office.specialist_a, dossier=free, reason="Bổ sung văn bản")
        assert _status(free) == DossierStatus.OPEN


class TestOtherDirection:
    def test_an_open_dossier_cannot_be_submitted(self, office: Office) -> None:
        dossier = _dossier(office.specialist_a, "05.TCCB", close=False)
        refused = post_json(
            api_client(office.specialist_a), "/api/v1/handovers", {"dossier_ids": [dossier.pk]}, 409
        )
        assert refused["code"] == "handover_dossier_open"
        assert _status(dossier) == DossierStatus.OPEN


class _RefusalError(ConflictError):
    code = "test_refusal"


def _refuse(dossier: Dossier) -> None:
    if dossier.code.startswith("99"):
        raise _RefusalError


class TestRegistry:
    def test_a_registered_guard_runs_inside_reopen(self, office: Office) -> None:
        held = _dossier(office.specialist_a, "99.TCCB")
        other = _dossier(office.specialist_a, "06.TCCB")
        reopen_guards.register(_refuse)
        reopen_guards.register(_refuse)  # once only
        try:
            with pytest.raises(_RefusalError):
                dossier_reopen(actor=office.specialist_a, dossier=held, reason="Bổ sung")
            dossier_reopen(actor=office.specialist_a, dossier=other, reason="Bổ sung")
        finally:
            reopen_guards.unregister(_refuse)
        assert (_status(held), _status(other)) == (DossierStatus.CLOSED, DossierStatus.OPEN)
        dossier_reopen(actor=office.specialist_a, dossier=held, reason="Bổ sung")
        assert _status(held) == DossierStatus.OPEN
