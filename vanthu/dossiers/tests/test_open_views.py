"""The "Mở hồ sơ" screen: from a plan item (prefilled) or outside the plan; errors beside the
fields; the closed dossier's page shows the links higher apps register."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web import logged_in_client, page_text
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.plan_services import file_plan_approve
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.tests.factories import document_make, plan_make
from vanthu.dossiers.views.links import (
    closed_dossier_link_register,
    closed_dossier_link_unregister,
)
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]
OPEN = "/ho-so/mo/"


def test_the_form_renders_and_is_linked_from_my_dossiers(office: Office) -> None:
    client = logged_in_client(office.specialist_a)
    assert f'href="{OPEN}"' in page_text(client.get("/ho-so/"))
    page = client.get(OPEN)
    assert page.status_code == 200
    text = page_text(page)
    for label in ("Mở hồ sơ", "Hồ sơ trong danh mục", "(Ngoài danh mục hồ sơ)", "Tiêu đề hồ sơ"):
        assert label in text
    assert "Thời hạn bảo quản" in text


def test_prefilled_from_an_approved_plan_item(office: Office) -> None:
    plan, _heading, item = plan_make(office.clerk)
    client = logged_in_client(office.specialist_a)
    assert client.get(f"{OPEN}?muc={item.pk}").status_code == 404  # the plan is a draft
    file_plan_approve(actor=office.leader, plan=plan)
    text = page_text(client.get(f"{OPEN}?muc={item.pk}"))
    assert 'value="01.TCCB"' in text
    assert f'value="{item.title}"' in text
    assert '<option value="20" selected>' in text
    assert f'<option value="{item.pk}" selected>' in text
    assert client.get(f"{OPEN}?muc=abc").status_code == 404
    assert client.get(f"{OPEN}?muc=99999999999999999999").status_code == 404


def test_another_agencys_item_is_not_found(office: Office, other_office: Office) -> None:
    plan, _heading, item = plan_make(other_office.clerk)
    file_plan_approve(actor=other_office.leader, plan=plan)
    client = logged_in_client(office.specialist_a)
    assert client.get(f"{OPEN}?muc={item.pk}").status_code == 404
    response = client.post(OPEN, {"plan_item": str(item.pk), "rights": "public"})
    assert response.status_code == 400
    assert not Dossier.objects.exists()


def test_open_from_the_plan_item_with_its_defaults(office: Office) -> None:
    plan, _heading, item = plan_make(office.clerk)
    file_plan_approve(actor=office.leader, plan=plan)
    client = logged_in_client(office.specialist_a)
    response = client.post(
        OPEN,
        {"plan_item": str(item.pk), "title": "", "code": "", "retention": "", "rights": "public"},
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/ho-so/{dossier.pk}/"
    assert (dossier.code, dossier.title, dossier.retention) == (item.code, item.title, "20")
    assert (dossier.plan_item, dossier.creator, dossier.year) == (item, office.specialist_a, 2026)
    assert AuditEvent.objects.filter(action="dossiers.opened", target_id=str(dossier.pk)).exists()
    assert "Đã mở hồ sơ 01.TCCB." in page_text(client.get(response["Location"]))


def test_open_outside_the_plan_and_its_errors(office: Office) -> None:
    client = logged_in_client(office.specialist_a)
    empty = client.post(OPEN, {"title": "", "code": "", "retention": "", "rights": "public"})
    assert empty.status_code == 400
    assert "Cần chọn thời hạn bảo quản." in page_text(empty)
    assert '<ul class="field-errors" id="id_retention_error">' in empty.content.decode()
    data = {
        "title": "Hồ sơ tiếp công dân",
        "code": "",
        "retention": "10",
        "rights": "restricted",
        "opened_on": "2026-02-03",
        "description": "Mở ngoài danh mục",
    }
    no_code = client.post(OPEN, data)
    assert no_code.status_code == 400
    assert '<ul class="field-errors" id="id_code_error">' in no_code.content.decode()
    assert "Trường này là bắt buộc." in page_text(no_code)
    done = client.post(OPEN, {**data, "code": "08.VP"})
    assert done.status_code == 302
    dossier = Dossier.objects.get()
    assert (dossier.plan_item, dossier.rights, dossier.opened_on) == (
        None,
        "restricted",
        dt.date(2026, 2, 3),
    )
    duplicate = client.post(OPEN, {**data, "code": "08.VP"})
    assert duplicate.status_code == 400
    assert "Trùng số và ký hiệu hồ sơ." in page_text(duplicate)
    assert Dossier.objects.count() == 1


def test_a_closed_dossier_shows_the_registered_links(office: Office) -> None:
    dossier = dossier_open(
        actor=office.specialist_a, title="Hồ sơ tiếp công dân", code="08.VP", retention="10"
    )
    document = document_make(office.agency)
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=document.pk)
    dossier_close(actor=office.specialist_a, dossier=dossier, retention="10", note="")
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    closed_dossier_link_register(label="Xem danh mục hồ sơ", url_name="dossiers:file_plan")
    try:
        closed_dossier_link_register(label="Xem danh mục hồ sơ", url_name="dossiers:file_plan")
        text = page_text(client.get(url))
        assert text.count('href="/danh-muc-ho-so/">Xem danh mục hồ sơ</a>') == 1
    finally:
        closed_dossier_link_unregister(url_name="dossiers:file_plan")
    assert "Xem danh mục hồ sơ" not in page_text(client.get(url))


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_an_opening_date_in_the_future_or_long_past_is_refused(office: Office, day: str) -> None:
    client = logged_in_client(office.specialist_a)
    data = {"title": "Hồ sơ thử", "code": "99.TEST", "retention": "20", "rights": "public"}
    response = client.post(OPEN, {**data, "opened_on": day})
    assert response.status_code == 400
    assert "Ngày mở hồ sơ không được sau hôm nay" in page_text(response)
    assert not Dossier.objects.filter(code="99.TEST").exists()
