"""Tests of the JSON API: authentication, /me, /agencies and the error format."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.models import Agency, ApiToken, User
from vanthu.accounts.tests.factories import (
    AgencyFactory,
    agency_of,
    make_agency,
    make_delegation,
    make_user,
)
from vanthu.accounts.tokens import token_issue
from vanthu.core.api import encode_cursor

pytestmark = pytest.mark.django_db


def _assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code
    assert isinstance(body["fields"], dict)
    assert body["message"]
    return body


class TestAuthentication:
    def test_missing_token_is_401_in_error_format(self) -> None:
        body = _assert_error(Client().get("/api/v1/me"), 401, "unauthenticated")
        assert "đăng nhập" in body["message"]

    @pytest.mark.parametrize(
        "header", ["Bearer", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "bearer", "Bearer a b"]
    )
    def test_malformed_header_is_401(self, header: str, clerk_token: str) -> None:
        response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
        _assert_error(response, 401, "unauthenticated")

    def test_revoked_token_is_401(self, clerk: User, bearer_client: Client) -> None:
        assert bearer_client.get("/api/v1/me").status_code == 200
        ApiToken.objects.filter(user=clerk).update(revoked_at=timezone.now())
        _assert_error(bearer_client.get("/api/v1/me"), 401, "unauthenticated")

    def test_bad_token_is_401_even_with_a_session(self, clerk: User) -> None:
        client = Client()
        client.force_login(clerk)
        response = client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer nonsense")
        _assert_error(response, 401, "unauthenticated")

    def test_session_auth(self, clerk: User) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(clerk)
        response = client.get("/api/v1/me")
        assert response.status_code == 200
        assert response.json()["id"] == clerk.pk


class TestMe:
    def test_me_with_bearer(self, clerk: User, bearer_client: Client) -> None:
        User.objects.filter(pk=clerk.pk).update(clearance=Clearance.CONFIDENTIAL)
        leader = make_user(
            agency=clerk.agency, full_name="Trần Văn Lãnh", position_title="Giám đốc"
        )
        make_delegation(grantor=leader, grantee=clerk)
        # Expired and revoked delegations do not count.
        yesterday = timezone.localdate() - dt.timedelta(days=1)
        make_delegation(
            grantee=clerk,
            grantor=make_user(agency=clerk.agency),
            start_date=yesterday,
            end_date=yesterday,
        )
        make_delegation(
            grantee=clerk, grantor=make_user(agency=clerk.agency), revoked_at=timezone.now()
        )
        response = bearer_client.get("/api/v1/me")
        assert response.status_code == 200
        body = response.json()
        agency = clerk.agency
        unit = clerk.unit
        assert agency is not None
        assert unit is not None
        assert body == {
            "id": clerk.pk,
            "username": clerk.username,
            "full_name": clerk.full_name,
            "position_title": "Văn thư",
            "agency": {
                "id": agency.pk,
                "name": agency.name,
                "abbreviation": agency.abbreviation,
                "organ_id": agency.organ_id,
            },
            "unit": {"id": unit.pk, "name": unit.name, "abbreviation": unit.abbreviation},
            "roles": ["clerk"],
            "clearance": 1,
            "acting_for": [
                {
                    "id": leader.pk,
                    "username": leader.username,
                    "full_name": "Trần Văn Lãnh",
                    "position_title": "Giám đốc",
                }
            ],
        }

    def test_me_without_unit(self, agency: Agency) -> None:
        user = make_user(agency=agency, unit=None, roles=[Role.AGENCY_LEADER, Role.CLERK])
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user, actor=None)}")
        body = client.get("/api/v1/me").json()
        assert body["unit"] is None
        assert body["roles"] == ["agency_leader", "clerk"]


class TestAgencies:
    def test_visibility_own_and_subordinates(self, clerk: User, bearer_client: Client) -> None:
        own = agency_of(clerk)
        child = make_agency(superior=own)
        grandchild = make_agency(superior=child)
        make_agency()  # unrelated
        parent_of_own = make_agency()
        Agency.objects.filter(pk=own.pk).update(superior=parent_of_own)
        body = bearer_client.get("/api/v1/agencies").json()
        assert {a["id"] for a in body["items"]} == {own.pk, child.pk, grandchild.pk}
        assert body["next_cursor"] is None

    def test_other_agency_is_404(self, bearer_client: Client) -> None:
        other = make_agency()
        _assert_error(bearer_client.get(f"/api/v1/agencies/{other.pk}"), 404, "not_found")
        _assert_error(bearer_client.get("/api/v1/agencies/999999999"), 404, "not_found")

    def test_own_agency_detail(self, clerk: User, bearer_client: Client) -> None:
        agency = clerk.agency
        assert agency is not None
        body = bearer_client.get(f"/api/v1/agencies/{agency.pk}").json()
        assert body["organ_id"] == agency.organ_id
        assert body["status"] == "active"
        assert body["place_name"] == agency.place_name

    def test_inspector_sees_all_and_pages_by_cursor(
        self, agency: Agency, django_assert_max_num_queries: Any
    ) -> None:
        inspector = make_user(agency=agency, roles=[Role.INSPECTOR])
        others = AgencyFactory.create_batch(6)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=inspector, actor=None)}")
        expected = sorted([agency, *others], key=lambda a: a.organ_id)
        seen: list[int] = []
        cursor = None
        for _page in range(10):
            params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
            with django_assert_max_num_queries(6):
                body = client.get("/api/v1/agencies", params).json()
            seen += [a["id"] for a in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == [a.pk for a in expected]

    @pytest.mark.parametrize(
        "cursor", ["%%%", "bm90LWpzb24", encode_cursor("x", 1)[:-2], "W10", "WyJ2IiwieCIsLTFd"]
    )
    def test_bad_cursor_is_400(self, bearer_client: Client, cursor: str) -> None:
        body = _assert_error(
            bearer_client.get("/api/v1/agencies", {"cursor": cursor}), 400, "invalid_cursor"
        )
        assert "cursor" in body["fields"]

    def test_invalid_query_is_422_with_vietnamese_fields(self, bearer_client: Client) -> None:
        body = _assert_error(
            bearer_client.get("/api/v1/agencies", {"limit": "abc"}), 422, "invalid_input"
        )
        assert body["fields"] == {"limit": ["Phải là số nguyên."]}
        body = _assert_error(
            bearer_client.get("/api/v1/agencies", {"limit": 0}), 422, "invalid_input"
        )
        assert body["fields"] == {"limit": ["Phải lớn hơn hoặc bằng 1."]}
        # Ids are digits in the URL: anything else is a path that does not exist (JSON 404).
        _assert_error(bearer_client.get("/api/v1/agencies/abc"), 404, "not_found")
        # Even with a newline in the id (found by fuzzing: it fell through to the HTML 404).
        _assert_error(bearer_client.get("/api/v1/agencies/1%0A2/units"), 404, "not_found")


class TestSchema:
    def test_openapi_and_docs(self) -> None:
        schema = Client().get("/api/v1/openapi.json").json()
        assert schema["info"]["title"] == "VănThư API"
        me = schema["paths"]["/api/v1/me"]["get"]
        assert me["responses"]["401"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorOut"
        }
        assert "ErrorOut" in schema["components"]["schemas"]
        assert {"BearerTokenAuth", "SignedInSessionAuth"} <= set(
            schema["components"]["securitySchemes"]
        )
        assert Client().get("/api/v1/docs").status_code == 200


def test_schema_names_do_not_collide_across_routers() -> None:
    """Two routers' schemas with one class name would share one component (seen: ReturnIn)."""
    from config.api import api

    schema = api.get_openapi_schema()
    body = schema["paths"]["/api/v1/incoming/{incoming_id}/return"]["post"]["requestBody"]
    ref = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "reason" in schema["components"]["schemas"][ref]["properties"]
