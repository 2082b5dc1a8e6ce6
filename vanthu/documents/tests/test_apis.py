"""POST /blobs through a real HTTP stack (multipart parsing, session authentication)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.accounts.models import User
from vanthu.documents.models import Blob
from vanthu.documents.tests import samples
from vanthu.documents.tests.conftest import stored_keys

pytestmark = [pytest.mark.django_db]
URL = "/api/v1/blobs"


def _upload(client: Client, data: bytes, name: str = "van-ban.pdf") -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, data, "application/pdf")})


def test_upload_returns_the_blob(client: Client, clerk: User) -> None:
    client.force_login(clerk)
    response = _upload(client, samples.PDF_BYTES)
    assert response.status_code == 201
    body = response.json()
    blob = Blob.objects.get()
    assert body == {
        "id": blob.pk,
        "sha256": hashlib.sha256(samples.PDF_BYTES).hexdigest(),
        "size": len(samples.PDF_BYTES),
        "media_type": "application/pdf",
    }


def test_anonymous_is_refused(client: Client) -> None:
    response = _upload(client, samples.PDF_BYTES)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert not Blob.objects.exists()


def test_oversized_upload_is_413_in_vietnamese(client: Client, clerk: User, settings: Any) -> None:
    settings.VANTHU_MAX_UPLOAD_BYTES = 100
    client.force_login(clerk)
    response = _upload(client, samples.TEXT_BYTES * 10, "dai.txt")
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "upload_too_large"
    assert body["message"].startswith("Tệp tải lên vượt quá dung lượng cho phép")
    assert not Blob.objects.exists()
    assert not stored_keys()


def test_disallowed_type_is_415_in_vietnamese(client: Client, clerk: User) -> None:
    client.force_login(clerk)
    response = _upload(client, samples.EXE_BYTES, "cong-van.pdf")
    assert response.status_code == 415
    body = response.json()
    assert body["code"] == "upload_type_not_allowed"
    assert "không được phép tải lên" in body["message"]
    assert not Blob.objects.exists()
    assert not stored_keys()


def test_missing_file_field_is_a_4xx(client: Client, clerk: User) -> None:
    client.force_login(clerk)
    response = client.post(URL, {})
    assert 400 <= response.status_code < 500
    assert "file" in response.json()["fields"]


def test_openapi_documents_the_upload() -> None:
    from config.api import api

    operation = api.get_openapi_schema()["paths"]["/api/v1/blobs"]["post"]
    assert {"201", "413", "415"} <= {str(status) for status in operation["responses"]}
    assert "multipart/form-data" in operation["requestBody"]["content"]
