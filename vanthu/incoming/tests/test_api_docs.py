"""The OpenAPI document of the incoming endpoints: Vietnamese summaries, declared errors."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

WRITES = {
    ("post", "/api/v1/incoming"),
    ("post", "/api/v1/incoming/{incoming_id}/assign"),
    ("post", "/api/v1/incoming/{incoming_id}/complete"),
    ("post", "/api/v1/incoming/{incoming_id}/return"),
    ("post", "/api/v1/incoming/{incoming_id}/present"),
    ("post", "/api/v1/incoming/{incoming_id}/start"),
    ("post", "/api/v1/incoming/{incoming_id}/notes"),
    ("post", "/api/v1/incoming/{incoming_id}/reply"),
    ("post", "/api/v1/incoming/{incoming_id}/attachments"),
    ("post", "/api/v1/incoming/pending/{delivery_id}/accept"),
    ("post", "/api/v1/incoming/pending/{delivery_id}/refuse"),
}
READS = {
    ("get", "/api/v1/incoming"),
    ("get", "/api/v1/incoming/{incoming_id}"),
    ("get", "/api/v1/incoming/pending"),
}


def _operations(client: Client) -> dict[tuple[str, str], dict[str, Any]]:
    schema = client.get("/api/v1/openapi.json").json()
    return {
        (method, path): operation
        for path, item in schema["paths"].items()
        if path.startswith("/api/v1/incoming")
        for method, operation in item.items()
    }


def test_every_endpoint_is_documented_in_vietnamese(client: Client) -> None:
    operations = _operations(client)
    assert set(operations) >= WRITES | READS
    for key in WRITES | READS:
        operation = operations[key]
        summary = operation["summary"]
        assert summary and any(ord(c) > 127 for c in summary), key  # Vietnamese, not English
        declared = set(operation["responses"])
        assert {"400", "401", "403", "404", "422"} <= {str(s) for s in declared}, key
        if key in WRITES:
            assert "409" in {str(s) for s in declared}, key


def test_the_attachment_upload_is_multipart_and_declares_its_refusals(client: Client) -> None:
    operation = _operations(client)[("post", "/api/v1/incoming/{incoming_id}/attachments")]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert {"201", "409", "413", "415"} <= {str(s) for s in operation["responses"]}
