"""The postal dispatch book and the status report of outgoing documents (XLSX, PDF, API)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.dates import format_date
from vanthu.documents.enums import Urgency
from vanthu.documents.models import DocumentType
from vanthu.documents.numbering import today_in_vietnam
from vanthu.outgoing.channels import ReceiverState
from vanthu.outgoing.distribution import distribution_post, distributions_mark
from vanthu.outgoing.enums import DistributionKind, DistributionStatus, DraftStatus
from vanthu.outgoing.models import Distribution, OutgoingDraft
from vanthu.outgoing.recall import outgoing_recall
from vanthu.outgoing.reports.postal import postal_book
from vanthu.outgoing.reports.status import Delivery, delivery_of, status_report
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.test_reports_support import (
    client_of,
    issue_record,
    pdf_text,
    post,
    xlsx_values,
)

pytestmark = [pytest.mark.django_db]
POSTAL_TITLES = [
    "Ngày chuyển",
    "Số, ký hiệu văn bản",
    "Nơi nhận văn bản",
    "Số lượng bì",
    "Ký nhận và dấu bưu điện",
    "Ghi chú",
]


def _posted(office: Office) -> list[Distribution]:
    """A flash công văn to two post recipients (one with 3 envelopes) and one e-mail; post both."""
    today = today_in_vietnam()
    record = issue_record(
        office,
        on=today,
        subject="V/v phòng chống bão số 3",
        urgency=Urgency.FLASH,
        recipients=[
            post("UBND xã Mong Thọ B", "Ấp Phước Hòa, xã Mong Thọ B", envelopes=3),
            post("UBND xã Phú Mỹ", "Ấp Trung Sơn, xã Phú Mỹ"),
            Distribution(kind=DistributionKind.EMAIL, email="vanthu@example.vn"),
        ],
    )
    rows = list(record.distributions.filter(kind=DistributionKind.POST).order_by("pk"))
    for row in rows:
        distribution_post(actor=office.clerk, distribution_id=row.pk)
    return rows


class TestPostalBook:
    def test_the_posted_items_in_six_columns(self, office: Office) -> None:
        _posted(office)
        today = today_in_vietnam()
        book = postal_book(actor=office.clerk, date_from=today, date_to=today)
        first, second = (row.cells for row in book.rows)
        assert first == (
            format_date(today),
            "01/SNV-VP",
            "UBND xã Mong Thọ B — Ấp Phước Hòa, xã Mong Thọ B",
            3,
            "",
            "Hỏa tốc",
        )
        assert second[2:4] == ("UBND xã Phú Mỹ — Ấp Trung Sơn, xã Phú Mỹ", 1)
        assert book.envelopes == 4

    def test_the_period_follows_the_day_the_item_left(self, office: Office) -> None:
        first, _second = _posted(office)
        last_month = timezone.now() - dt.timedelta(days=40)
        Distribution.objects.filter(pk=first.pk).update(sent_at=last_month)
        today = today_in_vietnam()
        book = postal_book(actor=office.clerk, date_from=today, date_to=today)
        assert [row.cells[2] for row in book.rows] == ["UBND xã Phú Mỹ — Ấp Trung Sơn, xã Phú Mỹ"]

    def test_xlsx_and_pdf_through_the_api(self, office: Office) -> None:
        _posted(office)
        today = today_in_vietnam().isoformat()
        query = {"date_from": today, "date_to": today}
        client = client_of(office.clerk)
        xlsx = client.get("/api/v1/outgoing/reports/postal-book", query)
        assert xlsx.status_code == 200
        sheet = xlsx_values(xlsx.content, 1)
        assert sheet[3] == POSTAL_TITLES
        assert [row[3] for row in sheet[5:]] == [3, 1]
        cover = [row[0] for row in xlsx_values(xlsx.content, 0) if row[0]]
        assert "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN" in cover
        pdf = client.get("/api/v1/outgoing/reports/postal-book", {**query, "format": "pdf"})
        text = pdf_text(pdf.content)
        assert "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN" in text
        assert "Ký nhận và dấu bưu điện" in text
        assert "UBND xã Mong Thọ B" in text
        stamp = today.replace("-", "")
        assert pdf["Content-Disposition"].endswith(f'so-gui-buu-dien-{stamp}-{stamp}.pdf"')
        events = AuditEvent.objects.filter(action="outgoing.report_downloaded").order_by("pk")
        assert [(e.data["report"], e.data["format"]) for e in events] == [
            ("postal_book", "xlsx"),
            ("postal_book", "pdf"),
        ]

    def test_confidential_items_need_a_clearance(self, office: Office) -> None:
        record = issue_record(
            office,
            on=today_in_vietnam(),
            subject="V/v mật",
            confidentiality=1,
            recipients=[post("Công an tỉnh", "Số 5 Nguyễn Trung Trực")],
        )
        distribution_post(actor=office.clerk, distribution_id=record.distributions.get().pk)
        uncleared = make_user(agency=office.agency, unit=office.unit, roles=[Role.CLERK])
        assert postal_book(actor=uncleared).rows == []
        (row,) = postal_book(actor=office.clerk).rows
        assert row.cells[5] == "Mật"

    def test_refusals(self, office: Office, other_office: Office) -> None:
        url = "/api/v1/outgoing/reports/postal-book"
        for actor in (other_office.specialist, office.specialist):
            assert client_of(actor).get(url).status_code == 404
        bad = client_of(office.clerk).get(url, {"date_from": "2025-05-01", "date_to": "2025-04-01"})
        assert (bad.status_code, bad.json()["code"]) == (400, "invalid_input")
        bad = client_of(office.clerk).get(url, {"format": "csv"})
        assert (bad.status_code, bad.json()["fields"].keys()) == (400, {"format"})


class TestStatusReport:
    def _year(self, office: Office) -> None:
        """Three documents of two types: one delivered in every way, one recalled; one awaiting."""
        today = today_in_vietnam()
        start = dt.date(today.year, 1, 1)
        sent = issue_record(
            office,
            on=start,
            subject="V/v tổng kết năm",
            recipients=[
                Distribution(kind=DistributionKind.UNIT, unit=office.unit),
                Distribution(kind=DistributionKind.EMAIL, email="a@example.vn"),
                post("UBND xã Sơn Bình", "Xã Sơn Bình"),
            ],
        )
        unit_row, mail_row, _post = sent.distributions.order_by("pk")
        distributions_mark([unit_row], DistributionStatus.SENT)
        distributions_mark([mail_row], DistributionStatus.FAILED, note="Hộp thư đầy")
        issue_record(office, on=start, subject="Ban hành quy định nội bộ", type_code="05")
        recalled = issue_record(
            office,
            on=today,
            subject="V/v họp giao ban",
            recipients=[Distribution(kind=DistributionKind.UNIT, unit=office.unit)],
        )
        outgoing_recall(actor=office.clerk, record_id=recalled.pk, reason="Hoãn cuộc họp")
        OutgoingDraft.objects.create(
            agency=office.agency,
            unit=office.unit,
            author=office.specialist,
            document_type=DocumentType.objects.get(code="22"),
            subject="V/v đăng ký thi đua",
            status=DraftStatus.APPROVED,
            signer=office.leader,
            approved_at=timezone.now(),
        )

    def test_counts_and_lists(self, office: Office) -> None:
        self._year(office)
        report = status_report(actor=office.leader)
        assert [(c.name, c.issued, c.recalled) for c in report.by_type] == [
            ("Công văn", 2, 1),
            ("Quy định", 1, 0),
        ]
        assert [(c.name, c.issued, c.recalled) for c in report.by_unit] == [("Văn phòng", 3, 1)]
        assert (report.issued.issued, report.issued.recalled) == (3, 1)
        by_kind = {line.name: line.counts for line in report.deliveries}
        assert by_kind["Đơn vị trong cơ quan"][Delivery.SENT] == 1
        assert by_kind["Đơn vị trong cơ quan"][Delivery.WITHDRAWN] == 1
        assert by_kind["Thư điện tử"][Delivery.FAILED] == 1
        assert by_kind["Bưu điện"][Delivery.PENDING] == 1
        assert report.delivered.total == 4
        assert [d.subject for d in report.awaiting] == ["V/v đăng ký thi đua"]
        assert [r.recall_reason for r in report.recalled] == ["Hoãn cuộc họp"]

    def test_xlsx_and_pdf(self, office: Office) -> None:
        self._year(office)
        client = client_of(office.clerk)
        xlsx = client.get("/api/v1/outgoing/reports/status", {"format": "xlsx"})
        assert xlsx.status_code == 200
        figures = xlsx_values(xlsx.content, 0)
        rows = {row[0]: row[1:3] for row in figures if row[0]}
        assert rows["Công văn"] == [2, 1]
        assert rows["Quy định"] == [1, 0]
        lists = [value for row in xlsx_values(xlsx.content, 1) for value in row if value]
        assert "Công văn: V/v đăng ký thi đua" in lists
        assert "Hoãn cuộc họp" in lists
        pdf = client.get("/api/v1/outgoing/reports/status", {"format": "PDF"})
        text = pdf_text(pdf.content)
        assert "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI" in text
        assert "Gửi không thành công" in text
        assert "V/v đăng ký thi đua" in text
        assert (
            AuditEvent.objects.filter(
                action="outgoing.report_downloaded", data__report="status"
            ).count()
            == 2
        )

    def test_refusals(self, office: Office, other_office: Office) -> None:
        url = "/api/v1/outgoing/reports/status"
        assert client_of(office.specialist).get(url).status_code == 404
        assert client_of(other_office.head).get(url).status_code == 404
        answer = client_of(office.clerk).get(
            url, {"date_from": "2024-01-01", "date_to": "2025-06-30"}
        )
        assert (answer.status_code, answer.json()["code"]) == (400, "invalid_input")


@pytest.mark.parametrize(
    ("status", "receiver", "expected"),
    [
        (DistributionStatus.SENT, None, Delivery.SENT),
        (DistributionStatus.PENDING, None, Delivery.PENDING),
        (DistributionStatus.WITHDRAWN, None, Delivery.WITHDRAWN),
        (DistributionStatus.SENT, ("pending", ""), Delivery.SENT),
        (DistributionStatus.SENT, ("accepted", "Đang giải quyết"), Delivery.RECEIVED),
        (DistributionStatus.SENT, ("accepted", "Đã giải quyết"), Delivery.HANDLED),
        (DistributionStatus.SENT, ("refused", ""), Delivery.REFUSED),
        (DistributionStatus.SENT, ("withdrawn", ""), Delivery.WITHDRAWN),
    ],
)
def test_where_a_delivery_stands(
    status: DistributionStatus, receiver: tuple[str, str] | None, expected: Delivery
) -> None:
    row = Distribution(kind=DistributionKind.AGENCY, status=status)
    state = None
    if receiver is not None:
        state = ReceiverState(
            status=receiver[0],
            label="",
            handling=receiver[1],
            handled=receiver[1] == "Đã giải quyết",
        )
    assert delivery_of(row, state) == expected
