"""The incoming API through the real HTTP stack (session and bearer authentication)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from vanthu.accounts.models import User
from vanthu.accounts.tokens import token_issue
from vanthu.audit.models import AuditEvent
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]
URL = "/api/v1/incoming"

# The minimal registration body of issue 3, exactly as written there.
MINIMAL_BODY: dict[str, Any] = {
    "type_code": "10",
    "code_number": "26",
    "code_notation": "KH-SNV",
    "issued_date": "2020-04-23",
    "organ_name": "Sở Nội vụ tỉnh Kiên Giang",
    "subject": "Kiểm tra công tác văn thư, lưu trữ năm 2020",
    "signer_position": "Giám đốc",
    "signer_full_name": "…",
    "page_amount": 4,
    "urgency": "normal",
    "confidentiality": "none",
}


def _as(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def _register(client: Client, office: Office, **changes: Any) -> dict[str, Any]:
    response = _post(_as(client, office.clerk), URL, MINIMAL_BODY | changes)
    assert response.status_code == 201, response.json()
    body: dict[str, Any] = response.json()
    return body


class TestRegister:
    def test_the_minimal_body_registers(self, client: Client, office: Office) -> None:
        body = _register(client, office)
        record = IncomingRecord.objects.get()
        assert body["id"] == record.pk
        assert body["arrival_number"] == 1
        assert body["arrival_date"] == today_in_vietnam().isoformat()
        assert body["confidentiality"] == "none"
        assert body["status"] == "registered"
        assert body["signer_full_name"] == "…"
        assert body["type_name"] == "Kế hoạch"
        assert [step["action"] for step in body["trace"]] == ["registered"]

    def test_a_bearer_token_works_too(self, office: Office) -> None:
        token = token_issue(user=office.clerk, actor=office.clerk)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        response = _post(client, URL, MINIMAL_BODY)
        assert response.status_code == 201

    def test_confidential_maps_onto_the_secret_book(self, client: Client, office: Office) -> None:
        body = _register(client, office, confidentiality="confidential")
        assert body["register_book_id"] == office.secret_book.pk
        assert body["confidentiality"] == "confidential"

    def test_a_duplicate_answers_409_then_registers_when_confirmed(
        self, client: Client, office: Office
    ) -> None:
        first = _register(client, office)
        response = _post(client, URL, MINIMAL_BODY)
        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "duplicate"
        assert body["message"]
        assert body["duplicate_of"]["id"] == first["id"]
        confirmed = _post(
            client,
            URL,
            MINIMAL_BODY | {"confirm_duplicate": True, "duplicate_reason": "Gửi lại bản chính"},
        )
        assert confirmed.status_code == 201
        assert confirmed.json()["duplicate_of_id"] == first["id"]
        assert confirmed.json()["arrival_number"] == 2

    def test_rule_violations_answer_400_with_fields(self, client: Client, office: Office) -> None:
        response = _post(
            _as(client, office.clerk),
            URL,
            MINIMAL_BODY | {"code_notation": "QĐ-SNV", "subject": " ", "issued_date": "2999-01-01"},
        )
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid_input"
        assert set(body["fields"]) == {"code_notation", "subject", "issued_date"}

    def test_a_malformed_body_answers_422(self, client: Client, office: Office) -> None:
        response = _post(_as(client, office.clerk), URL, MINIMAL_BODY | {"urgency": "soon"})
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["urgency"]

    @pytest.mark.parametrize("who", ["leader", "specialist_a"])
    def test_only_clerks_register(self, client: Client, office: Office, who: str) -> None:
        response = _post(_as(client, getattr(office, who)), URL, MINIMAL_BODY)
        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"

    def test_anonymous_is_refused(self, client: Client, office: Office) -> None:
        assert _post(client, URL, MINIMAL_BODY).status_code == 401


class TestReadAndList:
    def test_detail_is_audited(self, client: Client, office: Office) -> None:
        record = _register(client, office)
        response = _as(client, office.leader).get(f"{URL}/{record['id']}")
        assert response.status_code == 200
        assert response.json()["subject"] == MINIMAL_BODY["subject"]
        assert AuditEvent.objects.filter(
            action="incoming.viewed", actor_id=office.leader.pk, target_id=str(record["id"])
        ).exists()

    def test_another_agency_gets_404(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        record = _register(client, office)
        response = _as(client, other_office.leader).get(f"{URL}/{record['id']}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    def test_an_uncleared_user_gets_404_on_a_confidential_record(
        self, client: Client, office: Office
    ) -> None:
        record = _register(client, office, confidentiality="confidential")
        assign = {"lead": {"user": office.specialist_a.username}}
        response = _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", assign)
        assert response.status_code == 200
        response = _as(client, office.specialist_a).get(f"{URL}/{record['id']}")
        assert response.status_code == 404

    def test_the_list_pages_with_a_cursor_and_filters(self, client: Client, office: Office) -> None:
        ids = [_register(client, office, code_number=str(n))["id"] for n in range(5)]
        _register(client, office, code_number="99", subject="Giấy mời dự hội nghị")
        seen: list[int] = []
        url = f"{URL}?limit=2&q=kiem+tra"
        counts = set()
        while url:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            counts.add(len(queries))
            body = response.json()
            seen += [item["id"] for item in body["items"]]
            url = (
                f"{URL}?limit=2&q=kiem+tra&cursor={body['next_cursor']}"
                if body["next_cursor"]
                else ""
            )
        assert seen == ids[::-1]
        assert len(counts) == 1  # every page costs the same

    def test_a_bad_cursor_answers_400(self, client: Client, office: Office) -> None:
        response = _as(client, office.clerk).get(f"{URL}?cursor=!!!")
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_cursor"


class TestAssignCompleteReturn:
    def test_assign_then_complete(self, client: Client, office: Office) -> None:
        record = _register(client, office)
        due = (today_in_vietnam() + dt.timedelta(days=15)).isoformat()
        body = {
            "instruction": "Phòng Tổ chức chủ trì",
            "lead": {"user": office.specialist_a.username},
            "support": [{"unit": office.unit_b.pk}],
            "inform": [],
            "due_date": due,
        }
        response = _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", body)
        assert response.status_code == 200, response.json()
        assigned = response.json()
        assert (assigned["status"], assigned["due_date"]) == ("assigned", due)
        assert [
            (a["role"], a["party"]["user"], a["party"]["unit"]) for a in assigned["assignments"]
        ] == [
            ("lead", office.specialist_a.username, None),
            ("support", None, office.unit_b.pk),
        ]
        response = _post(
            _as(client, office.specialist_a), f"{URL}/{record['id']}/complete", {"note": "Xong"}
        )
        assert response.status_code == 200
        done = response.json()
        assert done["status"] == "done"
        assert [s["action"] for s in done["trace"]] == ["registered", "assigned", "completed"]

    def test_unknown_parties_are_field_errors(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        record = _register(client, office)
        body = {
            "lead": {"user": other_office.specialist_a.username},
            "support": [{"unit": office.unit_b.pk}, {"unit": other_office.unit_a.pk}],
        }
        response = _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", body)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_party"
        assert list(response.json()["fields"]) == ["lead"]

    def test_a_specialist_cannot_assign(self, client: Client, office: Office) -> None:
        record = _register(client, office)
        body = {"lead": {"user": office.specialist_a.username}}
        _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", body)
        response = _post(_as(client, office.specialist_a), f"{URL}/{record['id']}/assign", body)
        assert response.status_code == 403

    def test_return_with_a_reason(self, client: Client, office: Office) -> None:
        record = _register(client, office)
        body = {"lead": {"unit": office.unit_a.pk}}
        _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", body)
        response = _post(
            _as(client, office.head_a), f"{URL}/{record['id']}/return", {"reason": "Chuyển nhầm"}
        )
        assert response.status_code == 200
        assert response.json()["status"] == "returned"
        again = _post(client, f"{URL}/{record['id']}/return", {"reason": "Lần nữa"})
        assert again.status_code == 404  # no longer given to unit A

    def test_completing_twice_is_a_conflict(self, client: Client, office: Office) -> None:
        record = _register(client, office)
        body = {"lead": {"user": office.leader.username}}
        _post(_as(client, office.leader), f"{URL}/{record['id']}/assign", body)
        assert _post(client, f"{URL}/{record['id']}/complete", {}).status_code == 200
        response = _post(client, f"{URL}/{record['id']}/complete", {})
        assert response.status_code == 409
        assert response.json()["code"] == "invalid_transition"


def test_the_openapi_schema_documents_every_operation(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) >= {
        "/api/v1/incoming",
        "/api/v1/incoming/{incoming_id}",
        "/api/v1/incoming/{incoming_id}/assign",
        "/api/v1/incoming/{incoming_id}/complete",
        "/api/v1/incoming/{incoming_id}/return",
    }
    register = paths["/api/v1/incoming"]["post"]
    assert {"201", "400", "403", "409", "422"} <= set(map(str, register["responses"]))
    assert register["tags"] == ["Văn bản đến"]
