"""Outgoing records in search: the same people see them as ``records_visible_to`` says."""

from __future__ import annotations

import pytest

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_unit, make_user
from vanthu.outgoing.selectors import records_visible_to
from vanthu.outgoing.tests.factories import Office, office_make
from vanthu.outgoing.tests.test_views_support import issued, reuse_one_pdf
from vanthu.search.backends.base import SearchFilters
from vanthu.search.tests.helpers import ids, rebuild

pytestmark = pytest.mark.django_db


def test_issued_records_are_found_by_those_who_may_see_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office: Office = office_make()
    other: Office = office_make()
    reuse_one_pdf(monkeypatch, office)
    record = issued(office)
    issued(other)
    rebuild()
    elsewhere = make_unit(agency=office.agency)
    people = [
        office.clerk,
        office.leader,
        office.head,
        office.specialist,
        make_user(agency=office.agency, unit=office.unit, roles=[Role.SPECIALIST]),
        make_user(agency=office.agency, unit=elsewhere, roles=[Role.UNIT_HEAD]),
        other.clerk,
    ]
    outgoing_only = SearchFilters(kind="outgoing")
    for user in people:
        visible = {f"outgoing:{pk}" for pk in records_visible_to(user).values_list("pk", flat=True)}
        assert set(ids(user, "kiem tra cong tac van thu", filters=outgoing_only)) == visible
    mine = [f"outgoing:{record.pk}"]
    assert ids(office.specialist, "kiem tra", filters=outgoing_only) == mine
    assert ids(people[4], "kiem tra", filters=outgoing_only) == []
    assert ids(other.clerk, "kiem tra", filters=outgoing_only) != mine
    code = f"{record.document.code_number}/{record.document.code_notation}"
    assert ids(office.clerk, code)[0] == f"outgoing:{record.pk}"
