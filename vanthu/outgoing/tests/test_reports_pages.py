"""The clerk's download page of the outgoing registers and report."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.test_reports_support import (
    END_OF_MARCH,
    MARCH,
    client_of,
    issue_record,
    xlsx_values,
)

pytestmark = [pytest.mark.django_db]
PAGE = "/van-ban-di/in/"  # where the lead mounts report_urls


class TestReportsPage:
    def test_the_page_offers_the_books_the_clerk_may_print(self, office: Office) -> None:
        assert reverse("outgoing_reports:index") == PAGE
        page = client_of(office.clerk).get(PAGE)
        assert page.status_code == 200
        html = page.content.decode()
        assert office.outgoing_book.name in html
        assert office.secret_book.name in html  # this clerk is cleared
        assert office.copy_book.name not in html
        uncleared = make_user(agency=office.agency, unit=office.unit, roles=[Role.CLERK])
        html = client_of(uncleared).get(PAGE).content.decode()
        assert office.outgoing_book.name in html
        assert office.secret_book.name not in html

    def test_each_form_downloads_its_file(self, office: Office) -> None:
        issue_record(office, on=MARCH, subject="V/v kiểm tra hồ sơ")
        client = client_of(office.clerk)
        period = {"date_from": MARCH.isoformat(), "date_to": END_OF_MARCH.isoformat()}
        register = client.get(
            reverse("outgoing_reports:register"),
            {"book": str(office.outgoing_book.pk), "volume": "1", "format": "xlsx", **period},
        )
        assert register.status_code == 200
        assert xlsx_values(register.content, 1)[5][0] == "01/SNV-VP"
        whole_year = client.get(
            reverse("outgoing_reports:register"),
            {"book": str(office.outgoing_book.pk), "format": "xlsx", "by": "year", "year": "2025"},
        )
        assert whole_year["Content-Disposition"].endswith('-20250101-20251231.xlsx"')
        for name in ("outgoing_reports:postal_book", "outgoing_reports:status"):
            answer = client.get(reverse(name), {"format": "pdf", **period})
            assert answer.status_code == 200
            assert answer.content.startswith(b"%PDF")
        reports = AuditEvent.objects.filter(action="outgoing.report_downloaded")
        assert sorted(event.data["report"] for event in reports) == [
            "postal_book",
            "register",
            "register",
            "status",
        ]

    @pytest.mark.parametrize(
        "query",
        [
            {"book": "", "format": "xlsx"},
            {"format": "doc"},
            {"date_from": "2025-04-01", "date_to": "2025-03-01", "format": "pdf"},
            {"date_from": "01/03/2025", "format": "pdf"},
            {"volume": "0", "format": "pdf"},
            {"by": "year", "year": "năm nay", "format": "pdf"},
            {"by": "year", "year": "1066", "format": "pdf"},
        ],
    )
    def test_a_wrong_query_goes_back_with_the_message(
        self, office: Office, query: dict[str, str]
    ) -> None:
        client = client_of(office.clerk)
        query = {"book": str(office.outgoing_book.pk), **query}
        answer = client.get(reverse("outgoing_reports:register"), query)
        assert answer.status_code == 302
        assert answer["Location"] == PAGE
        assert [str(m) for m in get_messages(answer.wsgi_request)]
        assert not AuditEvent.objects.filter(action="outgoing.report_downloaded").exists()

    def test_refusals(self, office: Office, other_office: Office) -> None:
        assert client_of(office.specialist).get(PAGE).status_code == 404
        foreign = client_of(other_office.clerk).get(
            reverse("outgoing_reports:register"),
            {"book": str(office.outgoing_book.pk), "format": "pdf"},
        )
        assert foreign.status_code == 404
        assert Client().get(PAGE).status_code == 302  # to the login page
