"""The hand-over API through the real HTTP stack: submit, list, accept, return, forms, errors."""

from __future__ import annotations

import io

import docx
import pytest

from tests.api import api_client, get_json, post_json
from vanthu.accounts.models import User
from vanthu.archive.tests.builders import dossier_make
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.enums import Retention
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]


def test_submit_list_accept_through_the_api(office: Office, archivist: User) -> None:
    first = dossier_make(office.specialist_a, code="01.TCCB")
    second = dossier_make(office.specialist_a, code="02.TCCB", retention=Retention.PERMANENT)
    specialist = api_client(office.specialist_a)
    body = post_json(
        specialist,
        "/api/v1/handovers",
        {
            "dossier_ids": [second.pk, first.pk],
            "notes": [{"dossier_id": first.pk, "note": "Bản điện tử"}],
        },
        201,
    )
    assert body["status"] == "submitted" and body["dossier_total"] == 2
    assert [item["code"] for item in body["items"]] == ["01.TCCB", "02.TCCB"]
    assert body["items"][0]["note"] == "Bản điện tử"
    assert body["items"][1]["retention_label"] == "Vĩnh viễn"
    handover_id = body["id"]
    listed = get_json(api_client(archivist), "/api/v1/handovers?status=submitted")
    assert [(row["id"], row["dossier_total"]) for row in listed["items"]] == [(handover_id, 2)]
    get_json(api_client(office.specialist_a2), f"/api/v1/handovers/{handover_id}", 404)
    refused = post_json(specialist, f"/api/v1/handovers/{handover_id}/accept", {}, 403)
    assert refused["code"] == "permission_denied"
    accepted = post_json(api_client(archivist), f"/api/v1/handovers/{handover_id}/accept", {}, 200)
    assert accepted["status"] == "accepted" and accepted["archivist"] == "Trần Thị Lưu"
    assert {item["check_result"] for item in accepted["items"]} == {"passed"}
    dossier = get_json(api_client(archivist), f"/api/v1/dossiers/{first.pk}")
    assert dossier["status"] == "handed_over"
    again = post_json(api_client(archivist), f"/api/v1/handovers/{handover_id}/accept", {}, 409)
    assert again["code"] == "handover_state"


def test_submit_errors_are_vietnamese_with_codes(office: Office, other_office: Office) -> None:
    still_open = dossier_make(office.specialist_a, code="01.TCCB", close=False)
    foreign = dossier_make(other_office.specialist_a, code="01.TCCB")
    specialist = api_client(office.specialist_a)
    body = post_json(specialist, "/api/v1/handovers", {"dossier_ids": [still_open.pk]}, 409)
    assert body["code"] == "handover_dossier_open" and "chưa kết thúc" in body["message"]
    body = post_json(specialist, "/api/v1/handovers", {"dossier_ids": [foreign.pk]}, 404)
    assert body["code"] == "handover_dossier_not_found"
    body = post_json(specialist, "/api/v1/handovers", {"dossier_ids": []}, 422)
    assert body["code"] == "invalid_input" and "dossier_ids" in body["fields"]
    get_json(specialist, "/api/v1/handovers/999999", 404)


def test_return_with_reasons(office: Office, archivist: User) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    handover = post_json(
        api_client(office.specialist_a), "/api/v1/handovers", {"dossier_ids": [dossier.pk]}, 201
    )
    url = f"/api/v1/handovers/{handover['id']}/return"
    stray = post_json(
        api_client(archivist), url, {"reasons": [{"dossier_id": 99999, "reason": "x"}]}, 400
    )
    assert stray["code"] == "invalid_input"
    assert stray["fields"]["reasons"] == ["99999"]
    body = post_json(
        api_client(archivist),
        url,
        {"reasons": [{"dossier_id": dossier.pk, "reason": "Thiếu chứng từ kết thúc"}]},
        200,
    )
    assert body["status"] == "returned"
    assert body["items"][0]["reason"] == "Thiếu chứng từ kết thúc"
    assert body["items"][0]["check_result"] == "returned"


def test_forms_download_as_docx_and_are_audited(office: Office, archivist: User) -> None:
    dossier = dossier_make(office.specialist_a, code="01.TCCB")
    handover = post_json(
        api_client(office.specialist_a), "/api/v1/handovers", {"dossier_ids": [dossier.pk]}, 201
    )
    response = api_client(office.specialist_a).get(f"/api/v1/handovers/{handover['id']}/inventory")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU" in text
    response = api_client(office.specialist_a).get(
        f"/api/v1/handovers/{handover['id']}/minutes?format=docx"
    )
    assert response.status_code == 200
    bad = api_client(office.specialist_a).get(
        f"/api/v1/handovers/{handover['id']}/minutes?format=odt"
    )
    assert bad.status_code in (400, 422)
    assert AuditEvent.objects.filter(action="archive.form_downloaded").count() == 2
    api_client(office.specialist_b).get(f"/api/v1/handovers/{handover['id']}/inventory")
    assert AuditEvent.objects.filter(action="archive.form_downloaded").count() == 2


def test_checklist_for_the_deactivation_screen(office: Office) -> None:
    dossier_make(office.specialist_a, code="01.TCCB", close=False)
    dossier_make(office.specialist_a, code="02.TCCB")
    body = get_json(
        api_client(office.leader), f"/api/v1/handover-checklist/{office.specialist_a.pk}"
    )
    assert body["clear"] is False
    assert [d["code"] for d in body["open_dossiers"]] == ["01.TCCB"]
    assert [d["code"] for d in body["closed_dossiers"]] == ["02.TCCB"]
    assert get_json(
        api_client(office.leader), f"/api/v1/handover-checklist/{office.specialist_b.pk}"
    )["clear"]
    get_json(
        api_client(office.specialist_b), f"/api/v1/handover-checklist/{office.specialist_a.pk}", 403
    )
