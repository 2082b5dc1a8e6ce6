"""The unit head's review, the clerk's format check and the leader's approval, with refusals."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_unit, make_user
from vanthu.drafting.render import render_docx
from vanthu.outgoing.enums import DraftStatus, ReviewDecision, SignatureState
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.review import draft_format_check, draft_review, draft_submit
from vanthu.outgoing.services import DraftSource, draft_create
from vanthu.outgoing.tests.factories import Office, cong_van, draft_make
from vanthu.outgoing.tests.test_views_support import as_user

pytestmark = pytest.mark.django_db


def _submitted(office: Office, **overrides: Any) -> OutgoingDraft:
    draft = draft_make(office, **overrides)
    return draft_submit(actor=office.specialist, draft_id=draft.pk)


def _reviewed(office: Office) -> OutgoingDraft:
    draft = _submitted(office)
    return draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)


def _status(draft: OutgoingDraft) -> str:
    draft.refresh_from_db()
    return draft.status


class TestUnitHead:
    def test_queue_shows_the_units_submitted_drafts(self, office: Office) -> None:
        _submitted(office, subject="Dự thảo đã trình")
        draft_make(office, subject="Dự thảo chưa trình")
        other_unit = make_unit(agency=office.agency, name="Phòng Tổ chức", abbreviation="TC")
        stranger = make_user(agency=office.agency, unit=other_unit, roles=[Role.SPECIALIST])
        foreign = draft_make(office, author=stranger, subject="Dự thảo đơn vị khác")
        draft_submit(actor=stranger, draft_id=foreign.pk)
        html = as_user(office.head).get("/van-ban-di/cho-duyet/").content.decode()
        assert "Dự thảo đã trình" in html
        assert "Dự thảo chưa trình" not in html
        assert "Dự thảo đơn vị khác" not in html

    def test_approve(self, office: Office) -> None:
        draft = _submitted(office)
        client = as_user(office.head)
        assert "Đồng ý" in client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        done = client.post(f"/van-ban-di/du-thao/{draft.pk}/duyet/", {"decision": "approve"})
        assert done.status_code == 302
        assert _status(draft) == DraftStatus.REVIEWED

    def test_return_needs_a_comment(self, office: Office) -> None:
        draft = _submitted(office)
        client = as_user(office.head)
        url = f"/van-ban-di/du-thao/{draft.pk}/duyet/"
        refused = client.post(url, {"decision": "return", "comment": ""})
        assert refused.status_code == 400
        assert "Cần nêu ý kiến khi trả lại dự thảo." in refused.content.decode()
        assert _status(draft) == DraftStatus.IN_REVIEW
        client.post(url, {"decision": "return", "comment": "Bổ sung căn cứ."})
        assert _status(draft) == DraftStatus.RETURNED
        page = as_user(office.specialist).get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert "Bổ sung căn cứ." in page
        assert "Trình lãnh đạo đơn vị" in page  # the author may submit again

    def test_wrong_roles_are_refused(self, office: Office) -> None:
        draft = _submitted(office)
        specialist = as_user(office.specialist)
        assert specialist.get("/van-ban-di/cho-duyet/").status_code == 403
        refused = specialist.post(f"/van-ban-di/du-thao/{draft.pk}/duyet/", {"decision": "approve"})
        assert refused.status_code == 403
        assert "Chỉ lãnh đạo đơn vị soạn thảo mới được duyệt dự thảo." in refused.content.decode()
        assert _status(draft) == DraftStatus.IN_REVIEW


class TestClerkFormatCheck:
    def test_queue_and_a_passing_check(self, office: Office) -> None:
        draft = _reviewed(office)
        client = as_user(office.clerk)
        assert draft.subject in client.get("/van-ban-di/cho-kiem-tra/").content.decode()
        response = client.post(f"/van-ban-di/du-thao/{draft.pk}/the-thuc/ghi-nhan/", follow=True)
        assert "Đã ghi nhận kiểm tra thể thức: đạt" in response.content.decode()
        assert _status(draft) == DraftStatus.FORMAT_CHECKED
        assert draft.subject not in client.get("/van-ban-di/cho-kiem-tra/").content.decode()

    def test_errors_block_and_are_shown(self, office: Office) -> None:
        document = docx.Document(io.BytesIO(render_docx(cong_van(office))))
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                run.font.size = docx.shared.Pt(10)
        buffer = io.BytesIO()
        document.save(buffer)
        source = DraftSource(docx=buffer.getvalue(), type_code="22", subject="Công văn lỗi")
        draft = draft_create(actor=office.specialist, source=source)
        draft_submit(actor=office.specialist, draft_id=draft.pk)
        draft_review(actor=office.head, draft_id=draft.pk, decision=ReviewDecision.APPROVE)
        response = as_user(office.clerk).post(f"/van-ban-di/du-thao/{draft.pk}/the-thuc/ghi-nhan/")
        assert response.status_code == 409
        assert "Dự thảo còn lỗi thể thức" in response.content.decode()
        assert _status(draft) == DraftStatus.REVIEWED

    def test_clerk_returns_with_a_comment(self, office: Office) -> None:
        draft = _reviewed(office)
        url = f"/van-ban-di/du-thao/{draft.pk}/tra-lai/"
        client = as_user(office.clerk)
        assert client.post(url, {"comment": ""}).status_code == 400
        client.post(url, {"comment": "Sai thể thức nơi nhận."})
        assert _status(draft) == DraftStatus.RETURNED

    def test_only_a_clerk_checks(self, office: Office) -> None:
        draft = _reviewed(office)
        head = as_user(office.head)
        assert head.get("/van-ban-di/cho-kiem-tra/").status_code == 403
        assert head.post(f"/van-ban-di/du-thao/{draft.pk}/the-thuc/ghi-nhan/").status_code == 403


class TestLeader:
    def test_sign_queue_and_approval(self, office: Office) -> None:
        draft = _reviewed(office)
        draft_format_check(actor=office.clerk, draft_id=draft.pk)
        client = as_user(office.leader)
        assert draft.subject in client.get("/van-ban-di/cho-ky/").content.decode()
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert "Duyệt ký</button>" in page
        done = client.post(
            f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/",
            {"signing_mode": "paper", "comment": ""},
            follow=True,
        )
        assert "Đã duyệt ký" in done.content.decode()
        draft.refresh_from_db()
        assert (draft.status, draft.signature_state) == (
            DraftStatus.APPROVED,
            SignatureState.PAPER_SIGNED,
        )
        assert draft.signer == office.leader

    def test_not_before_the_format_check(self, office: Office) -> None:
        draft = _reviewed(office)
        response = as_user(office.leader).post(
            f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/", {"signing_mode": "paper"}
        )
        assert response.status_code == 400
        assert "Văn thư chưa kiểm tra thể thức của dự thảo." in response.content.decode()

    def test_leader_returns(self, office: Office) -> None:
        draft = _reviewed(office)
        draft_format_check(actor=office.clerk, draft_id=draft.pk)
        url = f"/van-ban-di/du-thao/{draft.pk}/tra-lai/"
        as_user(office.leader).post(url, {"comment": "Viết lại đoạn hai."})
        assert _status(draft) == DraftStatus.RETURNED

    def test_others_cannot_approve(self, office: Office) -> None:
        draft = _reviewed(office)
        draft_format_check(actor=office.clerk, draft_id=draft.pk)
        clerk = as_user(office.clerk)
        assert clerk.get("/van-ban-di/cho-ky/").status_code == 403
        paper = {"signing_mode": "paper"}
        assert clerk.post(f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/", paper).status_code == 403
        assert clerk.post(f"/van-ban-di/du-thao/{draft.pk}/duyet-ky/", paper).status_code == 404
        assert _status(draft) == DraftStatus.FORMAT_CHECKED
