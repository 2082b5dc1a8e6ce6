"""A real Chromium walks one document from scan upload to done: clerk, leader, specialist."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser import OFFICE, PHONE
from tests.pages import logged_in_page, no_horizontal_scroll, screenshot
from vanthu.accounts.models import User
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, DocumentType
from vanthu.documents.reference import document_types_load
from vanthu.documents.uploads import blob_store_upload
from vanthu.incoming.models import IncomingDelivery
from vanthu.incoming.tests.deliveries import send
from vanthu.incoming.tests.factories import Office, office_make
from vanthu.incoming.tests.ui_helpers import pdf_bytes

pytestmark = [pytest.mark.browser]

SUBJECT = "Kiểm tra công tác văn thư, lưu trữ năm 2020"


@pytest.fixture
def people(transactional_db: None) -> Office:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    office = office_make(name="Sở Nội vụ tỉnh Kiên Giang")
    for user, name in (
        (office.clerk, "Nguyễn Thị Lan"),
        (office.leader, "Trần Văn Hùng"),
        (office.specialist_a, "Lê Minh Đức"),
    ):
        user.full_name = name
        user.save(update_fields=["full_name"])
    return office


def _session(browser: Browser, live_server: LiveServer, user: User, size: ViewportSize) -> Page:
    return logged_in_page(browser, live_server, user, viewport=size, timeout_ms=10_000)


def _clerk_registers_and_presents(page: Page, live_server: LiveServer, scan: Path) -> str:
    page.goto(f"{live_server.url}/van-ban-den/dang-ky/")
    organ = page.get_by_label("Cơ quan ban hành")
    expect(organ).to_be_focused()
    page.keyboard.type("so noi vu")
    suggestion = page.get_by_role("option", name="Sở Nội vụ tỉnh Kiên Giang")
    expect(suggestion).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(organ).to_have_value("Sở Nội vụ tỉnh Kiên Giang")
    page.keyboard.press("Tab")
    page.keyboard.type("26")
    page.keyboard.press("Tab")
    page.keyboard.type("KH-SNV")
    page.keyboard.press("Tab")
    page.keyboard.type("23/04/2020")
    page.get_by_label("Loại văn bản").select_option("10")
    page.get_by_label("Chức vụ người ký").fill("Giám đốc")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn A")
    page.get_by_label("Số trang").fill("4")
    page.locator("#id_scan").set_input_files(scan)
    expect(page.get_by_text("Đã chọn: ke-hoach-26.pdf")).to_be_visible()
    page.get_by_role("button", name="Ghi vào sổ").click()
    # The subject was forgotten: the error is beside it, the rest (and the scan) are kept.
    expect(page.get_by_text("Trường này là bắt buộc.")).to_be_visible()
    expect(page.locator("#id_code_number")).to_have_value("26")
    expect(page.get_by_text("Đã tải lên: ke-hoach-26.pdf")).to_be_visible()
    expect(page.get_by_label("Trích yếu nội dung")).to_be_focused()
    screenshot(page, "incoming-register-error")
    page.keyboard.type(SUBJECT)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Đã vào sổ văn bản đến")).to_be_visible()
    expect(page.locator("[data-arrival-number]")).to_have_text("01")
    expect(page.get_by_role("link", name="Đăng ký tiếp")).to_be_focused()
    screenshot(page, "incoming-registered")
    page.get_by_role("link", name="Mở văn bản, trình lãnh đạo").click()
    expect(page.get_by_role("link", name="ke-hoach-26.pdf")).to_be_visible()
    # Attach one more file: the files section refreshes in place.
    appendix = scan.with_name("phu-luc.pdf")
    appendix.write_bytes(pdf_bytes(pages=1))
    page.locator("#id_file").set_input_files(appendix)
    expect(page.get_by_text("Đã chọn: phu-luc.pdf")).to_be_visible()
    page.get_by_role("button", name="Đính kèm", exact=True).click()
    expect(page.get_by_text("Đã đính kèm tệp “phu-luc.pdf”.")).to_be_visible()
    expect(page.get_by_role("link", name="phu-luc.pdf")).to_be_visible()
    page.get_by_role("button", name="Trình lãnh đạo").click()
    expect(page.get_by_text("Đã trình lãnh đạo.")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Đã trình")
    return page.url


def _leader_assigns(page: Page, live_server: LiveServer, specialist: User) -> None:
    page.goto(f"{live_server.url}/van-ban-den/cho-y-kien/")
    expect(page.get_by_role("heading", name="Văn bản chờ cho ý kiến")).to_be_visible()
    screenshot(page, "incoming-inbox")
    page.get_by_role("link", name=SUBJECT).click()
    page.get_by_label("Ý kiến chỉ đạo (bút phê)").fill(
        "Giao đồng chí Đức chủ trì, chuẩn bị hồ sơ phục vụ kiểm tra."
    )
    page.get_by_label("Chủ trì").select_option(f"user:{specialist.username}")
    expect(page.get_by_label("Hạn giải quyết")).not_to_have_value("")
    screenshot(page, "incoming-assign")
    page.get_by_role("button", name="Phân công").click()
    expect(page.get_by_text("Đã phân công giải quyết.")).to_be_visible()


def _specialist_handles(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/van-ban-den/duoc-giao/")
    page.get_by_role("link", name=SUBJECT).click()
    page.get_by_role("button", name="Bắt đầu giải quyết").click()
    expect(page.locator("[data-status]")).to_have_text("Đang giải quyết")
    page.get_by_label("Ghi chú", exact=True).fill("Đã rà soát hồ sơ năm 2019 và 2020.")
    page.get_by_role("button", name="Thêm ghi chú").click()
    expect(page.get_by_text("Đã thêm ghi chú.")).to_be_visible()
    page.get_by_label("Kết quả giải quyết").fill("Đã chuẩn bị đầy đủ hồ sơ.")
    page.get_by_role("button", name="Hoàn thành", exact=True).click()
    expect(page.locator("[data-status]")).to_have_text("Đã giải quyết")


def test_one_document_from_scan_to_done(
    browser: Browser, live_server: LiveServer, people: Office, tmp_path: Path
) -> None:
    scan = tmp_path / "ke-hoach-26.pdf"
    scan.write_bytes(pdf_bytes(pages=4))
    clerk = _session(browser, live_server, people.clerk, OFFICE)
    url = _clerk_registers_and_presents(clerk, live_server, scan)
    _leader_assigns(
        _session(browser, live_server, people.leader, OFFICE), live_server, people.specialist_a
    )
    specialist = _session(browser, live_server, people.specialist_a, OFFICE)
    _specialist_handles(specialist, live_server)
    timeline = specialist.locator(".timeline")
    for step in ("Vào sổ", "Trình", "Phân công", "Ghi chú", "Hoàn thành"):
        expect(timeline.get_by_text(step, exact=True).first).to_be_visible()
    for text in (
        "Nguyễn Thị Lan",
        "Trần Văn Hùng",
        "Lê Minh Đức",
        "Giao đồng chí Đức chủ trì, chuẩn bị hồ sơ phục vụ kiểm tra.",
        "Đã rà soát hồ sơ năm 2019 và 2020.",
        "Đã chuẩn bị đầy đủ hồ sơ.",
    ):
        expect(timeline).to_contain_text(text)
    assert no_horizontal_scroll(specialist)
    screenshot(specialist, "incoming-done")
    clerk.goto(url)
    screenshot(clerk, "incoming-detail-clerk")
    clerk.goto(f"{live_server.url}/van-ban-den/")
    expect(clerk.get_by_role("link", name=SUBJECT)).to_be_visible()
    assert no_horizontal_scroll(clerk)
    screenshot(clerk, "incoming-list")


def test_phone_layout(browser: Browser, live_server: LiveServer, people: Office) -> None:
    people.register(subject="Công văn hỏa tốc về phòng chống bão", urgency="flash")
    page = _session(browser, live_server, people.clerk, PHONE)
    for path, name in (("dang-ky/", "phone-register"), ("", "phone-list")):
        page.goto(f"{live_server.url}/van-ban-den/{path}")
        assert no_horizontal_scroll(page)
        screenshot(page, f"incoming-{name}")
    expect(page.get_by_text("Hỏa tốc").first).to_be_visible()


def _sent_to(people: Office) -> tuple[IncomingDelivery, IncomingDelivery]:
    """Return two deliveries from a commune to ``people``: an ordinary one and a Hỏa tốc one."""
    sender = office_make(name="UBND xã Mong Thọ B")
    plain = send(sender, people, subject="Báo cáo công tác văn thư năm 2020")
    flash = send(
        sender, people, code_number="31", urgency="flash", subject="Công văn hỏa tốc về bão số 5"
    )
    blob = blob_store_upload(
        actor=sender.clerk, fileobj=io.BytesIO(pdf_bytes(pages=2)), filename="cv-31.pdf"
    )
    Attachment.objects.create(
        document=flash.document, blob=blob, role=AttachmentRole.ORIGINAL, filename="cv-31.pdf"
    )
    return plain, flash


def test_clerk_accepts_and_refuses_from_the_queue(
    browser: Browser, live_server: LiveServer, people: Office, tmp_path: Path
) -> None:
    plain, flash = _sent_to(people)
    page = _session(browser, live_server, people.clerk, OFFICE)
    page.goto(f"{live_server.url}/van-ban-den/")
    page.get_by_role("link", name="Chờ tiếp nhận").click()
    expect(page.get_by_role("heading", name="Văn bản chờ tiếp nhận")).to_be_visible()
    titles = page.locator(".delivery-title")
    expect(titles.first).to_contain_text("Hỏa tốc")
    expect(titles.nth(1)).to_contain_text("Báo cáo công tác văn thư năm 2020")
    expect(page.get_by_role("link", name="cv-31.pdf")).to_be_visible()
    screenshot(page, "queue-list")
    # Refusing without a reason is refused beside the field; the item stays.
    item = page.locator(f"#delivery-{plain.pk}")
    item.get_by_text("Trả lại", exact=True).click()
    item.get_by_role("button", name="Trả lại văn bản").click()
    expect(item.get_by_text("Trường này là bắt buộc.")).to_be_visible()
    expect(item.get_by_label("Lý do trả lại (cơ quan gửi sẽ thấy)")).to_be_focused()
    page.keyboard.type("Văn bản không thuộc thẩm quyền của Sở.")
    item.get_by_role("button", name="Trả lại văn bản").click()
    expect(page.locator(f"#delivery-{plain.pk}")).to_contain_text("Đã trả lại")
    # Accept the urgent one by keyboard: a due date, Enter; the arrival number is shown.
    urgent = page.locator(f"#delivery-{flash.pk}")
    urgent.get_by_label("Hạn giải quyết").focus()
    page.keyboard.type("31/12/2099")
    page.keyboard.press("Enter")
    expect(urgent.locator("[data-arrival-number]")).to_have_text("01")
    opened = page.locator(f"#delivery-{flash.pk}").get_by_role(
        "link", name="Mở văn bản, trình lãnh đạo"
    )
    expect(opened).to_be_focused()
    screenshot(page, "queue-decided")
    opened.click()
    expect(page.get_by_role("link", name="cv-31.pdf")).to_be_visible()
    # A delivered document is the issuer's: the receiver adds no file to it.
    expect(page.locator("#id_file")).to_have_count(0)
    assert no_horizontal_scroll(page)
    screenshot(page, "queue-attached")
    phone = _session(browser, live_server, people.clerk, PHONE)
    send(office_make(name="Phòng Tư pháp huyện Châu Thành"), people, subject="Kế hoạch năm 2020")
    phone.goto(f"{live_server.url}/van-ban-den/cho-tiep-nhan/")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "queue-phone")
