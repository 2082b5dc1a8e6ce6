"""The leader's "Văn bản chờ duyệt ký" figure: the same drafts as the outgoing "Chờ ký duyệt" queue.

Drafts to approve, and the drafts the leader approved for his digital signature and has not
signed yet (through the real signing flow), never another leader's signature.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from config.settings.env import storages
from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.outgoing.enums import ReviewDecision
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.review import draft_format_check, draft_review, draft_submit
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.tests.factories import Office, draft_make, office_make
from vanthu.outgoing.tests.signing_setup import digital_draft, keys_register
from vanthu.outgoing.ui_selectors import drafts_to_sign
from vanthu.signing.testpki import PASSWORD, TestPKI, build_test_pki
from vanthu.web.counters import panel_figure

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    return build_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(autouse=True)
def _isolated_blob_store(settings: Any, tmp_path: Path) -> None:
    settings.STORAGES = storages(tmp_path)


def _format_checked(office: Office) -> OutgoingDraft:
    draft = draft_make(office)
    draft_submit(actor=office.specialist, draft_id=draft.pk)
    draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
    draft_format_check(actor=office.clerk, draft_id=draft.pk)
    return draft


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
    checked = _format_checked(office)
    digital = digital_draft(office)  # approved by office.leader for his digital signature

    assert set(drafts_to_sign(office.leader)) == {checked, digital}
    assert (_figure(office.leader), _page_figure(office.leader)) == (2, "2")
    assert set(drafts_to_sign(deputy)) == {checked}  # not his signature to give
    assert _figure(deputy) == 1

    draft_sign(actor=office.leader, draft_id=digital.pk, pin=PASSWORD)

    assert list(drafts_to_sign(office.leader)) == [checked]
    assert (_figure(office.leader), _page_figure(office.leader)) == (1, "1")


def test_the_figure_is_zero_for_whoever_may_not_sign() -> None:
    office = office_make()
    _format_checked(office)
    assert _figure(office.clerk) == 0
    assert _figure(office.specialist) == 0
    assert _figure(office_make().leader) == 0  # another agency's drafts are not counted
