"""GET /api/v1/search, saved searches, exports; bad input answers 4xx, never 500."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client
from openpyxl import load_workbook

from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import Confidentiality
from vanthu.incoming.tests.factories import Office
from vanthu.search.tests.helpers import rebuild

pytestmark = pytest.mark.django_db
URL = "/api/v1/search"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def indexed(office: Office, other_office: Office) -> Office:
    office.register(subject="Kế hoạch kiểm tra công tác văn thư tại Đồng Tháp", code_number="26")
    office.register(subject="Báo cáo <b>tổng kết</b> Đồng Tháp")
    office.register(subject="Tài liệu mật Đồng Tháp", confidentiality=Confidentiality.CONFIDENTIAL)
    other_office.register(subject="Đồng Tháp của cơ quan khác")
    rebuild()
    return office


def test_search_answers_items_cursor_and_facets(indexed: Office) -> None:
    response = _client(indexed.specialist_a).get(URL, {"q": "dong thap", "limit": "20"})
    assert response.status_code == 200
    assert response.json() == {
        "items": [],
        "next_cursor": None,
        "facets": response.json()["facets"],
    }
    body = _client(indexed.clerk).get(URL, {"q": "dong thap", "limit": "2"}).json()
    assert set(body) == {"items", "next_cursor", "facets"}
    assert set(body["items"][0]) == {
        "id",
        "kind",
        "code_number",
        "code_notation",
        "subject",
        "issued_date",
        "organ_name",
        "snippet",
    }
    assert len(body["items"]) == 2
    assert body["next_cursor"]
    rest = _client(indexed.clerk).get(URL, {"q": "dong thap", "cursor": body["next_cursor"]})
    assert len(rest.json()["items"]) == 1
    assert rest.json()["next_cursor"] is None
    years = body["facets"]["year"]
    assert sum(bucket["count"] for bucket in years) == 3
    type_labels = {bucket["label"] for bucket in body["facets"]["type"]}
    assert type_labels == {"Kế hoạch"}


def test_snippets_mark_matches_and_escape_html(indexed: Office) -> None:
    body = _client(indexed.clerk).get(URL, {"q": "tong ket"}).json()
    snippet = body["items"][0]["snippet"]
    assert "&lt;b&gt;<mark>tổng</mark> <mark>kết</mark>&lt;/b&gt;" in snippet
    assert "<b>" not in snippet


def test_a_code_finds_the_document_first(indexed: Office) -> None:
    body = _client(indexed.clerk).get(URL, {"q": "26/KH-SNV"}).json()
    assert body["items"][0]["code_number"] == "26"
    assert body["items"][0]["code_notation"] == "KH-SNV"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "a", "cursor": "!!!"},
        {"q": "a", "cursor": "bzk5OTk5OTk5"},
        {"q": "a", "limit": 0},
        {"q": "a", "year": "abc"},
        {"q": "a", "date_from": "0"},
        {"q": "a", "sort": "rank"},
    ],
)
def test_bad_input_is_a_clear_4xx(indexed: Office, params: dict[str, str | int]) -> None:
    response = _client(indexed.clerk).get(URL, params)
    assert response.status_code in {400, 422}
    assert set(response.json()) == {"code", "message", "fields"}


@pytest.mark.parametrize("q", ['"', "NEAR(", "-", "*", "()", "\u200b\u200d", "a\x00b", "%"])
def test_fts_syntax_and_odd_text_give_results_not_errors(indexed: Office, q: str) -> None:
    assert _client(indexed.clerk).get(URL, {"q": q}).status_code == 200


def test_anonymous_gets_401() -> None:
    assert Client().get(URL, {"q": "a"}).status_code == 401


def test_saved_searches_are_private_and_audited(indexed: Office) -> None:
    client = _client(indexed.clerk)
    created = client.post(
        f"{URL}/saved",
        {"name": "Đồng Tháp", "query": "dong thap", "filters": {"year": 2026}, "columns": ["code"]},
        content_type="application/json",
    )
    assert created.status_code == 201
    saved_id = created.json()["id"]
    again = client.post(f"{URL}/saved", {"name": "Đồng Tháp"}, content_type="application/json")
    assert again.status_code == 409
    assert [s["name"] for s in client.get(f"{URL}/saved").json()] == ["Đồng Tháp"]
    stranger = _client(indexed.specialist_a)
    assert stranger.get(f"{URL}/saved").json() == []
    assert stranger.delete(f"{URL}/saved/{saved_id}").status_code == 404
    assert client.delete(f"{URL}/saved/{saved_id}").status_code == 204
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"search.saved", "search.saved_deleted"} <= actions


def test_export_xlsx_holds_only_visible_results(indexed: Office) -> None:
    response = _client(indexed.specialist_b).get(f"{URL}/export", {"q": "dong thap"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)  # type: ignore[union-attr]
    assert len(rows) == 1
    response = _client(indexed.clerk).get(
        f"{URL}/export", {"q": "dong thap", "columns": "subject,code"}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)  # type: ignore[union-attr]
    assert rows[0] == ("Trích yếu", "Số, ký hiệu")
    assert len(rows) == 4
    assert AuditEvent.objects.filter(action="search.exported").count() == 2


def test_export_docx_and_pdf(indexed: Office) -> None:
    client = _client(indexed.clerk)
    docx = client.get(f"{URL}/export", {"q": "dong thap", "format": "docx"})
    with zipfile.ZipFile(io.BytesIO(docx.content)) as package:
        assert "Đồng Tháp" in package.read("word/document.xml").decode()
    pdf = client.get(f"{URL}/export", {"q": "dong thap", "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"


def test_search_page_renders_results(indexed: Office) -> None:
    response = _client(indexed.clerk).get("/tim-kiem/", {"q": "dong thap", "columns": "subject"})
    assert response.status_code == 200
    assert "Kế hoạch kiểm tra công tác văn thư tại Đồng Tháp" in response.content.decode()
    assert "của cơ quan khác" not in response.content.decode()
