"""The "Sổ đăng ký văn bản đi": columns, cancelled numbers, period, scoping, XLSX, PDF, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.dates import format_date
from vanthu.core.errors import InvalidInputError, NotFoundError
from vanthu.documents.enums import Urgency
from vanthu.documents.models import NumberAllocation
from vanthu.documents.numbering import number_allocate, number_cancel, today_in_vietnam
from vanthu.documents.printing.downloads import FileFormat
from vanthu.outgoing.distribution import distribution_post
from vanthu.outgoing.enums import DistributionKind
from vanthu.outgoing.models import Distribution
from vanthu.outgoing.recall import outgoing_recall
from vanthu.outgoing.reports.downloads import PeriodAsk, register_builder, report_file
from vanthu.outgoing.reports.postal import postal_book
from vanthu.outgoing.reports.register import register_report
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.test_reports_support import (
    END_OF_MARCH,
    MARCH,
    client_of,
    issue_record,
    pdf_text,
    post,
    xlsx_values,
)

pytestmark = [pytest.mark.django_db]
TITLES = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
]
URL = "/api/v1/outgoing/reports/register"


def _march(office: Office) -> None:
    """Numbers 01–03 in March 2025: a công văn, a cancelled number, an urgent decision."""
    issue_record(
        office,
        on=MARCH,
        subject="V/v kiểm tra công tác văn thư, lưu trữ năm 2025",
        copies=4,
        recipients=[
            Distribution(kind=DistributionKind.UNIT, unit=office.unit),
            post("UBND huyện Châu Thành", "Số 1 đường Lê Lợi, Minh Lương"),
        ],
    )
    cancelled = number_allocate(book=office.outgoing_book, actor=office.clerk, on=MARCH)
    number_cancel(allocation=cancelled, actor=office.clerk, reason="Cấp nhầm loại văn bản")
    issue_record(
        office,
        on=dt.date(2025, 3, 20),
        subject="Ban hành Quy chế công tác văn thư",
        type_code="02",
        urgency=Urgency.URGENT,
    )


class TestRegisterRows:
    def test_every_column_in_order(self, office: Office) -> None:
        _march(office)
        posted = Distribution.objects.get(kind=DistributionKind.POST)
        distribution_post(actor=office.clerk, distribution_id=posted.pk)
        report = register_report(
            actor=office.clerk,
            book_id=office.outgoing_book.pk,
            date_from=MARCH,
            date_to=END_OF_MARCH,
        )
        first, cancelled, decision = (row.cells for row in report.rows)
        assert first == (
            "01/SNV-VP",
            "03/03/2025",
            "Công văn: V/v kiểm tra công tác văn thư, lưu trữ năm 2025",
            office.leader.full_name,
            "Văn phòng; UBND huyện Châu Thành",
            "Văn thư; Văn phòng",
            "4",
            format_date(today_in_vietnam()),
            "",
            "",
        )
        assert cancelled == ("02", "03/03/2025", *[""] * 7, "Số đã hủy: Cấp nhầm loại văn bản")
        assert decision[:3] == (
            "03/QĐ-SNV",
            "20/03/2025",
            "Quyết định: Ban hành Quy chế công tác văn thư",
        )
        assert decision[9] == "Khẩn"
        cover = report.cover
        assert (cover.title, cover.year, cover.number_from, cover.number_to) == (
            "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
            2025,
            "01",
            "03",
        )

    def test_a_recalled_document_says_so(self, office: Office) -> None:
        record = issue_record(office, on=MARCH, subject="V/v báo cáo quý I")
        outgoing_recall(actor=office.clerk, record_id=record.pk, reason="Sai số liệu")
        (row,) = register_report(
            actor=office.clerk, book_id=office.outgoing_book.pk, date_from=MARCH, date_to=MARCH
        ).rows
        assert row.cells[9].startswith("Đã thu hồi ngày ")
        assert row.cells[9].endswith(": Sai số liệu")

    def test_the_period_keeps_its_own_days_only(self, office: Office) -> None:
        _march(office)
        issue_record(office, on=dt.date(2025, 4, 2), subject="V/v tháng tư")
        april = register_report(
            actor=office.clerk,
            book_id=office.outgoing_book.pk,
            date_from=dt.date(2025, 4, 1),
            date_to=dt.date(2025, 4, 30),
        )
        assert [row.cells[0] for row in april.rows] == ["04/SNV-VP"]
        assert (april.cover.number_from, april.cover.number_to) == ("04", "04")
        march = register_report(
            actor=office.clerk,
            book_id=office.outgoing_book.pk,
            date_from=MARCH,
            date_to=END_OF_MARCH,
        )
        assert len(march.rows) == 3

    def test_confidential_documents_only_in_the_secret_book(self, office: Office) -> None:
        issue_record(office, on=MARCH, subject="V/v công tác bảo vệ bí mật", confidentiality=1)
        issue_record(office, on=MARCH, subject="V/v thường")
        kwargs = {"actor": office.clerk, "date_from": MARCH, "date_to": MARCH}
        normal = register_report(book_id=office.outgoing_book.pk, **kwargs)  # type: ignore[arg-type]
        secret = register_report(book_id=office.secret_book.pk, **kwargs)  # type: ignore[arg-type]
        assert [row.cells[2] for row in normal.rows] == ["Công văn: V/v thường"]
        assert [row.cells[2] for row in secret.rows] == ["Công văn: V/v công tác bảo vệ bí mật"]
        assert secret.rows[0].cells[9] == "Mật"
        assert secret.cover.title == "SỔ ĐĂNG KÝ VĂN BẢN ĐI MẬT"


class TestRegisterRefusals:
    def test_the_secret_book_is_refused_to_an_uncleared_clerk(self, office: Office) -> None:
        clerk = make_user(agency=office.agency, unit=office.unit, roles=[Role.CLERK])
        with pytest.raises(NotFoundError):
            register_report(actor=clerk, book_id=office.secret_book.pk)
        answer = client_of(clerk).get(URL, {"book_id": office.secret_book.pk})
        assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
        assert client_of(clerk).get(URL, {"book_id": office.outgoing_book.pk}).status_code == 200

    def test_other_agencies_and_specialists_are_refused(
        self, office: Office, other_office: Office
    ) -> None:
        for actor in (other_office.clerk, office.specialist, office.head):
            answer = client_of(actor).get(URL, {"book_id": office.outgoing_book.pk})
            assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
        # An incoming or copy book is not an outgoing register either.
        answer = client_of(office.clerk).get(URL, {"book_id": office.copy_book.pk})
        assert answer.status_code == 404

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({"date_from": "2025-03-31", "date_to": "2025-03-01"}, "date_from"),
            ({"date_from": "2024-12-01", "date_to": "2025-01-31"}, "date_to"),
            ({"format": "docx"}, "format"),
            ({"format": "a-format-name-much-longer-than-any-real-one"}, "format"),
        ],
    )
    def test_bad_parameters_answer_400(
        self, office: Office, query: dict[str, str], field: str
    ) -> None:
        answer = client_of(office.clerk).get(
            URL, {"book_id": str(office.outgoing_book.pk), **query}
        )
        assert answer.status_code == 400
        body = answer.json()
        assert body["code"] == "invalid_input"
        assert set(body) == {"code", "message", "fields"}
        assert field in body["fields"]
        assert not AuditEvent.objects.filter(action="outgoing.report_downloaded").exists()

    def test_the_service_refuses_a_reversed_period(self, office: Office) -> None:
        with pytest.raises(InvalidInputError):
            report_file(
                register_builder(book_id=office.outgoing_book.pk),
                PeriodAsk(
                    actor=office.clerk,
                    file_format=FileFormat.PDF,
                    date_from=END_OF_MARCH,
                    date_to=MARCH,
                ),
            )


class TestRegisterFiles:
    def test_xlsx_cover_columns_and_rows(self, office: Office) -> None:
        _march(office)
        file = report_file(
            register_builder(book_id=office.outgoing_book.pk, volume=2),
            PeriodAsk(
                actor=office.clerk,
                file_format=FileFormat.XLSX,
                date_from=MARCH,
                date_to=END_OF_MARCH,
            ),
        )
        cover = [row[0] for row in xlsx_values(file.content, 0) if row[0]]
        assert cover[0] == office.agency.name.upper()  # no superior body in the factory
        assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in cover
        assert "Năm: 2025" in cover
        assert "Từ ngày 03/03/2025 đến ngày 31/03/2025" in cover
        assert "Từ số 01 đến số 03" in cover
        assert "Quyển số: 02" in cover
        sheet = xlsx_values(file.content, 1)
        assert sheet[3] == TITLES
        assert sheet[4] == [f"({n})" for n in range(1, 11)]
        assert [row[0] for row in sheet[5:]] == ["01/SNV-VP", "02", "03/QĐ-SNV"]
        assert sheet[6][9] == "Số đã hủy: Cấp nhầm loại văn bản"
        assert file.filename == f"so-di-{office.outgoing_book.pk}-20250303-20250331.xlsx"

    def test_pdf_has_the_cover_then_the_register(self, office: Office) -> None:
        _march(office)
        answer = client_of(office.leader).get(
            URL,
            {
                "book_id": str(office.outgoing_book.pk),
                "date_from": "2025-03-01",
                "date_to": "2025-03-31",
                "format": "pdf",
            },
        )
        assert answer.status_code == 200
        assert answer["Content-Type"] == "application/pdf"
        name = f"so-di-{office.outgoing_book.pk}-20250301-20250331.pdf"
        assert answer["Content-Disposition"] == f'attachment; filename="{name}"'
        text = pdf_text(answer.content)
        assert text.index("Từ số 01 đến số 03") < text.index("Số, ký hiệu văn bản")
        for title in TITLES:
            assert title.split(",")[0] in text
        assert "01/SNV-VP" in text
        assert "Cấp nhầm loại văn bản" in text

    def test_downloads_are_audited(self, office: Office) -> None:
        _march(office)
        answer = client_of(office.clerk).get(
            URL,
            {
                "book_id": str(office.outgoing_book.pk),
                "date_from": "2025-03-01",
                "date_to": "2025-03-31",
            },
        )
        assert answer.status_code == 200
        assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
        event = AuditEvent.objects.get(action="outgoing.report_downloaded")
        assert event.actor_id == office.clerk.pk
        assert event.data["report"] == "register"
        assert event.data["format"] == "xlsx"
        assert event.data["rows"] == 3
        assert event.data["date_from"] == "2025-03-01"
        assert NumberAllocation.objects.filter(book=office.outgoing_book).count() == 3


def _queries(call: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_queries_do_not_grow_with_the_rows(office: Office) -> None:
    def issue(subject: str) -> None:
        record = issue_record(
            office,
            on=MARCH,
            subject=subject,
            recipients=[
                Distribution(kind=DistributionKind.UNIT, unit=office.unit),
                post("UBND xã Thổ Sơn", "Xã Thổ Sơn"),
            ],
        )
        posted = record.distributions.get(kind=DistributionKind.POST)
        distribution_post(actor=office.clerk, distribution_id=posted.pk)

    def both() -> None:
        book = office.outgoing_book.pk
        clerk = User.objects.get(pk=office.clerk.pk)
        register_report(actor=clerk, book_id=book, date_from=MARCH, date_to=MARCH)
        postal_book(actor=User.objects.get(pk=office.clerk.pk))

    issue("V/v một")
    one = _queries(both)
    for n in range(4):
        issue(f"V/v số {n}")
    assert _queries(both) == one


def test_a_whole_year_instead_of_days(office: Office) -> None:
    _march(office)
    issue_record(office, on=dt.date(2025, 12, 30), subject="V/v tổng kết năm")
    client = client_of(office.clerk)
    book = str(office.outgoing_book.pk)
    answer = client.get(URL, {"book_id": book, "year": "2025"})
    assert answer.status_code == 200
    name = f"so-di-{book}-20250101-20251231.xlsx"
    assert answer["Content-Disposition"] == f'attachment; filename="{name}"'
    assert [row[0] for row in xlsx_values(answer.content, 1)[5:]] == [
        "01/SNV-VP",
        "02",
        "03/QĐ-SNV",
        "04/SNV-VP",
    ]
    both = client.get(URL, {"book_id": book, "year": "2025", "date_from": "2025-03-01"})
    assert (both.status_code, list(both.json()["fields"])) == (400, ["year"])
