"""A real Chromium logs in as the clerk ``snv.vanthu`` and sees the start page."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser import OFFICE, PHONE
from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import TEST_PASSWORD
from vanthu.web.tests.builders import make_agency, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def clerk(transactional_db: None) -> None:
    agency = make_agency(name="Sở Nội vụ tỉnh Kiên Giang", place_name="Kiên Giang")
    make_user(
        Role.CLERK,
        username="snv.vanthu",
        full_name="Nguyễn Thị Lan",
        position_title="Văn thư",
        agency=agency,
    )


def _page(browser: Browser, viewport: ViewportSize) -> Page:
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    context.set_default_timeout(10_000)
    return context.new_page()


def _log_in(page: Page, live_server: LiveServer, password: str = TEST_PASSWORD) -> None:
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/dang-nhap/?next=/")
    page.get_by_label("Tên đăng nhập").fill("snv.vanthu")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _screenshot(page: Page, name: str) -> None:
    """Save a full-page screenshot to look at by eye (not asserted)."""
    page.screenshot(path=Path(tempfile.gettempdir()) / f"vt-web-{name}.png", full_page=True)


def _focused(page: Page) -> str:
    """Return the name of the focused field, or the text of the focused link or button."""
    return str(
        page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()")
    )


def _has_horizontal_scroll(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    )


class TestClerkInChromium:
    def test_login_lands_on_the_clerk_start_page(
        self, browser: Browser, live_server: LiveServer, clerk: None
    ) -> None:
        page = _page(browser, OFFICE)
        _log_in(page, live_server)
        expect(page).to_have_url(f"{live_server.url}/van-thu/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Văn thư cơ quan")
        expect(page.locator(".date-line")).to_contain_text("Kiên Giang, ngày ")
        nav = page.get_by_role("navigation", name="Danh mục chức năng")
        for label in ("Văn bản đến", "Văn bản đi", "Sổ đăng ký", "Hồ sơ"):
            expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()
        expect(page.locator(".account-name")).to_have_text("Nguyễn Thị Lan")
        assert not _has_horizontal_scroll(page)
        _screenshot(page, "office")
        nav.get_by_role("link", name="Văn bản đến", exact=True).click()
        expect(page.get_by_role("heading", name="Sổ văn bản đến")).to_be_visible()
        assert page.evaluate("window.htmx && window.htmx.version") == "2.0.11"
        _screenshot(page, "section")
        page.get_by_role("button", name="Đăng xuất").click()
        expect(page).to_have_url(f"{live_server.url}/dang-nhap/")

    def test_wrong_password_keeps_the_username(
        self, browser: Browser, live_server: LiveServer, clerk: None
    ) -> None:
        page = _page(browser, OFFICE)
        _log_in(page, live_server, password="sai-mat-khau")
        expect(page.get_by_role("alert")).to_have_text(
            "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa."
        )
        expect(page.get_by_label("Tên đăng nhập")).to_have_value("snv.vanthu")
        expect(page.get_by_label("Mật khẩu")).to_be_focused()
        _screenshot(page, "login-error")

    def test_password_change_error_clears_passwords(
        self, browser: Browser, live_server: LiveServer, clerk: None
    ) -> None:
        page = _page(browser, OFFICE)
        _log_in(page, live_server)
        page.get_by_role("link", name="Đổi mật khẩu").click()
        page.get_by_label("Mật khẩu hiện tại").fill(TEST_PASSWORD)
        page.get_by_label("Mật khẩu mới", exact=True).fill("Mot-mat-khau-moi-2026")
        page.get_by_label("Nhập lại mật khẩu mới").fill("Khac-han-2026")
        page.get_by_role("button", name="Đổi mật khẩu").click()
        expect(page.get_by_text("Hai trường mật khẩu không giống nhau.")).to_be_visible()
        expect(page.get_by_label("Mật khẩu mới", exact=True)).to_have_value("")
        expect(page.get_by_label("Mật khẩu hiện tại")).to_have_value("")
        expect(page.get_by_label("Nhập lại mật khẩu mới")).to_be_focused()
        _screenshot(page, "password-change")

    def test_phone_layout_and_keyboard(
        self, browser: Browser, live_server: LiveServer, clerk: None
    ) -> None:
        page = _page(browser, PHONE)
        page.goto(f"{live_server.url}/dang-nhap/")
        assert not _has_horizontal_scroll(page)
        _screenshot(page, "phone-login")
        focused = [_focused(page)]
        for _ in range(2):
            page.keyboard.press("Tab")
            focused.append(_focused(page))
        assert focused == ["username", "password", "Đăng nhập"]
        page.get_by_label("Tên đăng nhập").focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        assert _focused(page) == "Bỏ qua, đến nội dung chính"
        expect(page.locator(".skip-link")).to_be_in_viewport()
        page.get_by_label("Tên đăng nhập").focus()
        page.keyboard.type("snv.vanthu")
        page.keyboard.press("Tab")
        page.keyboard.type(TEST_PASSWORD)
        page.keyboard.press("Enter")
        expect(page).to_have_url(f"{live_server.url}/van-thu/")
        assert not _has_horizontal_scroll(page)
        nav = page.get_by_role("navigation", name="Danh mục chức năng")
        expect(nav).to_be_hidden()
        _screenshot(page, "phone-start")
        toggle = page.get_by_role("button", name="Danh mục")
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(nav.get_by_role("link", name="Văn bản đi", exact=True)).to_be_visible()
        assert not _has_horizontal_scroll(page)
        _screenshot(page, "phone-nav")
