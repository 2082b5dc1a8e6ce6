"""Tests of the admin site for the accounts configuration data."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from vanthu.accounts.enums import Role
from vanthu.accounts.models import ApiToken, User
from vanthu.accounts.roles import roles_of
from vanthu.accounts.tests.factories import (
    make_delegation,
    make_unit,
    make_user,
)
from vanthu.accounts.tokens import token_issue, user_for_token
from vanthu.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

MODELS = ["agency", "orgunit", "user", "delegation", "apitoken", "calendarday"]


@pytest.fixture
def staff_client(superuser: User) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_changelists_render(staff_client: Client, model: str, clerk: User) -> None:
    token_issue(user=clerk, actor=None)
    make_delegation(grantee=clerk, grantor=make_user(agency=clerk.agency))
    response = staff_client.get(reverse(f"admin:accounts_{model}_changelist"))
    assert response.status_code == 200


def test_user_change_page_has_roles_inline(staff_client: Client, clerk: User) -> None:
    response = staff_client.get(reverse("admin:accounts_user_change", args=[clerk.pk]))
    assert response.status_code == 200
    assert "Cơ quan, đơn vị" in response.content.decode()


def test_saving_roles_in_admin_is_audited(staff_client: Client, clerk: User) -> None:
    unit = make_unit(agency=clerk.agency)
    url = reverse("admin:accounts_user_change", args=[clerk.pk])
    role_grant = clerk.role_grants.get()
    data = {
        "username": clerk.username,
        "full_name": "Lê Thị Thu",
        "email": "",
        "position_title": "Văn thư",
        "agency": clerk.agency_id,
        "unit": unit.pk,
        "clearance": 1,
        "is_active": "on",
        "role_grants-TOTAL_FORMS": "2",
        "role_grants-INITIAL_FORMS": "1",
        "role_grants-MIN_NUM_FORMS": "0",
        "role_grants-MAX_NUM_FORMS": "1000",
        "role_grants-0-id": role_grant.pk,
        "role_grants-0-user": clerk.pk,
        "role_grants-0-role": "clerk",
        "role_grants-1-user": clerk.pk,
        "role_grants-1-role": "archivist",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    clerk.refresh_from_db()
    assert clerk.full_name == "Lê Thị Thu"
    assert roles_of(User.objects.get(pk=clerk.pk)) == {Role.CLERK, Role.ARCHIVIST}
    event = AuditEvent.objects.get(action="accounts.admin_user_updated")
    assert "full_name" in event.data["fields"]


def test_revoke_action(staff_client: Client, clerk: User) -> None:
    raw = token_issue(user=clerk, actor=None)
    token = ApiToken.objects.get(user=clerk)
    response = staff_client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_tokens", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    assert user_for_token(raw) is None
    assert AuditEvent.objects.filter(action="accounts.token_revoked").count() == 1
