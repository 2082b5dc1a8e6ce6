"""A real Chromium takes a Công văn from a new structured draft to issued, with four roles."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser import OFFICE, PHONE
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import TEST_PASSWORD
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import DocumentType, RegisterBook
from vanthu.documents.reference import document_types_load
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.tests.factories import Office, office_make

pytestmark = [pytest.mark.browser]

SUBJECT = "Kiểm tra công tác văn thư, lưu trữ năm 2026"
RECEIVER = "UBND huyện Châu Thành"


@pytest.fixture
def people(transactional_db: None) -> Office:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    return office_make()


@pytest.fixture
def receiver(people: Office) -> Office:
    """Another agency of the installation, with its incoming book."""
    office = office_make()
    office.agency.name = RECEIVER
    office.agency.save(update_fields=["name"])
    RegisterBook.objects.create(agency=office.agency, kind=RegisterKind.INCOMING, name="Sổ đến")
    return office


def _screenshot(page: Page, name: str) -> None:
    page.screenshot(path=Path(tempfile.gettempdir()) / f"vt-outgoing-{name}.png", full_page=True)


def _session(browser: Browser, live_server: LiveServer, user: User, size: ViewportSize) -> Page:
    context = browser.new_context(viewport=size, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    return page


def _no_horizontal_scroll(page: Page) -> bool:
    return not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def _specialist_drafts(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/van-ban-di/du-thao/")
    page.get_by_role("link", name="Soạn dự thảo mới").click()
    expect(page.get_by_label("Loại văn bản")).to_have_value("22")
    page.locator("#id_subject").fill(SUBJECT)
    page.locator("#id_superior_name").fill("UBND TỈNH KIÊN GIANG")
    page.locator("#id_issuer_name").fill("SỞ NỘI VỤ")
    page.get_by_label("Kính gửi").fill("Ủy ban nhân dân các huyện, thành phố")
    page.locator("#id_body").fill(
        "Thực hiện Kế hoạch công tác năm 2026, Sở Nội vụ đề nghị các cơ quan chuẩn bị hồ sơ "
        "phục vụ kiểm tra công tác văn thư, lưu trữ.\nĐề nghị các cơ quan phối hợp thực hiện./."
    )
    page.get_by_label("Nơi nhận").fill("Như trên\nLãnh đạo Sở")
    page.get_by_label("Số bản lưu").fill("2")
    page.get_by_label("Thẩm quyền ký").select_option("KT.")
    page.locator("#id_authority_body").fill("GIÁM ĐỐC")
    page.get_by_label("Chức vụ người ký").fill("PHÓ GIÁM ĐỐC")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn Đức")
    page.get_by_label("Ký hiệu người soạn thảo").fill("TTH")
    assert _no_horizontal_scroll(page)
    _screenshot(page, "compose-phone")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo (phiên bản 1).")).to_be_visible()
    # The format panel arrives through htmx.
    expect(page.locator("[data-format-summary]")).to_have_text("Không có lỗi thể thức.")
    assert _no_horizontal_scroll(page)
    _screenshot(page, "draft-phone")
    page.get_by_role("button", name="Trình lãnh đạo đơn vị").click()
    expect(page.get_by_text("Đã trình lãnh đạo đơn vị.")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Chờ lãnh đạo đơn vị duyệt")


def _open_from_queue(page: Page, live_server: LiveServer, path: str, heading: str) -> None:
    page.goto(f"{live_server.url}/van-ban-di/{path}")
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    page.get_by_role("link", name=SUBJECT).click()


def _head_reviews(page: Page, live_server: LiveServer) -> None:
    _open_from_queue(page, live_server, "cho-duyet/", "Dự thảo chờ duyệt")
    page.get_by_label("Nhận xét").fill("Đồng ý nội dung.")
    page.get_by_role("button", name="Đồng ý").click()
    expect(page.get_by_text("Đã duyệt dự thảo, chuyển văn thư kiểm tra thể thức.")).to_be_visible()


def _clerk_checks_format(page: Page, live_server: LiveServer) -> None:
    _open_from_queue(page, live_server, "cho-kiem-tra/", "Chờ kiểm tra thể thức")
    expect(page.locator("[data-format-summary]")).to_have_text("Không có lỗi thể thức.")
    page.get_by_role("button", name="Ghi nhận kiểm tra thể thức").click()
    expect(page.get_by_text("Đã ghi nhận kiểm tra thể thức: đạt.")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Đã kiểm tra thể thức")


def _leader_approves(page: Page, live_server: LiveServer) -> None:
    _open_from_queue(page, live_server, "cho-ky/", "Văn bản chờ ký duyệt")
    page.get_by_role("button", name="Duyệt ký").click()
    expect(page.get_by_text("Đã duyệt ký; văn thư sẽ cấp số và phát hành.")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Lãnh đạo cơ quan đã duyệt ký")


def _clerk_issues(page: Page, live_server: LiveServer) -> None:
    _open_from_queue(page, live_server, "cho-phat-hanh/", "Chờ phát hành")
    page.get_by_role("link", name="Cấp số và phát hành").click()
    expect(page.locator("[data-book]")).to_have_text("Sổ đăng ký văn bản đi")
    expect(page.locator("[data-expected-number]")).to_have_text("01")
    page.get_by_label("Đơn vị trong cơ quan").select_option(label="Văn phòng")
    page.get_by_label("Cơ quan khác trong hệ thống").select_option(label=RECEIVER)
    page.get_by_label("Gửi qua bưu điện").fill("Phòng Tư pháp huyện Hòn Đất – Hòn Đất, Kiên Giang")
    _screenshot(page, "issue")
    page.get_by_role("button", name="Cấp số và phát hành").click()
    expect(page.locator("[data-code]")).to_have_text("Số: 01/SNV-VP")
    expect(page.get_by_text("Đã cấp số 01/SNV-VP")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Đã phát hành")
    deliveries = page.locator(".deliveries")
    expect(deliveries).to_contain_text("Văn phòng")
    expect(deliveries.locator("li", has_text=RECEIVER)).to_contain_text("Chờ tiếp nhận")
    _screenshot(page, "record")


def _receiver_accepts(page: Page, live_server: LiveServer) -> None:
    """The other agency's clerk takes the document into their incoming book (incoming's UI)."""
    page.goto(f"{live_server.url}/van-ban-den/cho-tiep-nhan/")
    card = page.locator("[data-delivery]", has_text=SUBJECT)
    card.get_by_role("button", name="Tiếp nhận").click()
    expect(card.locator("[data-arrival-number]")).to_have_text("01")


def test_cong_van_from_draft_to_issued(
    browser: Browser, live_server: LiveServer, people: Office, receiver: Office
) -> None:
    _specialist_drafts(_session(browser, live_server, people.specialist, PHONE), live_server)
    _head_reviews(_session(browser, live_server, people.head, OFFICE), live_server)
    clerk = _session(browser, live_server, people.clerk, OFFICE)
    _clerk_checks_format(clerk, live_server)
    _leader_approves(_session(browser, live_server, people.leader, OFFICE), live_server)
    _clerk_issues(clerk, live_server)
    record_url = clerk.url
    _receiver_accepts(_session(browser, live_server, receiver.clerk, OFFICE), live_server)
    clerk.goto(record_url)
    arrived = clerk.locator(".deliveries li", has_text=RECEIVER)
    expect(arrived).to_contain_text("số đến 01")
    _screenshot(clerk, "record-arrived")

    clerk.goto(f"{live_server.url}/van-ban-di/")
    row = clerk.locator("[data-register] tbody tr").first
    expect(row.locator("[data-code]")).to_have_text("01/SNV-VP")
    expect(row).to_contain_text(SUBJECT)
    expect(row).to_contain_text("Nguyễn Văn Đức")
    expect(row).to_contain_text("Đã phát hành")
    assert _no_horizontal_scroll(clerk)
    _screenshot(clerk, "register")
    outgoing = OutgoingRecord.objects.get()
    assert (outgoing.number, outgoing.register_book, outgoing.issued_by) == (
        1,
        people.outgoing_book,
        people.clerk,
    )
    assert outgoing.distributions.count() == 3
