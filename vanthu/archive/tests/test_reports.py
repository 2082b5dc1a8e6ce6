"""Filing compliance per unit and person, through the service and the API."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.api import api_client
from vanthu.accounts.models import User
from vanthu.archive.reports import filing_compliance
from vanthu.archive.tests.builders import dossier_make, handled_make
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import PermissionDeniedError
from vanthu.dossiers.services import dossier_document_add
from vanthu.incoming.tests.factories import Office

pytestmark = pytest.mark.django_db


def test_compliance_per_person_and_unit(office: Office, archivist: User) -> None:
    year = timezone.localdate().year
    filed, unfiled, _ = (
        handled_make(office, office.specialist_a),
        handled_make(office, office.specialist_a),
        handled_make(office, office.specialist_a, done=False),
    )
    handled_make(office, office.specialist_b)
    dossier = dossier_make(
        office.specialist_a, code="01.TCCB", close=False, dates=(dt.date(year, 1, 2),)
    )
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=filed.pk)
    # Filed by somebody else does not count for the person who handled it.
    theirs = dossier_make(
        office.specialist_a2, code="02.TCCB", close=False, dates=(dt.date(year, 1, 3),)
    )
    dossier_document_add(actor=office.specialist_a2, dossier=theirs, document_id=unfiled.pk)
    dossier_make(office.specialist_a2, code="03.TCCB", dates=(dt.date(2020, 1, 2),))
    report = filing_compliance(actor=archivist, year=year)
    people = {row.key: row for row in report.people}
    a = people[office.specialist_a.pk]
    assert (a.handled, a.filed, a.unfiled, a.filed_percent) == (2, 1, 1, 50.0)
    assert (a.opened, a.closed, a.overdue) == (1, 0, 0)
    a2 = people[office.specialist_a2.pk]
    # 03.TCCB: opened in 2020, closed today, overdue since 2021.
    assert (a2.handled, a2.opened, a2.closed, a2.overdue) == (0, 1, 1, 1)
    units = {row.name: row for row in report.units}
    assert units[office.unit_a.name].handled == 2
    assert units[office.unit_a.name].overdue == 1
    assert units[office.unit_b.name].handled == 1
    head_view = filing_compliance(actor=office.head_b, year=year)
    assert [row.key for row in head_view.people] == [office.specialist_b.pk]
    with pytest.raises(PermissionDeniedError):
        filing_compliance(actor=office.specialist_a, year=year)


def test_compliance_api(office: Office) -> None:
    handled_make(office, office.specialist_a)
    client = api_client(office.leader)
    year = timezone.localdate().year
    response = client.get(f"/api/v1/handover-reports/filing?year={year}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["people"][0]["handled"] == 1 and body["people"][0]["unfiled"] == 1
    assert body["units"][0]["name"] == office.unit_a.name
    bad = client.get("/api/v1/handover-reports/filing?year=1")
    assert bad.status_code == 422


def test_compliance_xlsx(office: Office) -> None:
    handled_make(office, office.specialist_a)
    client = api_client(office.leader)
    year = timezone.localdate().year
    response = client.get(f"/api/v1/handover-reports/filing/xlsx?year={year}")
    assert response.status_code == 200, response.content
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Theo đơn vị", "Theo cá nhân"]
    values = [
        [cell for cell in row if cell is not None]
        for row in workbook["Theo cá nhân"].iter_rows(values_only=True)
    ]
    person = next(row for row in values if office.specialist_a.full_name in row)
    assert person[1:5] == [office.unit_a.name, 1, 0, 1]
    assert AuditEvent.objects.filter(action="archive.report_downloaded").exists()
    refused = api_client(office.specialist_a).get(
        f"/api/v1/handover-reports/filing/xlsx?year={year}"
    )
    assert refused.status_code == 403
