"""The follow-up book and the handling report: classification, figures, XLSX and PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from vanthu.accounts.models import User
from vanthu.core.dates import format_date
from vanthu.core.errors import NotFoundError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.reports.handling import FOLLOW_UP_COLUMNS, Outcome, handling_report
from vanthu.incoming.reports.xlsx_handling import handling_xlsx
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_reports_support import (
    A4_LANDSCAPE,
    MARCH,
    open_xlsx,
    page_sizes,
    pdf_text,
    register_march,
)
from vanthu.workflow.enums import AssignmentRole
from vanthu.workflow.models import Assignment
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]
PERIOD = {"date_from": MARCH, "date_to": dt.date(2025, 3, 31)}
TODAY = dt.date(2025, 4, 10)  # a Thursday


def _set_due(record: IncomingRecord, due: dt.date) -> None:
    IncomingRecord.objects.filter(pk=record.pk).update(due_date=due)


def _set_done_on(record: IncomingRecord, day: dt.date) -> None:
    moment = dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)
    Assignment.objects.filter(document_id=record.document_id, role=AssignmentRole.LEAD).update(
        closed_at=moment
    )


def _lead_person(record: IncomingRecord) -> User:
    lead = Assignment.objects.get(
        document_id=record.document_id, role=AssignmentRole.LEAD, status="active"
    )
    assert lead.party_user is not None
    return lead.party_user


def _scenario(office: Office) -> list[IncomingRecord]:
    """Four documents: done on time (A), done late (B, unit B), overdue (C), in progress (D)."""
    records = register_march(office)
    leads = (office.specialist_a, office.specialist_b, office.specialist_a, office.specialist_a2)
    for record, lead in zip(records, leads, strict=True):
        incoming_assign(actor=office.leader, incoming=record, lead=Party(user=lead))
    for record in records[:2]:
        incoming_complete(actor=_lead_person(record), incoming=record, note="Xong")
    _set_due(records[0], dt.date(2025, 3, 14))
    _set_done_on(records[0], dt.date(2025, 3, 14))
    _set_due(records[1], dt.date(2025, 3, 14))  # a Friday
    _set_done_on(records[1], dt.date(2025, 3, 18))  # the Tuesday after: 2 working days late
    _set_due(records[2], dt.date(2025, 4, 7))  # a Monday: 3 working days overdue on TODAY
    _set_due(records[3], dt.date(2025, 4, 14))  # the Monday after: 2 working days left
    IncomingRecord.objects.filter(pk=records[0].pk).update(reply_reference="15/BC-STN")
    return records


class TestHandlingReport:
    def test_each_document_is_classed_and_counted(self, office: Office) -> None:
        records = _scenario(office)
        report = handling_report(actor=office.leader, today=TODAY, **PERIOD)
        assert [row.outcome for row in report.rows] == [
            Outcome.ON_TIME,
            Outcome.LATE,
            Outcome.OVERDUE,
            Outcome.IN_PROGRESS,
        ]
        progress = [row.cells[4] for row in report.rows]
        assert progress == [
            "Đã giải quyết ngày 14/03/2025, đúng hạn",
            "Đã giải quyết ngày 18/03/2025, quá hạn 2 ngày làm việc",
            "Chưa giải quyết, quá hạn 3 ngày làm việc",
            "Đang giải quyết, còn 2 ngày làm việc",
        ]
        first = report.rows[0].cells
        document = records[0].document
        assert first == (
            "01",
            f"Kế hoạch số {document.code_number}/KH-SNV ngày 27/02/2025 "
            "của Sở Nội vụ tỉnh Kiên Giang",
            f"Chủ trì: {office.specialist_a}",
            "14/03/2025",
            progress[0],
            "15/BC-STN",
            "",
        )
        by_unit = {line.name: line.figures for line in report.by_unit}
        assert by_unit == {
            "Phòng Tổ chức": (3, 1, 0, 1, 1),
            "Phòng Văn thư - Lưu trữ": (1, 0, 1, 0, 0),
        }
        by_person = {line.name: line.figures for line in report.by_person}
        assert by_person == {
            str(office.specialist_a): (2, 1, 0, 1, 0),
            str(office.specialist_a2): (1, 0, 0, 0, 1),
            str(office.specialist_b): (1, 0, 1, 0, 0),
        }
        assert report.total.figures == (4, 1, 1, 1, 1)

    def test_unassigned_documents_and_other_agencies(
        self, office: Office, other_office: Office
    ) -> None:
        register_march(office)
        register_march(other_office)
        report = handling_report(actor=office.clerk, today=TODAY, **PERIOD)
        assert [(line.name, line.figures) for line in report.by_unit] == [
            ("Chưa phân công", (4, 0, 0, 0, 4))
        ]
        assert report.by_person == []
        for actor in (office.specialist_a, office.head_a):
            with pytest.raises(NotFoundError):
                handling_report(actor=actor)


class TestHandlingFiles:
    def test_xlsx_has_the_report_and_the_follow_up_book(self, office: Office) -> None:
        _scenario(office)
        report = handling_report(actor=office.leader, today=TODAY, **PERIOD)
        workbook = open_xlsx(handling_xlsx(report))
        assert workbook.sheetnames == ["Báo cáo", "Sổ theo dõi"]
        values = [[c.value for c in row] for row in workbook["Báo cáo"].iter_rows()]
        assert ["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN"] + [None] * 5 in values
        assert ["Phòng Tổ chức", 3, 1, 0, 1, 1] in values
        assert ["Tổng cộng", 4, 1, 1, 1, 1] in values
        assert [str(office.specialist_b), 1, 0, 1, 0, 0] in values
        book = workbook["Sổ theo dõi"]
        header = next(
            i for i, row in enumerate(book.iter_rows(values_only=True), 1) if row[0] == "Số đến"
        )
        assert [c.value for c in book[header]] == [str(t) for t in FOLLOW_UP_COLUMNS]
        assert [c.value for c in book[header + 1]] == [f"({i})" for i in range(1, 8)]
        rows = list(book.iter_rows(min_row=header + 2, values_only=True))
        assert [row[0] for row in rows] == ["01", "02", "03", "04"]
        assert rows[2][4] == "Chưa giải quyết, quá hạn 3 ngày làm việc"
        assert book.print_title_rows == f"${header}:${header + 1}"
        assert book.page_setup.orientation == "landscape"

    def test_pdf_through_the_api(self, client: Client, office: Office) -> None:
        _scenario(office)
        client.force_login(office.clerk)
        response = client.get(
            "/api/v1/incoming/reports/handling.pdf",
            {"date_from": "2025-03-01", "date_to": "2025-03-31"},
        )
        assert response.status_code == 200
        assert set(page_sizes(response.content)) == {A4_LANDSCAPE}
        text = pdf_text(response.content)
        today = format_date(timezone.localdate())
        for expected in (
            "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN",
            "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
            "Từ ngày 01/03/2025 đến ngày 31/03/2025",
            "Đã giải quyết đúng hạn",
            "Phòng Văn thư - Lưu trữ",
            "Số, ký hiệu văn bản trả lời",
            "Tiến độ giải quyết",
        ):
            assert expected in text, expected
        assert today[-4:] in text

    def test_the_api_refuses_a_specialist(self, client: Client, office: Office) -> None:
        client.force_login(office.specialist_a)
        assert client.get("/api/v1/incoming/reports/handling.xlsx").status_code == 404
