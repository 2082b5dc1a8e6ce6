"""A real Chromium takes a digitally signed Công văn from approval to the receiving agency:
the leader approves for digital signature and signs with the PIN (a wrong PIN first), the
clerk applies the agency signature and issues, and both agencies see the badge "Hợp lệ"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.pages import logged_in_page, screenshot
from tests.pki import pki, services
from vanthu.documents.models import DocumentType
from vanthu.documents.reference import document_types_load
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.tests.factories import (
    Office,
    draft_format_checked,
    office_make,
    receiver_office_make,
)
from vanthu.outgoing.tests.signing_setup import keys_register
from vanthu.signing.testpki import PASSWORD, TestPKI

__all__ = ["pki", "services"]

pytestmark = [pytest.mark.browser]

RECEIVER = "UBND huyện Châu Thành"
WRONG_PIN = "000000"


@pytest.fixture
def people(transactional_db: None, pki: TestPKI) -> Office:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    office = office_make()
    keys_register(office, pki)
    return office


@pytest.fixture
def receiver(people: Office) -> Office:
    return receiver_office_make(RECEIVER)


def _leader_approves_and_signs(page: Page, live_server: LiveServer, subject: str) -> None:
    page.goto(f"{live_server.url}/van-ban-di/cho-ky/")
    page.get_by_role("link", name=subject).click()
    page.locator('input[name="signing_mode"][value="digital"]').check()
    page.get_by_role("button", name="Duyệt ký").click()
    expect(page.get_by_text("Đã duyệt ký số;")).to_be_visible()
    page.goto(f"{live_server.url}/van-ban-di/cho-ky/")  # the queue offers the "Ký số" button
    page.locator("tr", has_text=subject).get_by_role("link", name="Ký số").click()

    pin = page.get_by_label("Mã PIN hoặc mật khẩu chứng thư số")
    expect(pin).to_have_attribute("type", "password")
    expect(pin).to_have_attribute("autocomplete", "off")
    pin.fill(WRONG_PIN)
    page.get_by_role("button", name="Ký số").click()
    expect(page.locator("#id_pin_error")).to_have_text(
        "Mã PIN hoặc mật khẩu của khóa ký số không đúng."
    )
    expect(pin).to_have_value("")  # never echoed back
    screenshot(page, "signing-wrong-pin")
    pin.fill(PASSWORD)
    page.get_by_role("button", name="Ký số").click()
    expect(page.get_by_text("Đã ký số; văn thư sẽ ký số cơ quan")).to_be_visible()
    expect(page.locator("[data-sign]")).to_have_count(0)


def _clerk_signs_and_issues(page: Page, live_server: LiveServer, subject: str) -> None:
    page.goto(f"{live_server.url}/van-ban-di/cho-phat-hanh/")
    page.get_by_role("link", name=subject).click()
    page.get_by_role("link", name="Ký số cơ quan và phát hành").click()
    expect(page.locator("[data-expected-number]")).to_have_text("01")
    page.get_by_label("Cơ quan khác trong hệ thống").select_option(label=RECEIVER)
    page.get_by_label("Mã PIN hoặc mật khẩu chứng thư số").fill(PASSWORD)
    screenshot(page, "signing-agency-sign")
    page.get_by_role("button", name="Ký số cơ quan và phát hành").click()
    expect(page.locator("[data-code]")).to_have_text("Số: 01/SNV-VP")
    expect(page.get_by_text("Đã ký số cơ quan và cấp số 01/SNV-VP")).to_be_visible()
    badges = page.locator("[data-signatures]")
    expect(badges.locator(".sig-valid")).to_have_count(1)
    expect(badges).to_contain_text("Hợp lệ")
    badges.locator("summary").click()
    expect(badges.locator("table.sig-table")).to_have_count(2)
    screenshot(page, "signing-record")


def _receiver_accepts(page: Page, live_server: LiveServer, subject: str) -> None:
    page.goto(f"{live_server.url}/van-ban-den/cho-tiep-nhan/")
    card = page.locator("[data-delivery]", has_text=subject)
    card.get_by_role("button", name="Tiếp nhận").click()
    expect(card.locator("[data-arrival-number]")).to_have_text("01")
    card.get_by_role("link", name="Mở văn bản, trình lãnh đạo").click()
    badges = page.locator("[data-signatures]")
    expect(badges.locator(".sig-valid")).to_have_count(1)
    expect(badges).to_contain_text("Hợp lệ")
    badges.locator("summary").click()
    expect(badges.locator("table.sig-table")).to_have_count(2)
    screenshot(page, "signing-incoming")


@pytest.mark.usefixtures("services")
def test_leader_and_agency_sign_and_both_agencies_see_it_valid(
    browser: Browser, live_server: LiveServer, people: Office, receiver: Office
) -> None:
    subject = draft_format_checked(people).subject
    _leader_approves_and_signs(
        logged_in_page(browser, live_server, people.leader, timeout_ms=30_000), live_server, subject
    )
    _clerk_signs_and_issues(
        logged_in_page(browser, live_server, people.clerk, timeout_ms=30_000), live_server, subject
    )
    _receiver_accepts(
        logged_in_page(browser, live_server, receiver.clerk, timeout_ms=30_000),
        live_server,
        subject,
    )

    issued = OutgoingRecord.objects.get()
    assert issued.number == 1
    assert issued.distributions.get().agency == receiver.agency
