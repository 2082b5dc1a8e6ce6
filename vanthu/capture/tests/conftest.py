"""Fixtures of the capture tests: the committed sample files and their true metadata.

The samples were made by ``benchmarks/capture_corpus.py`` (``write_fixtures``): a born-digital
Công văn PDF, a degraded 200 dpi scan of a Kế hoạch (PNG) and a Quyết định DOCX; their true
metadata in ``expected.json`` comes from the drafts they were rendered from.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend
from PIL import Image
from pypdf import PdfWriter

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user

DATA = Path(__file__).resolve().parent / "data"
CASELESS = {"type_name", "organ_name", "superior_organ", "signer_authority", "signer_position"}


def normalised(name: str, value: Any) -> Any:
    """Compare like the benchmark: NFC, spaces collapsed; capitals-only fields without case."""
    if isinstance(value, list):
        return [normalised(name, v) for v in value]
    if value in (None, ""):
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text.casefold() if name in CASELESS else text


def wrong_fields(found: dict[str, Any], truth: dict[str, Any]) -> list[str]:
    """Return the fields whose proposal differs from the truth."""
    return [
        name
        for name, value in truth.items()
        if normalised(name, found[name]["value"]) != normalised(name, value)
    ]


@pytest.fixture(scope="session")
def truth() -> dict[str, dict[str, Any]]:
    return dict(json.loads((DATA / "expected.json").read_text(encoding="utf-8")))


@pytest.fixture
def agency(db: None) -> Agency:
    return make_agency()


@pytest.fixture
def clerk(agency: Agency) -> User:
    return make_user(agency=agency, roles=[Role.CLERK])


def blank_png() -> bytes:
    """Return a white A4-ish image at 200 dpi: an image that is not a document."""
    buffer = io.BytesIO()
    Image.new("L", (400, 560), 255).save(buffer, format="PNG", dpi=(50, 50))
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    """Return a password-protected one-page PDF."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


CORRUPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF broken"


@pytest.fixture
def queue() -> Iterator[DummyBackend]:
    """Tasks are only recorded, never run: the test runs each step itself."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        backend = task_backends["default"]
        assert isinstance(backend, DummyBackend)
        yield backend
