"""The leader's "Văn bản chờ duyệt ký" figure: the same drafts as the outgoing "Chờ ký duyệt" queue.

Drafts to approve, and the drafts the leader approved for his digital signature and has not
signed yet (through the real signing flow), never another leader's signature.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.pki import pki
from tests.storage import blob_store
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.tests.factories import draft_format_checked, office_make
from vanthu.outgoing.tests.signing_setup import digital_draft, keys_register
from vanthu.outgoing.ui_selectors import drafts_to_issue, drafts_to_sign
from vanthu.signing.testpki import PASSWORD, TestPKI
from vanthu.web.counters import panel_figure

__all__ = ["blob_store", "pki"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _isolated_blob_store(blob_store: Path) -> None:
    """Blobs go to this test's own folder."""


def _figure(user: User) -> int | None:
    return panel_figure(user=user, area_slug="lanh-dao", section="cho-duyet-ky")


def _page_figure(user: User) -> str:
    client = Client()
    client.force_login(user)
    html = client.get("/lanh-dao/").content.decode()
    found = re.search(
        r'<span class="panel-label">Văn bản chờ duyệt ký</span>\s*'
        r'<span class="panel-figure">(.*?)</span>',
        html,
    )
    assert found, "no figure on the leader's panel"
    return found.group(1)


def test_the_figure_follows_the_queue_until_the_leader_signs(pki: TestPKI) -> None:
    office = office_make()
    keys_register(office, pki)
    deputy = make_user(agency=office.agency, unit=office.unit, roles=[Role.AGENCY_LEADER])
    checked = draft_format_checked(office)
    digital = digital_draft(office)  # approved by office.leader for his digital signature

    assert set(drafts_to_sign(office.leader)) == {checked, digital}
    assert (_figure(office.leader), _page_figure(office.leader)) == (2, "2")
    assert set(drafts_to_sign(deputy)) == {checked}  # not his signature to give
    assert _figure(deputy) == 1
    assert list(drafts_to_issue(office.clerk)) == []  # the clerk cannot act on it yet

    draft_sign(actor=office.leader, draft_id=digital.pk, pin=PASSWORD)

    assert list(drafts_to_sign(office.leader)) == [checked]
    assert list(drafts_to_issue(office.clerk)) == [digital]  # the agency signature is next
    assert (_figure(office.leader), _page_figure(office.leader)) == (1, "1")


def test_the_figure_is_zero_for_whoever_may_not_sign() -> None:
    office = office_make()
    draft_format_checked(office)
    assert _figure(office.clerk) == 0
    assert _figure(office.specialist) == 0
    assert _figure(office_make().leader) == 0  # another agency's drafts are not counted
