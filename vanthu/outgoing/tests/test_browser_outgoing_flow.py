"""A real Chromium takes a Công văn from a new structured draft to issued, with four roles."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser import OFFICE, PHONE
from tests.pages import logged_in_page, no_horizontal_scroll, screenshot
from vanthu.documents.models import DocumentType
from vanthu.documents.reference import document_types_load
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.tests.factories import Office, office_make, receiver_office_make

pytestmark = [pytest.mark.browser]

SUBJECT = "Kiểm tra công tác văn thư, lưu trữ năm 2026"
RECEIVER = "UBND huyện Châu Thành"


@pytest.fixture
def people(transactional_db: None) -> Office:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    return office_make()


@pytest.fixture
def receiver(people: Office) -> Office:
    return receiver_office_make(RECEIVER)


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
    assert no_horizontal_scroll(page)
    screenshot(page, "outgoing-compose-phone")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo (phiên bản 1).")).to_be_visible()
    # The format panel arrives through htmx.
    expect(page.locator("[data-format-summary]")).to_have_text("Không có lỗi thể thức.")
    assert no_horizontal_scroll(page)
    screenshot(page, "outgoing-draft-phone")
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
    screenshot(page, "outgoing-issue")
    page.get_by_role("button", name="Cấp số và phát hành").click()
    expect(page.locator("[data-code]")).to_have_text("Số: 01/SNV-VP")
    expect(page.get_by_text("Đã cấp số 01/SNV-VP")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Đã phát hành")
    deliveries = page.locator(".deliveries")
    expect(deliveries).to_contain_text("Văn phòng")
    expect(deliveries.locator("li", has_text=RECEIVER)).to_contain_text("Chờ tiếp nhận")
    screenshot(page, "outgoing-record")


def _receiver_accepts(page: Page, live_server: LiveServer) -> None:
    """The other agency's clerk takes the document into their incoming book (incoming's UI)."""
    page.goto(f"{live_server.url}/van-ban-den/cho-tiep-nhan/")
    card = page.locator("[data-delivery]", has_text=SUBJECT)
    card.get_by_role("button", name="Tiếp nhận").click()
    expect(card.locator("[data-arrival-number]")).to_have_text("01")


def test_cong_van_from_draft_to_issued(
    browser: Browser, live_server: LiveServer, people: Office, receiver: Office
) -> None:
    _specialist_drafts(
        logged_in_page(browser, live_server, people.specialist, viewport=PHONE, timeout_ms=20_000),
        live_server,
    )
    _head_reviews(
        logged_in_page(browser, live_server, people.head, viewport=OFFICE, timeout_ms=20_000),
        live_server,
    )
    clerk = logged_in_page(browser, live_server, people.clerk, viewport=OFFICE, timeout_ms=20_000)
    _clerk_checks_format(clerk, live_server)
    _leader_approves(
        logged_in_page(browser, live_server, people.leader, viewport=OFFICE, timeout_ms=20_000),
        live_server,
    )
    _clerk_issues(clerk, live_server)
    record_url = clerk.url
    _receiver_accepts(
        logged_in_page(browser, live_server, receiver.clerk, viewport=OFFICE, timeout_ms=20_000),
        live_server,
    )
    clerk.goto(record_url)
    arrived = clerk.locator(".deliveries li", has_text=RECEIVER)
    expect(arrived).to_contain_text("số đến 01")
    screenshot(clerk, "outgoing-record-arrived")

    clerk.goto(f"{live_server.url}/van-ban-di/")
    row = clerk.locator("[data-register] tbody tr").first
    expect(row.locator("[data-code]")).to_have_text("01/SNV-VP")
    expect(row).to_contain_text(SUBJECT)
    expect(row).to_contain_text("Nguyễn Văn Đức")
    expect(row).to_contain_text("Đã phát hành")
    assert no_horizontal_scroll(clerk)
    screenshot(clerk, "outgoing-register")
    outgoing = OutgoingRecord.objects.get()
    assert (outgoing.number, outgoing.register_book, outgoing.issued_by) == (
        1,
        people.outgoing_book,
        people.clerk,
    )
    assert outgoing.distributions.count() == 3
