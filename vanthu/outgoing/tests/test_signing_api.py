"""``POST /api/v1/drafts/{id}/sign``: the signer, then the clerk; errors in the API format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.pki import pki
from vanthu.accounts.models import User
from vanthu.outgoing.tests.factories import Office
from vanthu.outgoing.tests.signing_setup import Keys, digital_draft, keys_register
from vanthu.signing.testpki import PASSWORD, TestPKI

__all__ = ["pki"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(office: Office, pki: TestPKI) -> Keys:
    return keys_register(office, pki)


def _sign(user: User, draft_id: int, body: dict[str, Any]) -> Any:
    client = Client()
    client.force_login(user)
    return client.post(f"/api/v1/drafts/{draft_id}/sign", body, content_type="application/json")


def test_signer_then_clerk_issue_through_the_api(office: Office, keys: Keys) -> None:
    draft = digital_draft(office)

    wrong = _sign(office.leader, draft.pk, {"pin": "sai"})
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "signing_wrong_pin"
    early = _sign(office.clerk, draft.pk, {"pin": PASSWORD})
    assert (early.status_code, early.json()["code"]) == (409, "draft_sign_state")

    signed = _sign(office.leader, draft.pk, {"pin": PASSWORD})
    assert signed.status_code == 200, signed.json()
    assert signed.json()["step"] == "signer"
    assert signed.json()["record"] is None
    assert signed.json()["draft"]["signature_state"] == "leader_signed"

    issued = _sign(office.clerk, draft.pk, {"pin": PASSWORD, "copies": 2})
    assert issued.status_code == 200, issued.json()
    assert issued.json()["step"] == "agency"
    assert issued.json()["draft"]["status"] == "issued"
    assert issued.json()["draft"]["signature_state"] == "digital_signed"
    assert issued.json()["record"]["code"] == "01/SNV-VP"


def test_refusals_in_the_api_format(office: Office, keys: Keys, tmp_path: Path) -> None:
    draft = digital_draft(office)
    empty_pin = _sign(office.leader, draft.pk, {"pin": ""})
    assert empty_pin.status_code in {400, 422}
    assert set(empty_pin.json()) == {"code", "message", "fields"}
    other = _sign(office.specialist, draft.pk, {"pin": PASSWORD})
    assert other.status_code in {403, 404}
    missing = _sign(office.leader, 999999, {"pin": PASSWORD})
    assert missing.status_code == 404
    anonymous = Client().post(
        f"/api/v1/drafts/{draft.pk}/sign", {"pin": "1"}, content_type="application/json"
    )
    assert anonymous.status_code == 401
