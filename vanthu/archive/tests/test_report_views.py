"""The filing compliance page and its XLSX/PDF downloads: figures, scope, refusals, audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.web import logged_in_client
from vanthu.accounts.models import User
from vanthu.archive.reports import filing_compliance
from vanthu.archive.tests.builders import dossier_make, handled_make
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError
from vanthu.dossiers.services import dossier_document_add
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db
PAGE = "/nop-luu/bao-cao/"
DOWNLOAD = "/nop-luu/bao-cao/tai-ve/"


def _work(office: Office) -> int:
    """Specialist A handled two documents this year and filed one; B handled one."""
    year = timezone.localdate().year
    filed = handled_make(office, office.specialist_a)
    handled_make(office, office.specialist_a)
    handled_make(office, office.specialist_b)
    dossier = dossier_make(
        office.specialist_a, code="01.TCCB", close=False, dates=(dt.date(year, 1, 2),)
    )
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=filed.pk)
    # Closed long ago, never handed over: overdue.
    dossier_make(office.specialist_b, code="09.VP", dates=(dt.date(2020, 3, 2),))
    return year


def _xlsx_rows(content: bytes, sheet: str) -> list[list[object]]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        [cell for cell in row if cell is not None]
        for row in workbook[sheet].iter_rows(values_only=True)
    ]


def _pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())  # cells wrap onto several lines


def test_leader_sees_units_and_people_with_percentages(office: Office) -> None:
    year = _work(office)
    response = logged_in_client(office.leader).get(PAGE, {"year": str(year)})
    assert response.status_code == 200
    html = response.content.decode()
    assert office.specialist_a.full_name in html and office.specialist_b.full_name in html
    assert office.unit_a.name in html and office.unit_b.name in html
    assert "50,0" in html  # A filed one of two (Vietnamese decimal comma)
    assert f"Năm {year}" in html
    assert f"year={year}&amp;format=xlsx" in html


def test_unit_head_sees_only_the_unit(office: Office) -> None:
    _work(office)
    html = logged_in_client(office.head_b).get(PAGE).content.decode()
    assert office.specialist_b.full_name in html
    assert office.specialist_a.full_name not in html
    assert office.unit_a.name not in html


def test_specialist_is_refused(office: Office) -> None:
    _work(office)
    client = logged_in_client(office.specialist_a)
    assert client.get(PAGE).status_code == 403
    assert client.get(DOWNLOAD, {"format": "xlsx"}).status_code == 403
    assert not AuditEvent.objects.filter(action="archive.report_downloaded").exists()


def test_other_agency_sees_none_of_our_people(office: Office, other_office: Office) -> None:
    _work(office)
    html = logged_in_client(other_office.leader).get(PAGE).content.decode()
    assert office.specialist_a.full_name not in html
    assert office.unit_a.name not in html
    assert "Không có số liệu trong kỳ này." in html


def test_xlsx_download_reads_back_and_is_audited(office: Office) -> None:
    year = _work(office)
    response = logged_in_client(office.leader).get(DOWNLOAD, {"year": str(year), "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        f'lap-ho-so-nop-luu-{year}0101-{year}1231.xlsx"'
    )
    people = _xlsx_rows(response.content, "Theo cá nhân")
    a = next(row for row in people if office.specialist_a.full_name in row)
    assert a[1:6] == [office.unit_a.name, 2, 1, 1, 50.0]
    b = next(row for row in people if office.specialist_b.full_name in row)
    assert b[-1] == 1  # the overdue dossier
    units = _xlsx_rows(response.content, "Theo đơn vị")
    assert any(row[:1] == [office.unit_b.name] for row in units)
    event = AuditEvent.objects.get(action="archive.report_downloaded")
    assert event.actor == office.leader
    assert event.data["format"] == "xlsx" and event.data["report"] == "filing_compliance"


def test_pdf_download_over_a_range_of_days(office: Office) -> None:
    year = _work(office)
    # Handled before the range: not counted.
    handled_make(office, office.specialist_a, closed_at=timezone.now() - dt.timedelta(days=400))
    start = dt.date(year, 1, 1)
    query = {"by": "days", "date_from": start.isoformat(), "format": "pdf"}
    response = logged_in_client(office.leader).get(DOWNLOAD, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "LẬP HỒ SƠ" in text
    assert office.specialist_a.full_name in text and office.unit_b.name in text
    assert f"{office.unit_a.name} 2 1 1 50,0" in text
    report = filing_compliance(actor=office.leader, date_from=start)
    people = {row.key: row for row in report.people}
    assert people[office.specialist_a.pk].handled == 2
    assert not report.whole_year


def test_bad_period_and_format_are_messages_not_errors(office: Office) -> None:
    client = logged_in_client(office.leader)
    page = client.get(PAGE, {"year": "abc"})
    assert page.status_code == 200
    assert "Năm không hợp lệ" in page.content.decode()
    wrong = client.get(DOWNLOAD, {"format": "doc"})
    assert wrong.status_code == 302 and wrong["Location"] == PAGE
    too_long = client.get(
        DOWNLOAD,
        {"by": "days", "date_from": "2024-01-01", "date_to": "2025-06-30", "format": "pdf"},
    )
    assert too_long.status_code == 302
    with pytest.raises(InvalidInputError):
        filing_compliance(
            actor=office.leader, date_from=dt.date(2025, 2, 1), date_to=dt.date(2025, 1, 1)
        )


def test_archivist_sees_the_whole_agency(office: Office, archivist: User) -> None:
    _work(office)
    html = logged_in_client(archivist).get(PAGE).content.decode()
    assert office.specialist_a.full_name in html and office.specialist_b.full_name in html
