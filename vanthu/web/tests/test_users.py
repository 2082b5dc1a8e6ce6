"""The administrator's user pages: the list, the leaver's checklist, handing dossiers to a
colleague, deactivating (refused while dossiers are held) and reactivating."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.storage import blob_store
from tests.web import logged_in_client
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import TEST_PASSWORD, make_user
from vanthu.accounts.tokens import token_issue
from vanthu.archive.services import handover_submit
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.tests.factories import dossier_with_document
from vanthu.incoming.tests.factories import Office, office_make
from vanthu.web.counters import panel_figure

pytestmark = [pytest.mark.django_db]

__all__ = ["blob_store"]

LIST_URL = "/quan-tri/nguoi-dung/"


@pytest.fixture(autouse=True)
def _isolated_blob_store(blob_store: Path) -> None:
    """Blobs (hand-over inventories) go to this test's own folder."""


@pytest.fixture
def office(db: None) -> Office:
    return office_make()


@pytest.fixture
def admin(office: Office) -> User:
    return make_user(
        agency=office.agency, unit=office.unit_b, roles=[Role.AGENCY_ADMIN], full_name="Quản Trị"
    )


def _holdings(office: Office) -> tuple[Dossier, Dossier, Dossier]:
    """Give specialist A one open, one closed and one submitted dossier."""
    leaver = office.specialist_a
    opened = dossier_with_document(leaver, "01.TCCB")
    closed = dossier_with_document(leaver, "02.TCCB", close=True)
    waiting = dossier_with_document(leaver, "03.TCCB", close=True)
    handover_submit(actor=leaver, dossier_ids=[waiting.pk])
    return opened, closed, waiting


def _count(html: str, kind: str) -> int:
    found = re.search(rf'data-count="{kind}">(\d+)<', html)
    assert found is not None, kind
    return int(found.group(1))


class TestList:
    def test_lists_the_agency_users(self, office: Office, admin: User) -> None:
        make_user(agency=office.agency, full_name="Người Đã Nghỉ", is_active=False)
        response = logged_in_client(admin).get(LIST_URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert office.specialist_a.full_name in html
        assert "Phòng Tổ chức" in html and "Chuyên viên" in html
        assert "Người Đã Nghỉ" in html and "Ngừng hoạt động" in html
        assert 'aria-current="page">Người dùng<' in html
        other = office_make()
        assert other.specialist_a.full_name not in html

    def test_only_for_the_agency_administrator(self, office: Office, admin: User) -> None:
        for outsider in (office.leader, office.clerk, office.specialist_a):
            assert logged_in_client(outsider).get(LIST_URL).status_code == 403
        assert Client().get(LIST_URL).status_code == 302

    def test_another_agencys_user_is_not_found(self, office: Office, admin: User) -> None:
        other = office_make()
        client = logged_in_client(admin)
        assert client.get(f"{LIST_URL}{other.specialist_a.pk}/").status_code == 404
        response = client.post(
            f"{LIST_URL}{other.specialist_a.pk}/ngung-hoat-dong/", {"reason": "Nghỉ"}
        )
        assert response.status_code == 404
        assert User.objects.get(pk=other.specialist_a.pk).is_active


class TestChecklist:
    def test_shows_what_the_leaver_holds(self, office: Office, admin: User) -> None:
        opened, _closed, _waiting = _holdings(office)
        html = logged_in_client(admin).get(f"{LIST_URL}{office.specialist_a.pk}/").content.decode()
        assert [_count(html, k) for k in ("open", "closed", "pending")] == [1, 1, 1]
        assert "01.TCCB - Hồ sơ 01.TCCB" in html
        assert f'href="/ho-so/{opened.pk}/"' not in html  # the admin alone may not open it
        leader_admin = make_user(
            agency=office.agency, roles=[Role.AGENCY_ADMIN, Role.AGENCY_LEADER]
        )
        html = (
            logged_in_client(leader_admin)
            .get(f"{LIST_URL}{office.specialist_a.pk}/")
            .content.decode()
        )
        assert f'href="/ho-so/{opened.pk}/"' in html

    def test_deactivation_refused_while_dossiers_are_held(
        self, office: Office, admin: User
    ) -> None:
        _holdings(office)
        url = f"{LIST_URL}{office.specialist_a.pk}/"
        response = logged_in_client(admin).post(
            f"{url}ngung-hoat-dong/", {"reason": "Nghỉ hưu"}, follow=True
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert (
            "Người dùng còn giữ hồ sơ: 1 hồ sơ đang mở, 1 hồ sơ đã kết thúc chưa nộp lưu,"
            " 1 hồ sơ đang chờ lưu trữ tiếp nhận." in html
        )
        assert User.objects.get(pk=office.specialist_a.pk).is_active

    def test_api_answers_the_counts(self, office: Office, admin: User) -> None:
        _holdings(office)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=admin, actor=None)}")
        response = client.post(
            f"/api/v1/users/{office.specialist_a.pk}/deactivate",
            {"reason": "Nghỉ hưu"},
            content_type="application/json",
        )
        body = response.json()
        assert response.status_code == 409
        assert body["code"] == "user_holds_dossiers"
        assert (
            "1 hồ sơ đang mở, 1 hồ sơ đã kết thúc chưa nộp lưu, 1 hồ sơ đang chờ" in body["message"]
        )
        assert body["fields"]["pending_dossiers"] == ["03.TCCB - Hồ sơ 03.TCCB"]


class TestTransferThenDeactivate:
    def test_the_leaver_hands_over_and_leaves(self, office: Office, admin: User) -> None:
        opened, closed, waiting = _holdings(office)
        leaver, colleague = office.specialist_a, office.specialist_a2
        client = logged_in_client(admin)
        url = f"{LIST_URL}{leaver.pk}/"
        page = client.get(url).content.decode()
        assert f'<option value="{colleague.pk}">' in page
        assert f'<option value="{leaver.pk}">' not in page

        response = client.post(
            f"{url}chuyen-ho-so/",
            {"to_user": str(colleague.pk), "reason": "Nghỉ hưu"},
            follow=True,
        )
        html = response.content.decode()
        assert f"Đã chuyển 3 hồ sơ cho {colleague.full_name}." in html
        assert "data-checklist-clear" in html
        assert {
            d.creator_id for d in Dossier.objects.filter(pk__in=[opened.pk, closed.pk, waiting.pk])
        } == {colleague.pk}

        response = client.post(f"{url}ngung-hoat-dong/", {"reason": "Nghỉ hưu"}, follow=True)
        assert "Đã ngừng hoạt động tài khoản." in response.content.decode()
        assert not User.objects.get(pk=leaver.pk).is_active
        assert AuditEvent.objects.filter(action="dossiers.transferred").count() == 3
        event = AuditEvent.objects.get(action="accounts.user_deactivated")
        assert (event.actor_id, event.data["reason"]) == (admin.pk, "Nghỉ hưu")
        assert not Client().login(username=leaver.username, password=TEST_PASSWORD)

        response = client.post(f"{url}kich-hoat-lai/", {"reason": "Trở lại"}, follow=True)
        assert "Đã kích hoạt lại tài khoản." in response.content.decode()
        assert User.objects.get(pk=leaver.pk).is_active

    def test_transfer_needs_a_colleague_and_a_reason(self, office: Office, admin: User) -> None:
        dossier_with_document(office.specialist_a, "01.TCCB")
        url = f"{LIST_URL}{office.specialist_a.pk}/chuyen-ho-so/"
        client = logged_in_client(admin)
        html = client.post(url, {"to_user": "", "reason": "Nghỉ"}, follow=True).content.decode()
        assert "Cần chọn người nhận hồ sơ." in html
        html = client.post(
            url, {"to_user": str(office.specialist_a2.pk), "reason": " "}, follow=True
        ).content.decode()
        assert "Cần nêu lý do chuyển hồ sơ." in html
        html = client.post(
            url, {"to_user": str(office.specialist_a.pk), "reason": "Nghỉ"}, follow=True
        ).content.decode()
        assert "Người nhận hồ sơ phải là một người dùng khác" in html
        assert not AuditEvent.objects.filter(action="dossiers.transferred").exists()

    def test_own_page_offers_no_deactivation(self, admin: User) -> None:
        html = logged_in_client(admin).get(f"{LIST_URL}{admin.pk}/").content.decode()
        assert "data-deactivate" not in html
        response = logged_in_client(admin).post(
            f"{LIST_URL}{admin.pk}/ngung-hoat-dong/", {"reason": "Nghỉ"}, follow=True
        )
        assert "Không thể tự ngừng hoạt động" in response.content.decode()
        assert User.objects.get(pk=admin.pk).is_active


def test_start_panel_counts_the_agency_s_active_users(office: Office, admin: User) -> None:
    before = panel_figure(user=admin, area_slug="quan-tri", section="nguoi-dung")
    leaver = make_user(agency=office.agency, unit=office.unit_b, roles=[Role.SPECIALIST])
    assert panel_figure(user=admin, area_slug="quan-tri", section="nguoi-dung") == (before or 0) + 1
    User.objects.filter(pk=leaver.pk).update(is_active=False)
    assert panel_figure(user=admin, area_slug="quan-tri", section="nguoi-dung") == before
    make_user(agency=office_make().agency, roles=[Role.SPECIALIST])
    assert panel_figure(user=admin, area_slug="quan-tri", section="nguoi-dung") == before
    specialist = make_user(agency=office.agency, unit=office.unit_b, roles=[Role.SPECIALIST])
    assert panel_figure(user=specialist, area_slug="quan-tri", section="nguoi-dung") == 0


class TestConfidentialTitles:
    """An administrator without clearance sees a classified dossier's code, never its title."""

    TITLE = "Hồ sơ MẬT kỷ luật ông X"

    def _secret(self, office: Office) -> User:
        leaver = make_user(
            agency=office.agency, unit=office.unit_b, roles=[Role.SPECIALIST], clearance=1
        )
        dossier = dossier_with_document(leaver, "09.MAT", confidentiality=1)
        Dossier.objects.filter(pk=dossier.pk).update(title=self.TITLE, confidentiality=1)
        return leaver

    def test_page_api_and_transfer_hide_the_title(self, office: Office, admin: User) -> None:
        leaver = self._secret(office)
        client = logged_in_client(admin)
        url = f"{LIST_URL}{leaver.pk}/"
        page = client.get(url).content.decode()
        assert "09.MAT (hồ sơ mật)" in page and self.TITLE not in page
        refused = client.post(f"{url}ngung-hoat-dong/", {"reason": "Nghỉ"}, follow=True)
        assert self.TITLE not in refused.content.decode()
        moved = client.post(
            f"{url}chuyen-ho-so/",
            {"to_user": office.specialist_a.pk, "reason": "Bàn giao"},
            follow=True,
        )
        assert "09.MAT (hồ sơ mật)" in moved.content.decode()
        assert self.TITLE not in moved.content.decode()
        api = Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=admin, actor=None)}")
        body = api.post(
            f"/api/v1/users/{leaver.pk}/deactivate",
            {"reason": "Nghỉ"},
            content_type="application/json",
        ).json()
        assert body["fields"]["open_dossiers"] == ["09.MAT (hồ sơ mật)"]

    def test_a_cleared_administrator_reads_the_title(self, office: Office) -> None:
        leaver = self._secret(office)
        cleared = make_user(agency=office.agency, roles=[Role.AGENCY_ADMIN], clearance=1)
        page = logged_in_client(cleared).get(f"{LIST_URL}{leaver.pk}/").content.decode()
        assert f"09.MAT - {self.TITLE}" in page


def test_an_inactive_user_s_dossiers_can_still_be_handed_over(office: Office, admin: User) -> None:
    leaver = office.specialist_b
    dossier_with_document(leaver, "05.TCCB")
    User.objects.filter(pk=leaver.pk).update(is_active=False)
    client = logged_in_client(admin)
    url = f"{LIST_URL}{leaver.pk}/"
    assert "data-transfer" in client.get(url).content.decode()
    client.post(f"{url}chuyen-ho-so/", {"to_user": office.specialist_a.pk, "reason": "Bàn giao"})
    assert Dossier.objects.get(code="05.TCCB").creator_id == office.specialist_a.pk
