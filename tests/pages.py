"""Logged-in Playwright pages and page checks that the browser tests of several apps share."""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser import OFFICE
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import TEST_PASSWORD


def logged_in_page(
    browser: Browser,
    live_server: LiveServer,
    user: User,
    *,
    viewport: ViewportSize = OFFICE,
    timeout_ms: float = 20_000,
    navigation_timeout_ms: float | None = None,
) -> Page:
    """A fresh browser context (Vietnamese locale) logged in as ``user`` through the login form."""
    context = browser.new_context(viewport=viewport, locale="vi-VN")  # downloads accepted
    context.set_default_timeout(timeout_ms)
    if navigation_timeout_ms is not None:
        context.set_default_navigation_timeout(navigation_timeout_ms)
    page = context.new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def no_horizontal_scroll(page: Page) -> bool:
    """The page fits its viewport's width (nothing to scroll sideways)."""
    return not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def screenshot(page: Page, name: str) -> None:
    """Keep a full-page screenshot in the temporary folder as ``vt-<name>.png``."""
    page.screenshot(path=Path(tempfile.gettempdir()) / f"vt-{name}.png", full_page=True)
