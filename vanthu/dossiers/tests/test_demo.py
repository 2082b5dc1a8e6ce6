"""The demo data of issue 6: an issued 2026 plan per agency, dossiers filed by proposals."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.dossiers.demo import dossiers_demo
from vanthu.dossiers.enums import DossierStatus, FilePlanStatus
from vanthu.dossiers.models import DossierItem
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.factories import Office
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]


def test_plan_dossiers_and_filing_then_idempotent(office: Office) -> None:
    for _ in range(2):
        record = incoming_assign(
            actor=office.leader,
            incoming=office.register(issued_date=dt.date(2026, 3, 2)),
            lead=Party(user=office.specialist_a),
            supports=[],
            informs=[],
        )
        incoming_complete(actor=office.specialist_a, incoming=record)
    made = dossiers_demo(office.agency)
    assert made is not None
    assert made.plan.status == FilePlanStatus.ISSUED
    assert made.plan.items.count() == 6
    assert made.filed == 2
    filed_into = {item.dossier.code for item in DossierItem.objects.select_related("dossier")}
    assert filed_into == {"05.VP"}
    assert [d.status for d in made.dossiers] == [DossierStatus.CLOSED, DossierStatus.OPEN]
    assert dossiers_demo(office.agency) is None
