"""A real Chromium: a clerk drops a scan of a Kế hoạch, the form fills itself from a real OCR,
the clerk corrects the subject and confirms, and the search for its folded words finds it."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.pages import logged_in_page
from vanthu.capture.enums import CaptureState
from vanthu.capture.models import CaptureCorrection, CaptureJob
from vanthu.documents.models import DocumentType
from vanthu.documents.reference import document_types_load
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office, office_make
from vanthu.search.backends import forget_backends

pytestmark = [pytest.mark.browser]

# One page at 200 dpi, degraded like a scan (made by benchmarks/capture_corpus.py).
SCAN = Path(__file__).resolve().parents[2] / "capture" / "tests" / "data" / "ke-hoach-scan.png"
SUBJECT = "Triển khai tinh giản biên chế năm 2024 trên địa bàn Châu Thành"
OCR_WAIT = 120_000  # milliseconds: OCR of one page on a busy two-core machine

_DROP = """([name, data]) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type: "image/png" }));
  return transfer;
}"""


@pytest.fixture
def office(transactional_db: None, tmp_path: Path) -> Iterator[Office]:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    with override_settings(VANTHU_SEARCH_DIR=str(tmp_path / "search")):
        forget_backends()
        yield office_make(name="Sở Nội vụ tỉnh Kiên Giang")
    forget_backends()


def _drop_scan(page: Page) -> None:
    zone = page.locator("[data-capture]")
    expect(zone).to_be_visible()
    expect(zone.get_by_role("heading", name="Quét hoặc tệp văn bản")).to_be_visible()
    data = base64.b64encode(SCAN.read_bytes()).decode()
    transfer = page.evaluate_handle(_DROP, [SCAN.name, data])
    zone.dispatch_event("drop", {"dataTransfer": transfer})


def _fields_fill_themselves(page: Page) -> None:
    status = page.locator("[data-capture-status]")
    expect(status).to_contain_text("Đang nhận dạng…")
    expect(status).to_contain_text("Đã điền sẵn thông tin", timeout=OCR_WAIT)
    expect(page.locator("#id_code_number")).to_have_value("227")
    expect(page.locator("#id_code_notation")).to_have_value("KH-LĐTBXH")
    expect(page.locator("#id_issued_date")).to_have_value("18/10/2024")
    expect(page.get_by_label("Loại văn bản")).to_have_value(
        DocumentType.objects.get(name__iexact="Kế hoạch").code
    )
    subject = page.get_by_label("Trích yếu nội dung")
    # The scan is degraded: the OCR may read "tinh" as "tỉnh"; the rest must be right.
    expect(subject).to_have_value(
        re.compile("^Triển khai t[iỉ]nh giản biên chế năm 2024 trên địa bàn Châu Thành$")
    )
    expect(page.locator("[data-capture-note='subject']")).to_contain_text("độ tin cậy")
    expect(page.locator("[data-capture-note='code_number']")).to_contain_text("%")
    expect(page.get_by_label("Họ tên người ký")).to_have_value("Trần Hoàng Trí")
    expect(page.locator("input[name='capture_job']")).not_to_have_value("")


def test_a_dropped_scan_fills_the_form_and_the_search_finds_it(
    browser: Browser, live_server: LiveServer, office: Office
) -> None:
    page = logged_in_page(
        browser, live_server, office.clerk, timeout_ms=30_000, navigation_timeout_ms=60_000
    )
    page.goto(f"{live_server.url}/van-ban-den/dang-ky/")
    _drop_scan(page)
    _fields_fill_themselves(page)

    subject = page.get_by_label("Trích yếu nội dung")
    subject.fill(SUBJECT)  # the clerk corrects the one field the OCR may have misread
    expect(page.locator("[data-capture-note='subject']")).to_contain_text("đã sửa")
    page.get_by_role("button", name="Ghi vào sổ").click()
    expect(page.get_by_role("heading", name="Đã vào sổ văn bản đến")).to_be_visible()

    incoming = IncomingRecord.objects.select_related("document").get()
    assert incoming.document.subject == SUBJECT
    job = CaptureJob.objects.get()
    assert job.state == CaptureState.REGISTERED and job.document_id == incoming.document_id
    answers = {a.field: a for a in CaptureCorrection.objects.filter(job=job)}
    assert answers["code_number"].is_correct and answers["issued_date"].is_correct
    assert answers["subject"].confirmed == SUBJECT

    page.goto(f"{live_server.url}/van-ban-den/{incoming.pk}/")
    files = page.locator("[data-attachments]")
    expect(files.get_by_role("link", name=SCAN.name, exact=True)).to_be_visible()
    expect(files.get_by_role("link", name=f"{SCAN.name}.pdfa.pdf")).to_be_visible()
    expect(files.get_by_role("link", name=f"{SCAN.name}.txt")).to_be_visible()

    page.goto(f"{live_server.url}/tim-kiem/")
    page.get_by_label("Từ cần tìm", exact=False).fill("trien khai tinh gian bien che nam 2024")
    page.get_by_role("button", name="Tìm", exact=True).click()
    results = page.locator("#search-results")
    expect(results.get_by_text(SUBJECT)).to_be_visible()
    expect(results).to_contain_text("227/KH-LĐTBXH")
