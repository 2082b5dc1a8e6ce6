"""Navigation by role: the right entries, and no link that leads nowhere."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.web.tests.builders import MakeUser

NAV_LABELS = {
    Role.CLERK: [
        "Văn bản đến",
        "Văn bản đi",
        "Chờ kiểm tra thể thức",
        "Chờ phát hành",
        "Sổ đăng ký",
        "Sổ và báo cáo văn bản đi",
        "Nhập sổ cũ từ Excel",
        "Hồ sơ",
        "Tìm kiếm văn bản",
    ],
    Role.AGENCY_LEADER: [
        "Văn bản chờ cho ý kiến",
        "Văn bản chờ duyệt ký",
        "Sổ văn bản đi",
        "Theo dõi hạn xử lý",
        "Sổ và báo cáo văn bản đến",
        "Sổ và báo cáo văn bản đi",
        "Danh mục hồ sơ",
        "Hồ sơ",
        "Báo cáo lập hồ sơ, nộp lưu",
        "Tìm kiếm văn bản",
    ],
    Role.UNIT_HEAD: [
        "Văn bản của đơn vị",
        "Phân công xử lý",
        "Dự thảo chờ duyệt",
        "Dự thảo của tôi",
        "Danh mục hồ sơ",
        "Hồ sơ",
        "Nộp lưu hồ sơ",
        "Báo cáo lập hồ sơ, nộp lưu",
        "Tìm kiếm văn bản",
    ],
    Role.SPECIALIST: [
        "Văn bản được giao",
        "Dự thảo của tôi",
        "Hồ sơ công việc",
        "Văn bản chưa lập hồ sơ",
        "Nộp lưu hồ sơ",
        "Tìm kiếm văn bản",
    ],
    Role.ARCHIVIST: ["Hồ sơ nộp lưu", "Kho lưu trữ", "Báo cáo lập hồ sơ, nộp lưu"],
    Role.AGENCY_ADMIN: ["Người dùng", "Đơn vị", "Sổ đăng ký", "Lịch làm việc"],
    Role.INSPECTOR: ["Tình hình các cơ quan", "Đợt kiểm tra"],
}
ADMIN_LINK = "Trang quản trị hệ thống"


def _nav(html: str) -> str:
    found = re.search(r'<nav id="site-nav".*?</nav>', html, re.S)
    assert found is not None, "no navigation"
    return found.group(0)


def _links(html: str) -> list[tuple[str, str]]:
    """Return (href, text) of every link in the navigation."""
    return [
        (href, text.strip())
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', _nav(html), re.S)
    ]


def _area_links(html: str) -> list[str]:
    """Return the labels of the active area's entries (after the start page link)."""
    first_list = re.search(r'<ul class="nav-list">(.*?)</ul>', _nav(html), re.S)
    assert first_list is not None
    labels = [t.strip() for t in re.findall(r"<a [^>]*>(.*?)</a>", first_list.group(1), re.S)]
    assert labels[0] == "Trang làm việc"
    return labels[1:]


class TestEntries:
    @pytest.mark.parametrize("role", list(NAV_LABELS), ids=str)
    def test_entries_of_each_role(self, client: Client, make_user: MakeUser, role: Role) -> None:
        client.force_login(make_user(role))
        html = client.get("/", follow=True).content.decode()
        assert _area_links(html) == NAV_LABELS[role]
        assert 'aria-current="page">Trang làm việc</a>' in html

    def test_admin_link_only_for_staff_agency_admins(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.AGENCY_ADMIN))
        assert ADMIN_LINK not in client.get("/quan-tri/").content.decode()
        client.force_login(make_user(Role.AGENCY_ADMIN, is_staff=True))
        html = client.get("/quan-tri/").content.decode()
        assert (("/admin/", ADMIN_LINK)) in _links(html)

    def test_current_entry_is_marked(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.INSPECTOR))
        html = client.get("/kiem-tra/dot-kiem-tra/").content.decode()
        assert re.search(r'href="/kiem-tra/dot-kiem-tra/" aria-current="page">Đợt kiểm tra<', html)
        assert 'aria-current="page">Trang làm việc<' not in html


class TestEveryLinkWorks:
    @pytest.mark.parametrize("role", list(NAV_LABELS), ids=str)
    def test_follow_every_nav_link(self, client: Client, make_user: MakeUser, role: Role) -> None:
        client.force_login(make_user(role, is_staff=True, is_superuser=True))
        links = _links(client.get("/", follow=True).content.decode())
        assert len(links) >= len(NAV_LABELS[role]) + 2
        for href, text in links:
            response = client.get(href)
            assert response.status_code == 200, f"{text} ({href}) → {response.status_code}"

    def test_multi_role_user_can_follow_every_link(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(*NAV_LABELS))
        pending, seen, labels = ["/"], set(), set()
        while pending:
            url = pending.pop()
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            for href, text in _links(response.content.decode()):
                pending.append(href)
                labels.add(text)
        assert {label for area in NAV_LABELS.values() for label in area} <= labels


class TestPlaceholder:
    def test_placeholder_says_under_construction(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.INSPECTOR))
        response = client.get("/kiem-tra/dot-kiem-tra/")
        html = response.content.decode()
        assert response.status_code == 200
        assert re.search(r"<h1>\s*Đợt kiểm tra\s*</h1>", html)
        assert "Chức năng đang được xây dựng." in html
        assert '<a href="/kiem-tra/">' in html

    def test_unknown_section_is_404(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        assert client.get("/van-thu/khong-co/").status_code == 404

    def test_section_of_another_area_is_404(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        assert client.get("/van-thu/kho-luu-tru/").status_code == 404

    def test_section_of_a_role_not_held_is_refused(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.CLERK))
        assert client.get("/luu-tru/kho-luu-tru/").status_code == 403
