"""What keeps registration through the API fast (issue 3 speed budget), and still right.

One audit event tells the whole registration; the 201 answer is built from the objects
written, and matches what a read gives back; document types are cached per process and
dropped when one changes; the statements of a registration are pinned.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from vanthu.accounts.tokens import token_issue
from vanthu.audit.models import AuditEvent
from vanthu.documents.models import DocumentType, NumberAllocation
from vanthu.incoming.models import IncomingRecord, RoutingRule
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_api import MINIMAL_BODY, URL
from vanthu.workflow.models import TraceEntry

pytestmark = [pytest.mark.django_db]

# Token, roles, register book; the transaction (a savepoint and its release inside a test's
# transaction, BEGIN and COMMIT outside); duplicate probe; document, number, allocation,
# record, trace; the audit chain head (read, write) and the one event; the routing probe;
# the search queue's upsert. PostgreSQL adds the register book's advisory lock. Was 38
# (benchmarks/README.md).
REGISTRATION_STATEMENTS = {"sqlite": 16, "postgresql": 17}


def _bearer(office: Office) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=office.clerk, actor=None)}")


def _post(client: Client, **changes: Any) -> dict[str, Any]:
    response = client.post(URL, MINIMAL_BODY | changes, content_type="application/json")
    assert response.status_code == 201, response.json()
    body: dict[str, Any] = response.json()
    return body


class TestStatements:
    def test_a_registration_costs_a_fixed_number_of_statements(
        self, office: Office, django_assert_max_num_queries: Any
    ) -> None:
        client = _bearer(office)
        _post(client, code_number="1")  # the token's first use is written down once
        for number in ("2", "3"):
            with django_assert_max_num_queries(REGISTRATION_STATEMENTS[connection.vendor]):
                _post(client, code_number=number)
        assert IncomingRecord.objects.count() == 3


class TestOneAuditEvent:
    def test_the_one_event_names_the_number_and_the_trace_entry(self, office: Office) -> None:
        client = _bearer(office)  # issuing the token is audited too
        before = AuditEvent.objects.count()
        body = _post(client)
        assert AuditEvent.objects.count() == before + 1
        event = AuditEvent.objects.latest("id")
        record = IncomingRecord.objects.get(pk=body["id"])
        allocation = NumberAllocation.objects.get(pk=record.allocation_id)
        entry = TraceEntry.objects.get(document_id=record.document_id)
        assert event.action == "incoming.registered"
        assert (event.target_type, event.target_id) == ("incoming.incomingrecord", str(record.pk))
        assert event.data["allocation_id"] == allocation.pk
        assert event.data["allocation_book_id"] == office.book.pk
        assert (event.data["allocation_year"], event.data["allocation_number"]) == (
            allocation.year,
            allocation.number,
        )
        assert event.data["trace_trace_entry_id"] == entry.pk
        assert event.data["trace_step"] == event.data["trace_status"] == "registered"


class TestAnswerFromObjectsInHand:
    def _read_back(self, client: Client, body: dict[str, Any]) -> dict[str, Any]:
        response = client.get(f"{URL}/{body['id']}")
        assert response.status_code == 200
        read: dict[str, Any] = response.json()
        return read

    def test_the_answer_is_what_a_read_gives_back(self, office: Office) -> None:
        client = _bearer(office)
        body = _post(client)
        assert body == self._read_back(client, body)
        assert [step["action"] for step in body["trace"]] == ["registered"]

    def test_a_routed_registration_answers_its_assignment_and_both_steps(
        self, office: Office
    ) -> None:
        RoutingRule.objects.create(
            agency=office.agency,
            document_type=DocumentType.objects.get(code="10"),
            unit=office.unit_a,
        )
        client = _bearer(office)
        body = _post(client)
        assert body["status"] == "assigned"
        assert [step["action"] for step in body["trace"]] == ["registered", "assigned"]
        assert [(a["role"], a["party"]["unit"]) for a in body["assignments"]] == [
            ("lead", office.unit_a.pk)
        ]
        assert body == self._read_back(client, body)


class TestDocumentTypeCache:
    def test_a_changed_abbreviation_is_seen_by_the_next_registration(self, office: Office) -> None:
        client = _bearer(office)
        _post(client, code_number="1")  # the types are cached now
        plan = DocumentType.objects.get(code="10")
        plan.abbreviation = "KHX"
        plan.save()
        try:
            refused = client.post(
                URL, MINIMAL_BODY | {"code_number": "2"}, content_type="application/json"
            )
            assert refused.status_code == 400
            assert "code_notation" in refused.json()["fields"]
            _post(client, code_number="3", code_notation="KHX-SNV")
        finally:
            plan.abbreviation = "KH"
            plan.save()  # the rollback alone would not tell this process's cache
        _post(client, code_number="4")

    def test_an_unknown_code_is_refused_on_its_field(self, office: Office) -> None:
        response = _bearer(office).post(
            URL, MINIMAL_BODY | {"type_code": "99"}, content_type="application/json"
        )
        assert response.status_code == 400
        assert "type_code" in response.json()["fields"]
