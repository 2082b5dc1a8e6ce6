"""Error pages are in Vietnamese, for visitors and for signed-in users."""

from __future__ import annotations

from django.template.loader import get_template
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.web.tests.builders import MakeUser


class TestErrorPages:
    def test_404_for_a_visitor(self, client: Client, db: None) -> None:
        response = client.get("/khong-ton-tai/trang-nay/")
        html = response.content.decode()
        assert response.status_code == 404
        assert '<html lang="vi">' in html
        assert "Không tìm thấy trang" in html
        assert 'id="site-nav"' not in html

    def test_404_for_a_user_keeps_the_navigation(self, client: Client, make_user: MakeUser) -> None:
        client.force_login(make_user(Role.CLERK))
        response = client.get("/khong-ton-tai/")
        html = response.content.decode()
        assert response.status_code == 404
        assert "Không tìm thấy trang" in html
        assert ">Văn bản đến<" in html

    def test_500_renders_without_a_request(self) -> None:
        html = get_template("500.html").render()
        assert "Lỗi hệ thống" in html
        assert '<html lang="vi">' in html

    def test_csrf_failure_is_explained(self, db: None) -> None:
        client = Client(enforce_csrf_checks=True)
        response = client.post("/dang-nhap/", {"username": "a", "password": "b"})
        assert response.status_code == 403
        assert "Phiên làm việc đã hết hạn" in response.content.decode()
