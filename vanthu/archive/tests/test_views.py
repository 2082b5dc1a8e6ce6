"""The hand-over screens: the unit submits, the archivist returns or accepts."""

from __future__ import annotations

import pytest
from django.test import Client

from vanthu.accounts.models import User
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.models import Handover
from vanthu.archive.selectors import handovers_awaiting_check
from vanthu.archive.tests.builders import dossier_make
from vanthu.dossiers.enums import DossierStatus
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db


def _login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_submit_return_resubmit_accept_on_screens(office: Office, archivist: User) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    dossier_make(office.specialist_a, code="02.TCCB", close=False)
    specialist = _login(office.specialist_a)
    page = specialist.get("/nop-luu/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "01.TCCB" in html and "02.TCCB" not in html
    response = specialist.post("/nop-luu/gui/", {"dossier_ids": [str(dossier.pk)]})
    handover = Handover.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/nop-luu/{handover.pk}/"
    assert "01.TCCB" not in specialist.get("/nop-luu/").content.decode().split("batches-title")[0]
    clerk_view = _login(office.specialist_a2).get(f"/nop-luu/{handover.pk}/")
    assert clerk_view.status_code == 404
    archive = _login(archivist)
    detail = archive.get(f"/nop-luu/{handover.pk}/").content.decode()
    assert "Tiếp nhận" in detail and f'name="reason_{dossier.pk}"' in detail
    # A return without a reason is refused with a message; the batch stays submitted.
    archive.post(f"/nop-luu/{handover.pk}/xu-ly/", {"decision": "return"})
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SUBMITTED
    archive.post(
        f"/nop-luu/{handover.pk}/xu-ly/",
        {"decision": "return", f"reason_{dossier.pk}": "Thiếu biên lai"},
    )
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.RETURNED
    assert "Thiếu biên lai" in specialist.get(f"/nop-luu/{handover.pk}/").content.decode()
    specialist.post("/nop-luu/gui/", {"dossier_ids": [str(dossier.pk)]})
    again = Handover.objects.exclude(pk=handover.pk).get()
    assert list(handovers_awaiting_check(actor=archivist)) == [again]
    assert list(handovers_awaiting_check(actor=office.specialist_a)) == []
    # Only the archivist decides.
    assert specialist.post(f"/nop-luu/{again.pk}/xu-ly/", {"decision": "accept"}).status_code == 403
    archive.post(f"/nop-luu/{again.pk}/xu-ly/", {"decision": "accept"})
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.HANDED_OVER
    holdings = archive.get("/nop-luu/kho/").content.decode()
    assert "01.TCCB" in holdings and dossier.title in holdings
    assert specialist.get("/nop-luu/kho/").status_code == 403
    assert list(handovers_awaiting_check(actor=archivist)) == []
    download = archive.get(f"/nop-luu/{again.pk}/bien-ban.docx")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('.docx"')


def test_submit_refusal_is_shown(office: Office) -> None:
    still_open = dossier_make(office.specialist_a, code="01.TCCB", close=False)
    specialist = _login(office.specialist_a)
    response = specialist.post("/nop-luu/gui/", {"dossier_ids": [str(still_open.pk)]}, follow=True)
    assert "chưa kết thúc" in response.content.decode()
    assert not Handover.objects.exists()
