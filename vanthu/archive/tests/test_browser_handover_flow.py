"""Issue 6 acceptance: a real Chromium takes an incoming document from "handled" to the agency
archive. The specialist completes it, files it with one click, adds the reply and a working
paper from the dossier page, closes the dossier and hands it over; the archivist checks and
accepts it. The inventory and minutes (DOCX) and the dossier export (PDF, XML) are read back."""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document as DocxDocument
from docx.table import Table
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from tests.pages import logged_in_page, screenshot
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.models import Handover
from vanthu.core.dates import format_date
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import DocumentType, RegisterBook
from vanthu.documents.reference import document_types_load
from vanthu.dossiers.enums import DossierStatus, Retention
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.plan_services import (
    file_plan_approve,
    file_plan_create,
    file_plan_issue,
    heading_add,
    plan_item_add,
)
from vanthu.dossiers.tests.factories import pdf_bytes
from vanthu.incoming.attachments import incoming_register_with_files
from vanthu.incoming.services import incoming_assign
from vanthu.incoming.tests.factories import data
from vanthu.outgoing.issue import draft_issue
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.tests.factories import Office, draft_approved, office_make
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.browser]

INCOMING_SUBJECT = "Kiểm tra công tác văn thư, lưu trữ năm 2026"
REPLY_SUBJECT = "Báo cáo tự kiểm tra công tác văn thư, lưu trữ năm 2026"
PAPER_SUBJECT = "Kế hoạch tự kiểm tra công tác văn thư, lưu trữ của Văn phòng"
PLAN_TITLE = "Hồ sơ kiểm tra công tác văn thư, lưu trữ"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Scene:
    office: Office
    archivist: User
    today: dt.date
    received_on: dt.date
    paper_on: dt.date
    reply: OutgoingRecord


def _plan(office: Office, year: int) -> None:
    """The agency's approved and issued file plan with item 01.TCCB (keywords: văn thư)."""
    plan = file_plan_create(actor=office.clerk, year=year)
    heading = heading_add(
        actor=office.clerk, plan=plan, title="Tổ chức, cán bộ", abbreviation="TCCB"
    )
    plan_item_add(
        actor=office.clerk,
        heading=heading,
        title=PLAN_TITLE,
        retention=Retention.Y20,
        keywords="văn thư, lưu trữ",
    )
    file_plan_approve(actor=office.leader, plan=plan)
    file_plan_issue(
        actor=office.clerk,
        plan=plan,
        decision_number="12/QĐ-SNV",
        decision_date=dt.date(year, 1, 5),
    )


@pytest.fixture
def scene(transactional_db: None) -> Scene:
    document_types_load(model=DocumentType)  # a flushed database lost the reference rows
    office = office_make()
    archivist = make_user(
        agency=office.agency,
        unit=office.unit,
        roles=[Role.ARCHIVIST],
        full_name="Trần Thị Lưu",
        position_title="Lưu trữ viên",
    )
    RegisterBook.objects.create(
        agency=office.agency, kind=RegisterKind.INCOMING, name="Sổ đăng ký văn bản đến"
    )
    today = timezone.localdate()
    received_on = today - dt.timedelta(days=10)
    _plan(office, received_on.year)
    incoming = incoming_register_with_files(
        actor=office.clerk,
        data=data(
            type_code="10",
            code_number="26",
            code_notation="KH-UBND",
            issued_date=received_on,
            organ_name="Ủy ban nhân dân tỉnh Kiên Giang",
            subject=INCOMING_SUBJECT,
            page_amount=2,
        ),
        files=[SimpleUploadedFile("ke-hoach-26.pdf", pdf_bytes(2), "application/pdf")],
    )
    incoming_assign(
        actor=office.leader,
        incoming=incoming,
        lead=Party(user=office.specialist),
        supports=[],
        informs=[],
    )
    draft = draft_approved(office, subject=REPLY_SUBJECT)
    reply = draft_issue(actor=office.clerk, draft_id=draft.pk)
    return Scene(
        office=office,
        archivist=archivist,
        today=today,
        received_on=received_on,
        paper_on=today - dt.timedelta(days=30),
        reply=reply,
    )


def _download(page: Page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.locator(selector).click()
    return Path(info.value.path()).read_bytes()


def _specialist_completes_and_files(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/van-ban-den/duoc-giao/")
    page.get_by_role("link", name=INCOMING_SUBJECT).click()
    page.get_by_role("button", name="Bắt đầu giải quyết").click()
    expect(page.locator("[data-status]")).to_have_text("Đang giải quyết")
    page.get_by_label("Kết quả giải quyết").fill("Đã báo cáo kết quả tự kiểm tra.")
    page.get_by_role("button", name="Hoàn thành", exact=True).click()
    expect(page.locator("[data-status]")).to_have_text("Đã giải quyết")
    page.locator("[data-file-link]").get_by_role("link", name="Lập hồ sơ").click()
    expect(page.get_by_role("heading", name="Văn bản chưa lập hồ sơ")).to_be_visible()
    row = page.locator("tr", has_text="26/KH-UBND")
    expect(row).to_contain_text(INCOMING_SUBJECT)
    row.get_by_role("button", name=re.compile(r"^Lập hồ sơ: 01\.TCCB")).click()
    expect(page.get_by_text("Đã lập hồ sơ: văn bản vào hồ sơ 01.TCCB.")).to_be_visible()
    expect(page.locator("tr", has_text="26/KH-UBND")).to_have_count(0)
    page.locator("[data-filed-into]").get_by_role("link").click()
    expect(page.get_by_role("heading", name=f"01.TCCB — {PLAN_TITLE}")).to_be_visible()


def _specialist_adds_reply_and_paper(page: Page, scene: Scene, scan: Path) -> None:
    adding = page.locator("[data-add-documents]")
    adding.get_by_role("button", name=f"Thêm vào hồ sơ: {REPLY_SUBJECT}").click()
    expect(page.get_by_text("Đã thêm văn bản vào hồ sơ, số thứ tự 2.")).to_be_visible()
    adding.get_by_text("Tải lên tài liệu nội bộ").click()
    adding.get_by_label("Tệp tài liệu").set_input_files(scan)
    adding.get_by_label("Trích yếu nội dung").fill(PAPER_SUBJECT)
    adding.get_by_label("Ngày tài liệu").fill(scene.paper_on.isoformat())
    adding.get_by_label("Số trang").fill("1")
    adding.get_by_role("button", name="Tải lên và thêm vào hồ sơ").click()
    expect(page.get_by_text("Đã tải lên và thêm vào hồ sơ, số thứ tự 3.")).to_be_visible()
    items = page.locator("section[aria-labelledby='items-title'] tbody tr")
    expect(items).to_have_count(3)
    expect(items.nth(1)).to_contain_text(REPLY_SUBJECT)
    screenshot(page, "handover-dossier-open")


def _specialist_closes_and_submits(page: Page) -> None:
    page.get_by_label("Thời hạn bảo quản (đánh giá lại)").select_option(label="10 năm")
    page.get_by_label("Ghi chú kết thúc").fill("Hồ sơ đầy đủ.")
    page.get_by_role("button", name="Kết thúc hồ sơ").click()
    expect(page.get_by_text("Đã kết thúc hồ sơ.")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("Đã kết thúc")
    page.locator("[data-handover-hint]").get_by_role("link", name="Nộp lưu hồ sơ").click()
    ready = page.locator("section[aria-labelledby='ready-title']")
    expect(ready.get_by_label("01.TCCB")).to_be_checked()
    page.get_by_label("Tên khối tài liệu (không bắt buộc)").fill("Hồ sơ năm 2026 của Văn phòng")
    page.get_by_role("button", name="Nộp lưu các hồ sơ đã chọn").click()
    expect(page.get_by_text("Đã gửi hồ sơ nộp lưu đến lưu trữ cơ quan.")).to_be_visible()


def _archivist_checks_and_accepts(page: Page, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation").get_by_role("link", name="Hồ sơ nộp lưu").click()
    page.get_by_role("link", name="Hồ sơ năm 2026 của Văn phòng").click()
    row = page.locator("section[aria-labelledby='items-title'] tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("01.TCCB")
    expect(row).to_contain_text(PLAN_TITLE)
    expect(row).to_contain_text("10 năm")
    page.get_by_label("Ý kiến của lưu trữ").fill("Hồ sơ đầy đủ, khớp với mục lục.")
    page.get_by_role("button", name="Tiếp nhận").click()
    expect(page.get_by_text("Đã tiếp nhận hồ sơ vào lưu trữ cơ quan.")).to_be_visible()
    screenshot(page, "handover-accepted")


def _docx_text(content: bytes) -> str:
    """All the text of a DOCX: body paragraphs and table cells, in document order."""
    document = DocxDocument(io.BytesIO(content))
    lines: list[str] = []

    def table_lines(table: Table) -> None:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(paragraph.text for paragraph in cell.paragraphs)
                for inner in cell.tables:
                    table_lines(inner)

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_lines(block)
        else:
            lines.append(block.text)
    return "\n".join(line for line in lines if line.strip())


def _inventory_row(content: bytes) -> list[str]:
    document = DocxDocument(io.BytesIO(content))
    grid = next(t for t in document.tables if t.rows[0].cells[0].text.strip() == "Số TT")
    return [cell.text.strip() for cell in grid.rows[-1].cells]


def _check_forms(page: Page, dossier: Dossier, specialist: User, archivist: User) -> None:
    assert dossier.start_date is not None
    assert dossier.end_date is not None
    span = f"{format_date(dossier.start_date)} - {format_date(dossier.end_date)}"
    inventory = _download(page, "a[href$='muc-luc.docx']")
    text = _docx_text(inventory)
    for expected in (
        NATIONAL_NAME,
        MOTTO,
        "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU",
        "Mục lục này gồm: 1 hồ sơ (đơn vị bảo quản). Viết bằng chữ: Một hồ sơ",
        f"Tổng số trang tài liệu: {dossier.page_total}.",
        "NGƯỜI LẬP",
        specialist.full_name,
    ):
        assert expected in text, expected
    assert _inventory_row(inventory) == [
        "1",
        "01.TCCB",
        PLAN_TITLE,
        span,
        "10 năm",
        str(dossier.page_total),
        "",
    ]
    minutes = _docx_text(_download(page, "a[href$='bien-ban.docx']"))
    for expected in (
        NATIONAL_NAME,
        MOTTO,
        "BIÊN BẢN",
        "Về việc giao nhận hồ sơ, tài liệu nộp lưu",
        "1. Tên khối tài liệu giao nộp: Hồ sơ năm 2026 của Văn phòng.",
        f"2. Thời gian của tài liệu: từ {span.replace(' - ', ' đến ')}.",
        "tổng số hồ sơ (đơn vị bảo quản): 1 (một); tổng số tệp tin (văn bản) trong hồ sơ: 3; "
        f"tổng số trang: {dossier.page_total}.",
        "4. Tình trạng tài liệu giao nộp: Hồ sơ đầy đủ, khớp với mục lục.",
        "ĐẠI DIỆN BÊN GIAO",
        "ĐẠI DIỆN BÊN NHẬN",
        specialist.full_name,
        archivist.full_name,
    ):
        assert expected in minutes, expected


def _check_export(page: Page, scene: Scene, dossier: Dossier) -> None:
    root = ET.fromstring(_download(page, "a:text('Tải XML')"))  # noqa: S314 - our own output
    assert root.tag == "File"
    expected = {
        "FileNotation": "01.TCCB",
        "FileCatalog": str(scene.received_on.year),
        "Title": PLAN_TITLE,
        "Maintenance": "10 năm",
        "Creator": scene.office.specialist.full_name,
        "StartDate": format_date(scene.paper_on),
        "EndDate": format_date(scene.today),
        "DocTotal": "3",
        "PageTotal": str(dossier.page_total),
    }
    assert {name: root.findtext(name) for name in expected} == expected
    for name in ("FileCode", "OrganId", "Rights", "Language", "Description"):
        assert root.find(name) is not None, name
    documents = root.findall("Documents/Document")
    assert [d.findtext("Subject") for d in documents] == [
        PAPER_SUBJECT,
        INCOMING_SUBJECT,
        REPLY_SUBJECT,
    ]
    assert [d.findtext("DocOrdinal") for d in documents] == ["1", "2", "3"]
    assert [d.findtext("IssuedDate") for d in documents] == [
        format_date(day) for day in (scene.paper_on, scene.received_on, scene.today)
    ]
    incoming = documents[1]
    assert (incoming.findtext("CodeNumber"), incoming.findtext("CodeNotation")) == ("26", "KH-UBND")
    assert incoming.findtext("OrganName") == "Ủy ban nhân dân tỉnh Kiên Giang"
    assert incoming.findtext("PageAmount") == "2"
    assert documents[2].findtext("CodeNotation") == scene.reply.document.code_notation
    for document in documents:
        assert [child.tag for child in document] == [
            "DocOrdinal",
            "TypeName",
            "CodeNumber",
            "CodeNotation",
            "IssuedDate",
            "OrganName",
            "Subject",
            "Language",
            "PageAmount",
            "Description",
        ]
    pdf = PdfReader(io.BytesIO(_download(page, "a:text('Tải PDF')")))
    text = "\n".join(p.extract_text() for p in pdf.pages[:2])
    heading = "MỤC LỤC VĂN BẢN, TÀI LIỆU TRONG HỒ SƠ"
    assert heading in text
    toc = text.split(heading, 1)[1].split("CHỨNG TỪ KẾT THÚC", 1)[0]
    # The contents list the documents in chronological order: the paper, the plan, the reply.
    days = [format_date(day) for day in (scene.paper_on, scene.received_on, scene.today)]
    assert toc.index(days[0]) < toc.index(days[1]) < toc.index(days[2])
    assert toc.index("Khác: Kế hoạch tự kiểm") < toc.index("Kế hoạch: Kiểm tra công")
    assert "\n2-3\n" in toc  # the two pages of the plan follow the one-page paper
    # Cover and contents, then every page of the three documents.
    assert len(pdf.pages) >= 1 + dossier.page_total


def test_from_handled_document_to_the_agency_archive(
    browser: Browser, live_server: LiveServer, scene: Scene, tmp_path: Path
) -> None:
    scan = tmp_path / "ke-hoach-tu-kiem-tra.pdf"
    scan.write_bytes(pdf_bytes(1))
    specialist = logged_in_page(browser, live_server, scene.office.specialist)
    _specialist_completes_and_files(specialist, live_server)
    _specialist_adds_reply_and_paper(specialist, scene, scan)
    _specialist_closes_and_submits(specialist)
    dossier = Dossier.objects.get(code="01.TCCB")
    assert (dossier.status, dossier.retention) == (DossierStatus.CLOSED, Retention.Y10)

    archivist = logged_in_page(browser, live_server, scene.archivist)
    _archivist_checks_and_accepts(archivist, live_server)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.HANDED_OVER
    assert Handover.objects.get().status == HandoverStatus.ACCEPTED
    _check_forms(archivist, dossier, scene.office.specialist, scene.archivist)

    specialist.goto(f"{live_server.url}/ho-so/{dossier.pk}/")
    expect(specialist.locator("[data-status]")).to_have_text("Đã nộp lưu")
    expect(specialist.locator("[data-add-documents]")).to_have_count(0)
    _check_export(specialist, scene, dossier)
