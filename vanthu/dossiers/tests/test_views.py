"""The specialist's pages: my dossiers, a dossier (close, reopen, download), the worklist with
one-click filing, the file plan page and its print."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.web import logged_in_client
from vanthu.dossiers.enums import DossierStatus
from vanthu.dossiers.models import DossierItem
from vanthu.dossiers.plan_services import file_plan_approve
from vanthu.dossiers.services import dossier_document_add
from vanthu.dossiers.tests.factories import document_make, plan_make, reception_dossier
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]


def test_my_dossiers_lists_mine(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    page = logged_in_client(office.specialist_a).get("/ho-so/")
    assert page.status_code == 200
    assert "Hồ sơ tiếp công dân" in page.content.decode()
    assert f"/ho-so/{dossier.pk}/" in page.content.decode()
    assert (
        "Hồ sơ tiếp công dân"
        not in logged_in_client(office.specialist_a2).get("/ho-so/").content.decode()
    )


def test_close_from_the_page_shows_the_error_then_closes(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    response = client.post(f"{url}ket-thuc/", {"retention": "10"}, follow=True)
    assert "Hồ sơ chưa có văn bản nào, không thể kết thúc." in response.content.decode()
    document = document_make(office.agency)
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=document.pk)
    response = client.post(f"{url}ket-thuc/", {"retention": "20", "note": "Đủ"}, follow=True)
    assert "Đã kết thúc hồ sơ." in response.content.decode()
    dossier.refresh_from_db()
    assert (dossier.status, dossier.retention) == (DossierStatus.CLOSED, "20")
    assert client.get(f"{url}xuat/xml/")["Content-Type"] == "application/xml"
    assert client.get(f"{url}xuat/exe/").status_code == 404
    response = client.post(f"{url}mo-lai/", {"reason": "Bổ sung"}, follow=True)
    assert "Đã mở lại hồ sơ." in response.content.decode()


def test_another_agency_or_an_outsider_gets_404(office: Office, other_office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    for outsider in (other_office.specialist_a, office.specialist_b):
        assert logged_in_client(outsider).get(f"/ho-so/{dossier.pk}/").status_code == 404
        assert logged_in_client(outsider).get(f"/ho-so/{dossier.pk}/xuat/pdf/").status_code == 404
    assert Client().get(f"/ho-so/{dossier.pk}/").status_code == 302  # to the login page


def test_one_click_filing_from_the_worklist(office: Office) -> None:
    plan, _heading, item = plan_make(office.clerk)
    file_plan_approve(actor=office.leader, plan=plan)
    record = incoming_assign(
        actor=office.leader,
        incoming=office.register(issued_date=dt.date(2026, 3, 2)),
        lead=Party(user=office.specialist_a),
        supports=[],
        informs=[],
    )
    incoming_complete(actor=office.specialist_a, incoming=record)
    client = logged_in_client(office.specialist_a)
    page = client.get("/ho-so/chua-lap/").content.decode()
    assert record.document.subject in page
    assert f'name="plan_item_id" value="{item.pk}"' in page
    response = client.post(
        f"/ho-so/lap/{record.document_id}/", {"plan_item_id": str(item.pk)}, follow=True
    )
    assert "Đã lập hồ sơ: văn bản vào hồ sơ 01.TCCB." in response.content.decode()
    assert DossierItem.objects.get().document_id == record.document_id
    assert "Bạn đã lập hồ sơ cho mọi văn bản" in client.get("/ho-so/chua-lap/").content.decode()


def test_the_file_plan_page_and_its_print(office: Office) -> None:
    client = logged_in_client(office.specialist_a)
    assert "Cơ quan chưa có danh mục hồ sơ." in client.get("/danh-muc-ho-so/").content.decode()
    plan_make(office.clerk)
    page = client.get("/danh-muc-ho-so/").content.decode()
    assert "01.TCCB" in page
    assert "Bản danh mục hồ sơ này có 1 hồ sơ" in page
    docx = client.get("/danh-muc-ho-so/in/docx/")
    assert docx["Content-Disposition"] == 'attachment; filename="danh-muc-ho-so-2026.docx"'
    assert client.get("/danh-muc-ho-so/in/odt/").status_code == 404
