"""The file plan and dossier API through the real HTTP stack, bad input included."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.api import api_client, post_json
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.models import FilePlanHeading
from vanthu.dossiers.tests.factories import document_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def _plan(office: Office) -> tuple[int, int]:
    clerk = api_client(office.clerk)
    plan = post_json(clerk, "/api/v1/file-plans", {"year": 2026}, 201)
    heading = post_json(
        clerk,
        f"/api/v1/file-plans/{plan['id']}/headings",
        {"title": "Văn phòng", "abbreviation": "VP"},
        201,
    )
    item = post_json(
        clerk,
        f"/api/v1/file-plans/{plan['id']}/items",
        {"heading_id": heading["id"], "title": "Hồ sơ tiếp dân", "retention": "10"},
        201,
    )
    assert (heading["label"], item["code"]) == ("I.", "01.VP")
    return plan["id"], item["id"]


class TestFilePlans:
    def test_build_approve_issue_and_list(self, office: Office) -> None:
        plan_id, _item_id = _plan(office)
        duplicate = post_json(
            api_client(office.clerk),
            f"/api/v1/file-plans/{plan_id}/items",
            {
                "heading_id": _heading_id(office, plan_id),
                "title": "X",
                "retention": "5",
                "code": "01.VP",
            },
            409,
        )
        assert duplicate["code"] == "file_plan_duplicate_code"
        assert post_json(api_client(office.clerk), f"/api/v1/file-plans/{plan_id}/approve", {}, 403)
        approved = post_json(
            api_client(office.leader), f"/api/v1/file-plans/{plan_id}/approve", {}, 200
        )
        assert approved["status"] == "approved"
        issued = post_json(
            api_client(office.clerk),
            f"/api/v1/file-plans/{plan_id}/issue",
            {"decision_number": "05/QĐ-SNV", "decision_date": "2026-01-05"},
            200,
        )
        assert (issued["status"], issued["decision_date"]) == ("issued", "2026-01-05")
        listed = api_client(office.specialist_a).get("/api/v1/file-plans").json()
        assert [p["id"] for p in listed["items"]] == [plan_id]
        items = api_client(office.specialist_a).get(f"/api/v1/file-plans/{plan_id}/items").json()
        assert [i["code"] for i in items["items"]] == ["01.VP"]

    def test_another_agency_gets_404(self, office: Office, other_office: Office) -> None:
        plan_id, _item_id = _plan(office)
        response = api_client(other_office.clerk).get(f"/api/v1/file-plans/{plan_id}/items")
        assert (response.status_code, response.json()["code"]) == (404, "not_found")


def _heading_id(office: Office, plan_id: int) -> int:
    return FilePlanHeading.objects.get(plan_id=plan_id).pk


class TestDossiers:
    def test_open_add_close_export(self, office: Office) -> None:
        _plan_id, item_id = _plan(office)
        me = api_client(office.specialist_a)
        dossier = post_json(me, "/api/v1/dossiers", {"plan_item_id": item_id}, 201)
        url = f"/api/v1/dossiers/{dossier['id']}"
        empty = post_json(me, f"{url}/close", {"retention": "10"}, 400)
        assert (empty["code"], empty["message"]) == (
            "dossier_empty",
            "Hồ sơ chưa có văn bản nào, không thể kết thúc.",
        )
        document = document_make(office.agency, pages=3)
        added = post_json(me, f"{url}/documents", {"document_id": document.pk}, 201)
        assert (added["ordinal"], added["pages"]) == (1, 3)
        again = post_json(me, f"{url}/documents", {"document_id": document.pk}, 409)
        assert again["code"] == "document_already_in_dossier"
        closed = post_json(me, f"{url}/close", {"retention": "20", "note": "Đủ"}, 200)
        assert (closed["status"], closed["doc_total"], closed["retention"]) == ("closed", 1, "20")
        assert closed["handover_due"] == "2027-03-10"
        late = document_make(office.agency)
        refused = post_json(me, f"{url}/documents", {"document_id": late.pk}, 409)
        assert refused["code"] == "dossier_closed"
        xml = me.get(f"{url}/export?format=xml")
        assert xml["Content-Type"] == "application/xml"
        assert ET.fromstring(xml.content).findtext("FileNotation") == "01.VP"  # noqa: S314
        pdf = me.get(f"{url}/export?format=pdf")
        assert (pdf.status_code, pdf.content[:5]) == (200, b"%PDF-")
        reopened = post_json(me, f"{url}/reopen", {"reason": "Bổ sung"}, 200)
        assert reopened["status"] == "open"
        assert me.get(url).json()["items"][0]["document_id"] == document.pk
        assert AuditEvent.objects.filter(
            action="dossiers.viewed", actor=office.specialist_a
        ).exists()
        listed = me.get("/api/v1/dossiers?mine=true").json()
        assert [d["id"] for d in listed["items"]] == [dossier["id"]]

    def test_bad_input_is_a_clear_error_never_a_500(
        self, office: Office, other_office: Office
    ) -> None:
        me = api_client(office.specialist_a)
        body = {"title": "Hồ sơ riêng", "code": "10.VP", "retention": "5"}
        dossier = post_json(me, "/api/v1/dossiers", body, 201)
        url = f"/api/v1/dossiers/{dossier['id']}"
        twice = post_json(me, "/api/v1/dossiers", body, 409)
        assert twice["code"] == "dossier_duplicate_code"
        foreign = document_make(other_office.agency)
        missing = post_json(me, f"{url}/documents", {"document_id": foreign.pk}, 404)
        assert missing["code"] == "not_found"
        no_retention = post_json(me, "/api/v1/dossiers", {"title": "A", "code": "B"}, 400)
        assert "retention" in no_retention["fields"]
        for outsider in (other_office.leader, office.specialist_a2):
            response = api_client(outsider).get(f"{url}/export?format=xml")
            assert (response.status_code, response.json()["code"]) == (404, "not_found")
        assert Client().get(url).status_code == 401
        assert me.get("/api/v1/dossiers/999999").status_code == 404

    def test_proposals_and_worklist_endpoints(self, office: Office) -> None:
        _plan_id, item_id = _plan(office)
        document = document_make(office.agency)
        me = api_client(office.specialist_a)
        assert me.get(f"/api/v1/dossier-proposals/{document.pk}").json() == {"items": []}
        filed = post_json(
            me, f"/api/v1/dossier-proposals/{document.pk}/confirm", {"plan_item_id": item_id}, 201
        )
        assert filed["document_id"] == document.pk
        assert me.get("/api/v1/dossier-worklist").json() == {"items": [], "next_cursor": None}


class TestRetentionSchedule:
    def test_the_reference_table_and_an_agencys_own_item(
        self, office: Office, other_office: Office
    ) -> None:
        body = {
            "group_code": "13",
            "group_name": "Chuyên môn nghiệp vụ",
            "title": "Hồ sơ cấp phép hoạt động lưu trữ",
            "retention": "20",
            "legal_basis": "Quyết định 12/QĐ-SNV",
            "version": "2026",
        }
        assert post_json(api_client(office.specialist_a), "/api/v1/retention-schedule", body, 403)
        added = post_json(api_client(office.clerk), "/api/v1/retention-schedule", body, 201)
        assert (added["own"], added["retention_label"]) == (True, "20 năm")
        mine = api_client(office.specialist_a).get("/api/v1/retention-schedule").json()["items"]
        theirs = api_client(other_office.clerk).get("/api/v1/retention-schedule").json()["items"]
        assert mine[-1]["title"] == "Hồ sơ cấp phép hoạt động lưu trữ"
        assert len(mine) == len(theirs) + 1
        assert all(not row["own"] for row in theirs)
        assert {"Vĩnh viễn", "Đến khi văn bản hết hiệu lực thi hành"} <= {
            row["retention_label"] for row in theirs
        }


def test_the_dossier_list_costs_the_same_for_more_rows(office: Office) -> None:
    client = api_client(office.leader)

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/dossiers").status_code == 200
        return len(queries)

    for n in range(2):
        post_json(
            api_client(office.specialist_a),
            "/api/v1/dossiers",
            {"title": f"Hồ sơ {n}", "code": f"{n}.VP", "retention": "5"},
            201,
        )
    cost()  # the first request of a token also records its use
    before = cost()
    for n in range(2, 6):
        post_json(
            api_client(office.specialist_a2),
            "/api/v1/dossiers",
            {"title": f"Hồ sơ {n}", "code": f"{n}.VP", "retention": "5"},
            201,
        )
    assert cost() == before
    assert len(client.get("/api/v1/dossiers").json()["items"]) == 6
