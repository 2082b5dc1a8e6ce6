"""The handling slip, the "ĐẾN" stamp and the UI downloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client

from vanthu.audit.models import AuditEvent
from vanthu.core.dates import date_line, format_date
from vanthu.core.errors import NotFoundError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.slip import slip_for
from vanthu.incoming.reports.stamp import stamp_for
from vanthu.incoming.services import incoming_assign, incoming_complete, incoming_present
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_reports_support import (
    A4_PORTRAIT,
    open_xlsx,
    page_sizes,
    pdf_text,
    register_march,
    save_png,
)
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]
STAMP_SIZE = (142, 99)  # 50 × 35 mm in points


def _handled(office: Office) -> IncomingRecord:
    """One document presented, assigned to unit A, re-assigned by its head and completed."""
    record = office.register(on=dt.date(2025, 3, 3), issued_date=dt.date(2025, 3, 1))
    incoming_present(actor=office.clerk, incoming=record)
    incoming_assign(
        actor=office.leader,
        incoming=record,
        lead=Party(unit=office.unit_a),
        supports=[Party(unit=office.unit_b)],
        instruction="Giao Phòng Tổ chức chủ trì, Phòng Văn thư - Lưu trữ phối hợp.",
    )
    incoming_assign(
        actor=office.head_a,
        incoming=record,
        lead=Party(user=office.specialist_a),
        supports=[Party(user=office.specialist_a2)],
        instruction="Đồng chí Đức nghiên cứu, đề xuất.",
    )
    return incoming_complete(
        actor=office.specialist_a, incoming=record, note="Đề xuất ban hành kế hoạch thực hiện."
    )


class TestSlip:
    def test_the_three_sections_come_from_the_trace(self, office: Office) -> None:
        record = _handled(office)
        slip = slip_for(actor=office.clerk, incoming_id=record.pk)
        today = format_date(today_in_vietnam())
        assert (slip.national_name, slip.national_motto) == (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        )
        assert slip.date_line == date_line("Kiên Giang", today_in_vietnam())
        assert (slip.arrival_number, slip.arrival_date, slip.issued_date) == (
            "01",
            "03/03/2025",
            "01/03/2025",
        )
        assert slip.type_name == "Kế hoạch"
        leader = slip.leader
        assert leader is not None
        assert leader.text == "Giao Phòng Tổ chức chủ trì, Phòng Văn thư - Lưu trữ phối hợp."
        assert (leader.lead, leader.supports, leader.day, leader.by) == (
            "Phòng Tổ chức",
            "Phòng Văn thư - Lưu trữ",
            today,
            str(office.leader),
        )
        unit = slip.unit_leader
        assert unit is not None
        assert (unit.lead, unit.supports, unit.by) == (
            str(office.specialist_a),
            str(office.specialist_a2),
            str(office.head_a),
        )
        assert unit.due == leader.due != ""
        assert slip.proposal == "Đề xuất ban hành kế hoạch thực hiện."
        assert slip.proposal_by == str(office.specialist_a)

    def test_a_fresh_record_has_empty_sections(self, office: Office) -> None:
        record = office.register()
        slip = slip_for(actor=office.leader, incoming_id=record.pk)
        assert (slip.leader, slip.unit_leader, slip.proposal) == (None, None, "")

    def test_the_pdf_is_a4_portrait_with_the_header(
        self, client: Client, office: Office, tmp_path: Path
    ) -> None:
        record = _handled(office)
        client.force_login(office.clerk)
        response = client.get(f"/api/v1/incoming/{record.pk}/slip.pdf")
        assert response.status_code == 200
        save_png(response.content, tmp_path / "slip")
        assert page_sizes(response.content) == [A4_PORTRAIT]
        text = pdf_text(response.content)
        for expected in (
            office.agency.name.upper(),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            date_line("Kiên Giang", today_in_vietnam()),
            "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
            "Kiểm tra công tác văn thư, lưu trữ năm 2020",
            "Ý kiến chỉ đạo của lãnh đạo cơ quan, tổ chức",
            "Đồng chí Đức nghiên cứu, đề xuất.",
            "Đề xuất ban hành kế hoạch thực hiện.",
        ):
            assert expected in text, expected
        event = AuditEvent.objects.get(action="incoming.report_downloaded")
        assert (event.target_id, event.data["report"]) == (str(record.pk), "slip")


class TestStamp:
    def test_stamp_data_and_label(self, client: Client, office: Office, tmp_path: Path) -> None:
        record = _handled(office)
        stamp = stamp_for(actor=office.clerk, incoming_id=record.pk)
        assert (stamp.agency, stamp.word, stamp.number, stamp.day) == (
            office.agency.name.upper(),
            "ĐẾN",
            "01",
            "03/03/2025",
        )
        assert (stamp.transfer_to, stamp.file_notation) == (str(office.specialist_a), "")
        client.force_login(office.leader)
        response = client.get(f"/api/v1/incoming/{record.pk}/stamp.pdf")
        assert response.status_code == 200
        save_png(response.content, tmp_path / "stamp")
        assert page_sizes(response.content) == [STAMP_SIZE]
        text = pdf_text(response.content)
        for expected in ("ĐẾN", "Số: 01", "Ngày: 03/03/2025", "Số và ký hiệu HS"):
            assert expected in text, expected

    def test_refusals(self, client: Client, office: Office, other_office: Office) -> None:
        record = office.register()
        for actor in (office.specialist_a, office.head_b, other_office.clerk, other_office.leader):
            with pytest.raises(NotFoundError):
                stamp_for(actor=actor, incoming_id=record.pk)
            with pytest.raises(NotFoundError):
                slip_for(actor=actor, incoming_id=record.pk)
        client.force_login(other_office.clerk)
        for kind in ("slip", "stamp"):
            assert client.get(f"/api/v1/incoming/{record.pk}/{kind}.pdf").status_code == 404


class TestViews:
    def test_the_page_and_the_downloads(self, client: Client, office: Office) -> None:
        register_march(office)
        client.force_login(office.clerk)
        page = client.get("/van-ban-den/in/")
        assert page.status_code == 200
        html = page.content.decode()
        assert "Sổ đăng ký văn bản đến mật" in html
        assert f"/van-ban-den/in/so-den/{office.book.pk}.xlsx" in html
        response = client.get(
            f"/van-ban-den/in/so-den/{office.book.pk}.xlsx",
            {"date_from": "2025-03-01", "date_to": "2025-03-31", "volume": "3"},
        )
        assert response.status_code == 200
        assert open_xlsx(response.content)["Bìa sổ"]["A10"].value == "Quyển số: 03"
        handling = client.get("/van-ban-den/in/bao-cao-giai-quyet.xlsx", {"date_to": "2025-03-31"})
        assert handling.status_code == 200
        assert AuditEvent.objects.filter(action="incoming.report_downloaded").count() == 2

    def test_a_wrong_period_goes_back_with_the_message(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        response = client.get(
            f"/van-ban-den/in/so-den/{office.book.pk}.pdf",
            {"date_from": "2025-03-31", "date_to": "2025-03-01"},
            follow=True,
        )
        assert response.redirect_chain[-1][0] == "/van-ban-den/in/"
        assert "Từ ngày phải trước hoặc bằng đến ngày." in response.content.decode()
        bad = client.get(f"/van-ban-den/in/so-den/{office.book.pk}.pdf", {"date_from": "31/03"})
        assert bad.status_code == 302

    def test_refusals(self, client: Client, office: Office, other_office: Office) -> None:
        record = office.register()
        assert client.get("/van-ban-den/in/").status_code == 302  # to the login page
        client.force_login(office.specialist_a)
        assert client.get("/van-ban-den/in/").status_code == 404
        assert client.get(f"/van-ban-den/in/so-den/{office.book.pk}.xlsx").status_code == 404
        client.force_login(other_office.clerk)
        for url in (
            f"/van-ban-den/in/so-den/{office.book.pk}.pdf",
            f"/van-ban-den/in/{record.pk}/phieu-giai-quyet.pdf",
            f"/van-ban-den/in/{record.pk}/dau-den.pdf",
        ):
            assert client.get(url).status_code == 404
        page = client.get("/van-ban-den/in/").content.decode()
        assert office.book.name not in page or f"so-den/{office.book.pk}." not in page
