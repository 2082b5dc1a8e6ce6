"""The register list, the leader's inbox, the worklist, the document page and its actions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming import services
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.views import lists
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.parties import Party


def _assigned(office: Office, **changes: Any) -> IncomingRecord:
    incoming = office.register(**changes)
    services.incoming_present(actor=office.clerk, incoming=incoming)
    return services.incoming_assign(
        actor=office.leader,
        incoming=incoming,
        lead=Party(user=office.specialist_a),
        instruction="Giao Phòng Tổ chức chủ trì",
    )


def _subjects(html: str) -> list[str]:
    return re.findall(r'<a href="/van-ban-den/\d+/">([^<]+)</a>', html)


class TestRegisterList:
    def test_clerk_sees_the_register_newest_first_and_not_other_agencies(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        office.register(subject="Văn bản thứ nhất", on=today_in_vietnam() - dt.timedelta(days=2))
        office.register(subject="Văn bản thứ hai")
        other_office.register(subject="Văn bản cơ quan khác")
        client.force_login(office.clerk)
        html = client.get("/van-ban-den/").content.decode()
        assert _subjects(html) == ["Văn bản thứ hai", "Văn bản thứ nhất"]
        assert "Đăng ký văn bản đến" in html
        assert "Chờ tiếp nhận" in html

    def test_filters_by_folded_text_status_and_date(self, client: Client, office: Office) -> None:
        office.register(subject="Báo cáo tình hình đào tạo")
        office.register(subject="Kế hoạch kiểm tra", on=today_in_vietnam() - dt.timedelta(days=5))
        client.force_login(office.clerk)
        assert _subjects(client.get("/van-ban-den/", {"q": "dao tao"}).content.decode()) == [
            "Báo cáo tình hình đào tạo"
        ]
        since = (today_in_vietnam() - dt.timedelta(days=1)).strftime("%d/%m/%Y")
        by_date = client.get("/van-ban-den/", {"date_from": since}).content.decode()
        assert _subjects(by_date) == ["Báo cáo tình hình đào tạo"]
        done = client.get("/van-ban-den/", {"status": "done"}).content.decode()
        assert _subjects(done) == []
        assert "Không có văn bản nào." in done

    def test_urgent_first_when_chosen(self, client: Client, office: Office) -> None:
        office.register(subject="Công văn khẩn", urgency=Urgency.FLASH)
        office.register(subject="Công văn thường")
        client.force_login(office.clerk)
        plain = client.get("/van-ban-den/").content.decode()
        assert "Văn bản khẩn chưa giải quyết" not in plain
        assert "badge-urgent" in plain
        chosen = client.get("/van-ban-den/", {"urgent_first": "on"}).content.decode()
        assert "Văn bản khẩn chưa giải quyết" in chosen
        assert _subjects(chosen)[0] == "Công văn khẩn"

    def test_keyset_next_page_links(
        self, client: Client, office: Office, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(lists, "PAGE_SIZE", 2)
        for number in range(3):
            office.register(subject=f"Văn bản số {number}")
        client.force_login(office.clerk)
        first = client.get("/van-ban-den/", {"q": "van ban"}).content.decode()
        assert _subjects(first) == ["Văn bản số 2", "Văn bản số 1"]
        found = re.search(r'<a href="(\?[^"]+)" rel="next">Trang sau', first)
        assert found is not None
        second = client.get("/van-ban-den/" + found.group(1).replace("&amp;", "&"))
        assert _subjects(second.content.decode()) == ["Văn bản số 0"]
        assert 'rel="next"' not in second.content.decode()

    def test_specialist_sees_only_what_is_given_to_them(
        self, client: Client, office: Office
    ) -> None:
        _assigned(office, subject="Giao cho chuyên viên A")
        office.register(subject="Chưa giao")
        client.force_login(office.specialist_a)
        assert _subjects(client.get("/van-ban-den/").content.decode()) == ["Giao cho chuyên viên A"]
        client.force_login(office.specialist_b)
        assert _subjects(client.get("/van-ban-den/").content.decode()) == []


class TestLeaderInbox:
    def test_presented_documents_wait_for_the_leader(self, client: Client, office: Office) -> None:
        presented = office.register(subject="Đã trình lãnh đạo")
        services.incoming_present(actor=office.clerk, incoming=presented)
        office.register(subject="Chưa trình")
        client.force_login(office.leader)
        html = client.get("/van-ban-den/cho-y-kien/").content.decode()
        assert _subjects(html) == ["Đã trình lãnh đạo"]

    def test_specialists_and_clerks_are_refused(self, client: Client, office: Office) -> None:
        for user in (office.specialist_a, office.clerk):
            client.force_login(user)
            assert client.get("/van-ban-den/cho-y-kien/").status_code == 403

    def test_assignment_form_prefills_the_default_due_date_and_assigns(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register(subject="Cần phân công", urgency=Urgency.URGENT)
        services.incoming_present(actor=office.clerk, incoming=incoming)
        client.force_login(office.leader)
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        due = due_date_default(office.agency, Urgency.URGENT, today_in_vietnam())
        assert f'value="{due:%d/%m/%Y}"' in page
        assert f'value="user:{office.specialist_a.username}"' in page
        assert f'value="unit:{office.unit_a.pk}"' in page
        response = client.post(
            f"/van-ban-den/{incoming.pk}/phan-cong/",
            {
                "instruction": "Phòng Tổ chức chủ trì, báo cáo trước hạn",
                "lead": f"user:{office.specialist_a.username}",
                "support": [f"unit:{office.unit_b.pk}"],
                "due_date": due.strftime("%d/%m/%Y"),
            },
        )
        assert response.status_code == 302
        incoming.refresh_from_db()
        assert incoming.status == IncomingStatus.ASSIGNED
        assert incoming.due_date == due
        detail = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert "Phòng Tổ chức chủ trì, báo cáo trước hạn" in detail

    def test_assignment_without_lead_keeps_the_instruction(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register()
        services.incoming_present(actor=office.clerk, incoming=incoming)
        client.force_login(office.leader)
        response = client.post(
            f"/van-ban-den/{incoming.pk}/phan-cong/", {"instruction": "Ý kiến chưa xong"}
        )
        html = response.content.decode()
        assert response.status_code == 400
        assert "Ý kiến chưa xong" in html
        assert "Trường này là bắt buộc." in html
        incoming.refresh_from_db()
        assert incoming.status == IncomingStatus.PRESENTED


class TestWorklistAndHandling:
    def test_specialist_starts_notes_replies_and_completes(
        self, client: Client, office: Office
    ) -> None:
        incoming = _assigned(office, subject="Việc của chuyên viên")
        client.force_login(office.specialist_a)
        assert _subjects(client.get("/van-ban-den/duoc-giao/").content.decode()) == [
            "Việc của chuyên viên"
        ]
        base = f"/van-ban-den/{incoming.pk}/"
        assert client.post(base + "bat-dau/").status_code == 302
        note = client.post(base + "ghi-chu/", {"text": "Đã liên hệ Sở", "proposal": ""})
        assert note.status_code == 302
        assert client.post(base + "tra-loi/", {"reference": "125/STC-TCHC"}).status_code == 302
        done = client.post(base + "hoan-thanh/", {"note": "Đã báo cáo"})
        assert done.status_code == 302
        incoming.refresh_from_db()
        assert incoming.status == IncomingStatus.DONE
        page = client.get(base).content.decode()
        for step in ("Vào sổ", "Trình", "Phân công", "Ghi chú", "Hoàn thành", "Đã liên hệ Sở"):
            assert step in page
        assert "Văn bản được giao" in client.get("/van-ban-den/duoc-giao/").content.decode()
        assert _subjects(client.get("/van-ban-den/duoc-giao/").content.decode()) == []

    def test_other_specialists_get_no_actions_and_cannot_complete(
        self, client: Client, office: Office
    ) -> None:
        incoming = _assigned(office)
        head = make_user(agency=office.agency, unit=office.unit_b, roles=[Role.SPECIALIST])
        client.force_login(head)
        assert client.get(f"/van-ban-den/{incoming.pk}/").status_code == 404
        assert client.post(f"/van-ban-den/{incoming.pk}/hoan-thanh/", {}).status_code == 404
        client.force_login(office.specialist_a)
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert "Hoàn thành" in page and "Trình lãnh đạo" not in page

    def test_return_needs_a_reason(self, client: Client, office: Office) -> None:
        incoming = _assigned(office)
        client.force_login(office.specialist_a)
        refused = client.post(f"/van-ban-den/{incoming.pk}/tra-lai/", {"reason": ""})
        assert refused.status_code == 400
        assert "Trường này là bắt buộc." in refused.content.decode()
        given_back = client.post(
            f"/van-ban-den/{incoming.pk}/tra-lai/", {"reason": "Không thuộc lĩnh vực phòng"}
        )
        assert given_back.status_code == 302
        incoming.refresh_from_db()
        assert incoming.status == IncomingStatus.RETURNED


class TestDocumentPage:
    def test_clerk_sees_metadata_trace_and_present_action_and_the_view_is_audited(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register(code_number="26")
        client.force_login(office.clerk)
        html = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert "26/KH-SNV" in html
        assert "Quá trình xử lý" in html and "Vào sổ" in html
        assert "Trình lãnh đạo" in html and "Phân công" not in html.split("Thao tác")[1]
        assert AuditEvent.objects.filter(
            action="incoming.viewed", target_id=str(incoming.pk)
        ).exists()
        presented = client.post(f"/van-ban-den/{incoming.pk}/trinh/", {"note": ""})
        assert presented.status_code == 302
        incoming.refresh_from_db()
        assert incoming.status == IncomingStatus.PRESENTED

    def test_another_agencys_record_is_not_found(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        foreign = other_office.register()
        client.force_login(office.clerk)
        assert client.get(f"/van-ban-den/{foreign.pk}/").status_code == 404
        assert client.post(f"/van-ban-den/{foreign.pk}/trinh/").status_code == 404
        assert client.get(f"/van-ban-den/{foreign.pk}/tep/1/").status_code == 404

    def test_confidential_record_is_not_found_for_an_uncleared_user(
        self, client: Client, office: Office
    ) -> None:
        secret = office.register(confidentiality=Confidentiality.CONFIDENTIAL)
        uncleared = make_user(agency=office.agency, roles=[Role.CLERK], clearance=Clearance.NONE)
        client.force_login(uncleared)
        assert client.get(f"/van-ban-den/{secret.pk}/").status_code == 404
        assert _subjects(client.get("/van-ban-den/").content.decode()) == []
        client.force_login(office.clerk)
        assert client.get(f"/van-ban-den/{secret.pk}/").status_code == 200

    def test_missing_record_is_not_found(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        assert client.get("/van-ban-den/999999/").status_code == 404
