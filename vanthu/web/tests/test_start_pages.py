"""Landing: each role reaches its own start page; several roles follow a fixed priority."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from vanthu.accounts.enums import Role
from vanthu.web.dateline import today_line
from vanthu.web.tests.builders import MakeUser, make_agency

START_PAGES = {
    Role.CLERK: ("/van-thu/", "Văn thư cơ quan", "Văn bản đến chờ đăng ký"),
    Role.AGENCY_LEADER: ("/lanh-dao/", "Lãnh đạo cơ quan", "Văn bản chờ cho ý kiến"),
    Role.UNIT_HEAD: ("/don-vi/", "Lãnh đạo đơn vị", "Văn bản chờ phân công"),
    Role.SPECIALIST: ("/chuyen-vien/", "Chuyên viên", "Văn bản được giao chưa xử lý"),
    Role.ARCHIVIST: ("/luu-tru/", "Lưu trữ cơ quan", "Hồ sơ chờ tiếp nhận nộp lưu"),
    Role.AGENCY_ADMIN: ("/quan-tri/", "Quản trị cơ quan", "Người dùng đang hoạt động"),
    Role.INSPECTOR: ("/kiem-tra/", "Kiểm tra công tác văn thư, lưu trữ", "Đợt kiểm tra đang mở"),
}


def _h1(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert found is not None
    return found.group(1).strip()


class TestLanding:
    @pytest.mark.parametrize("role", list(START_PAGES), ids=str)
    def test_each_role_lands_on_its_start_page(
        self, client: Client, make_user: MakeUser, role: Role
    ) -> None:
        url, title, panel = START_PAGES[role]
        client.force_login(make_user(role))
        response = client.get("/", follow=True)
        html = response.content.decode()
        assert response.redirect_chain == [(url, 302)]
        assert response.status_code == 200
        assert _h1(html) == title
        assert panel in html
        assert 'class="date-line"' in html

    def test_several_roles_land_on_the_first_by_priority(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.SPECIALIST, Role.ARCHIVIST, Role.UNIT_HEAD))
        response = client.get("/")
        assert response["Location"] == "/don-vi/"

    def test_switching_area_is_remembered(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK, Role.ARCHIVIST))
        html = client.get("/van-thu/").content.decode()
        assert re.search(r'<a href="/luu-tru/">Lưu trữ cơ quan</a>', html)
        client.get("/luu-tru/")
        assert client.get("/")["Location"] == "/luu-tru/"
        html = client.get("/doi-mat-khau/").content.decode()
        assert '<a href="/nop-luu/kho/">Kho lưu trữ</a>' in html
        assert "Văn bản đến" not in html

    def test_start_page_of_a_role_not_held_is_refused_in_vietnamese(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.SPECIALIST))
        response = client.get("/lanh-dao/")
        assert response.status_code == 403
        assert "Không có quyền truy cập" in response.content.decode()

    def test_user_without_role_sees_a_clear_page(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user())
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert _h1(html) == "Tài khoản chưa được phân vai trò"
        assert "liên hệ người quản trị" in html
        assert "Đăng xuất" in html

    def test_header_shows_name_position_and_agency(
        self, client: Client, make_user: MakeUser
    ) -> None:
        agency = make_agency(name="Sở Nội vụ tỉnh Kiên Giang")
        user = make_user(
            Role.CLERK, full_name="Trần Thị Bích", position_title="Văn thư", agency=agency
        )
        client.force_login(user)
        html = client.get("/van-thu/").content.decode()
        assert "Trần Thị Bích" in html
        assert "Văn thư · Sở Nội vụ tỉnh Kiên Giang" in html
        assert "Kiên Giang, ngày " in html

    def test_start_page_queries_stay_few(
        self,
        client: Client,
        make_user: MakeUser,
        django_assert_max_num_queries: DjangoAssertNumQueries,
    ) -> None:
        client.force_login(make_user(Role.CLERK))
        client.get("/van-thu/")
        # session, user, roles, agency (the area is already remembered in the session), and
        # the clerk's delegations (once), one count per figure (the "chờ tiếp nhận" queue,
        # the drafts to issue, the open dossiers), and the certificates expiring soon.
        with django_assert_max_num_queries(9):
            assert client.get("/van-thu/").status_code == 200


class TestDateLine:
    def test_place_name_of_the_agency(self, db: None) -> None:
        agency = make_agency(place_name="Hà Tiên")
        assert today_line(agency, datetime.date(2020, 9, 21)) == "Hà Tiên, ngày 21 tháng 9 năm 2020"

    def test_without_agency(self) -> None:
        assert today_line(None, datetime.date(2020, 9, 21)) == "Ngày 21 tháng 9 năm 2020"
