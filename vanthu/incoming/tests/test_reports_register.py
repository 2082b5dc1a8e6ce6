"""The "Sổ đăng ký văn bản đến": rows, numbering, notes, scoping, XLSX and PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.dates import format_date
from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.numbering import number_cancel, today_in_vietnam
from vanthu.incoming.reports.register import REGISTER_COLUMNS, register_report
from vanthu.incoming.reports.xlsx_register import register_xlsx
from vanthu.incoming.services import incoming_assign
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_reports_support import (
    A4_LANDSCAPE,
    MARCH,
    open_xlsx,
    page_sizes,
    pdf_pages,
    pdf_text,
    register_march,
    save_png,
)
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]
END_OF_MARCH = dt.date(2025, 3, 31)
TITLES = [
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Đơn vị hoặc người nhận",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
]


def _march(office: Office) -> bytes:
    report = register_report(
        actor=office.clerk, book_id=office.book.pk, date_from=MARCH, date_to=END_OF_MARCH, volume=2
    )
    return register_xlsx(report)


class TestRegisterRows:
    def test_every_column_in_order_with_routing_and_notes(self, office: Office) -> None:
        records = register_march(office)
        incoming_assign(
            actor=office.leader,
            incoming=records[0],
            lead=Party(user=office.specialist_a),
            supports=[Party(unit=office.unit_b)],
            instruction="Phòng Tổ chức chủ trì.",
        )
        again = office.register(
            on=dt.date(2025, 3, 21),
            code_number=records[1].document.code_number,
            issued_date=records[1].document.issued_date,
            confirm_duplicate=True,
            duplicate_reason="Bản gửi lại có đóng dấu đỏ",
            urgency="urgent",
        )
        number_cancel(allocation=records[2].allocation, actor=office.clerk, reason="Vào sổ nhầm")
        report = register_report(
            actor=office.clerk, book_id=office.book.pk, date_from=MARCH, date_to=END_OF_MARCH
        )
        assert [str(title) for title in REGISTER_COLUMNS] == TITLES
        assert [row.number for row in report.rows] == [1, 2, 3, 4, 5]
        first = report.rows[0].cells
        today = format_date(today_in_vietnam())
        assert first == (
            "01/03/2025",
            "01",
            "Sở Nội vụ tỉnh Kiên Giang",
            f"{records[0].document.code_number}/KH-SNV",
            "27/02/2025",
            "Kế hoạch: Kiểm tra công tác văn thư, lưu trữ năm 2025",
            f"Chủ trì: {office.specialist_a}; Phối hợp: Phòng Văn thư - Lưu trữ",
            today,
            "",
            "",
        )
        assert report.rows[1].cells[7] == ""  # not given to anyone yet
        assert report.rows[2].cells[9] == "Số đã hủy: Vào sổ nhầm"
        duplicate_note = report.rows[4].cells[9]
        assert duplicate_note.startswith("Khẩn; Trùng văn bản số đến 02 ngày 04/03/2025")
        assert duplicate_note.endswith("lý do vào sổ lại: Bản gửi lại có đóng dấu đỏ")
        assert again.arrival_number == 5
        cover = report.cover
        assert (cover.title, cover.year, cover.number_from, cover.number_to) == (
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            2025,
            "01",
            "05",
        )

    def test_a_period_keeps_the_numbers_of_its_days_only(self, office: Office) -> None:
        register_march(office)
        office.register(on=dt.date(2025, 4, 2))
        report = register_report(
            actor=office.clerk,
            book_id=office.book.pk,
            date_from=dt.date(2025, 3, 4),
            date_to=dt.date(2025, 4, 30),
        )
        assert [row.number for row in report.rows] == [2, 3, 4, 5]
        assert (report.cover.number_from, report.cover.number_to) == ("02", "05")

    def test_confidential_records_only_in_the_secret_book(self, office: Office) -> None:
        register_march(office)
        office.register(on=dt.date(2025, 3, 5), confidentiality=1, subject="Văn bản mật thử")
        ordinary = register_report(
            actor=office.leader, book_id=office.book.pk, date_to=END_OF_MARCH, date_from=MARCH
        )
        secret = register_report(
            actor=office.leader,
            book_id=office.secret_book.pk,
            date_from=MARCH,
            date_to=END_OF_MARCH,
        )
        assert all("Văn bản mật thử" not in row.cells[5] for row in ordinary.rows)
        assert [row.number for row in secret.rows] == [1]
        assert secret.rows[0].cells[5] == "Kế hoạch: Văn bản mật thử"
        assert secret.rows[0].cells[9] == "Mật"
        assert secret.cover.title == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN MẬT"


class TestRegisterRefusals:
    def test_refusals_look_like_not_found(self, office: Office, other_office: Office) -> None:
        uncleared_leader = make_user(
            agency=office.agency, unit=office.unit_a, roles=[Role.AGENCY_LEADER]
        )
        assert uncleared_leader.clearance == Clearance.NONE
        refused = [
            (office.specialist_a, office.book.pk),
            (office.head_a, office.book.pk),
            (other_office.clerk, office.book.pk),
            (uncleared_leader, office.secret_book.pk),
            (office.clerk, 999_999),
        ]
        for actor, book_id in refused:
            with pytest.raises(NotFoundError):
                register_report(actor=actor, book_id=book_id)
        # The uncleared leader still prints the ordinary book.
        assert register_report(actor=uncleared_leader, book_id=office.book.pk).rows == []

    def test_a_period_across_two_years_is_refused(self, office: Office) -> None:
        with pytest.raises(InvalidInputError) as caught:
            register_report(
                actor=office.clerk,
                book_id=office.book.pk,
                date_from=dt.date(2024, 12, 1),
                date_to=dt.date(2025, 1, 31),
            )
        assert "date_to" in caught.value.fields


class TestRegisterXlsx:
    def test_cover_header_rows_and_print_setup(self, office: Office) -> None:
        records = register_march(office)
        workbook = open_xlsx(_march(office))
        assert workbook.sheetnames == ["Bìa sổ", "Sổ đăng ký văn bản đến"]
        cover = [c.value for c in workbook["Bìa sổ"]["A"] if c.value]
        assert cover == [
            office.agency.name.upper(),
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            "Năm: 2025",
            "Từ ngày 01/03/2025 đến ngày 31/03/2025",
            "Từ số 01 đến số 04",
            "Quyển số: 02",
        ]
        sheet = workbook["Sổ đăng ký văn bản đến"]
        assert [c.value for c in sheet[4]] == TITLES
        assert [c.value for c in sheet[5]] == [f"({i})" for i in range(1, 11)]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
        assert [row[1] for row in rows] == [1, 2, 3, 4]
        assert sheet["B6"].number_format == "00"
        for row, record in zip(rows, records, strict=True):
            document = record.document
            assert row == [
                format_date(record.arrival_date),
                record.arrival_number,
                "Sở Nội vụ tỉnh Kiên Giang",
                f"{document.code_number}/KH-SNV",
                format_date(document.issued_date),
                f"Kế hoạch: {document.subject}",
                None,
                None,
                None,
                None,
            ]
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize or 0) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr is not None
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$4:$5"
        footer = sheet.oddFooter
        assert footer is not None
        assert footer.center.text == "Trang &P / &N"
        cell = sheet["F6"]
        assert cell.font.name == "Times New Roman"
        assert cell.alignment.wrap_text
        assert cell.border.left.style == "thin"
        assert sheet.column_dimensions["F"].width == 42


class TestRegisterDownloads:
    def test_the_api_sends_xlsx_and_records_the_download(
        self, client: Client, office: Office
    ) -> None:
        register_march(office)
        client.force_login(office.clerk)
        url = f"/api/v1/incoming/registers/{office.book.pk}.xlsx"
        response = client.get(url, {"date_from": "2025-03-01", "date_to": "2025-03-31"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert "attachment" in response["Content-Disposition"]
        sheet = open_xlsx(response.content)["Sổ đăng ký văn bản đến"]
        assert [c.value for c in sheet["B"]][5:] == [1, 2, 3, 4]
        event = AuditEvent.objects.get(action="incoming.report_downloaded")
        assert event.actor_id == office.clerk.pk
        assert event.data["report"] == "register"
        assert event.data["rows"] == 4

    def test_the_api_refuses_others(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        url = f"/api/v1/incoming/registers/{office.book.pk}.xlsx"
        assert client.get(url).status_code == 401
        for actor in (office.specialist_a, other_office.clerk):
            client.force_login(actor)
            response = client.get(url)
            assert response.status_code == 404
            assert response.json()["code"] == "not_found"
        client.force_login(office.clerk)
        response = client.get(url, {"date_from": "2025-05-01", "date_to": "2025-03-01"})
        assert response.status_code == 400
        assert not AuditEvent.objects.filter(action="incoming.report_downloaded").exists()

    def test_the_pdf_is_a4_landscape_in_vietnamese(
        self, client: Client, office: Office, tmp_path: Path
    ) -> None:
        register_march(office)
        for day in range(21, 32):
            office.register(on=dt.date(2025, 3, day), subject=f"Đề nghị hỗ trợ kinh phí số {day}")
        client.force_login(office.leader)
        url = f"/api/v1/incoming/registers/{office.book.pk}.pdf"
        response = client.get(url, {"date_from": "2025-03-01", "date_to": "2025-03-31"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        save_png(response.content, tmp_path / "register")
        sizes = page_sizes(response.content)
        assert len(sizes) >= 3  # the cover, then the register over several pages
        assert set(sizes) == {A4_LANDSCAPE}
        text = pdf_text(response.content)
        for expected in (
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            "Năm: 2025",
            "Từ số 01 đến số 15",
            "Tên loại và trích yếu nội dung văn bản",
            "Sở Nội vụ tỉnh Kiên Giang",
            "Hướng dẫn lập hồ sơ và nộp lưu hồ sơ",
            "Đề nghị hỗ trợ kinh phí số 31",
            f"Trang 2 / {len(sizes)}",
        ):
            assert expected in text, expected
        # The header row repeats on the last page too.
        assert "Ngày đến Số đến Tác giả" in pdf_pages(response.content)[-1]
