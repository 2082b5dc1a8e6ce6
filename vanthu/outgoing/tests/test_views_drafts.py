"""The specialist's screens: my drafts, a new structured or uploaded draft, the draft page."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.drafting.render import render_docx
from vanthu.outgoing.enums import DraftStatus, VersionKind
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.tests.factories import Office, cong_van, draft_make
from vanthu.outgoing.tests.test_views_support import as_user, structured_body

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


class TestMyDrafts:
    def test_lists_own_drafts_only(self, office: Office, other_office: Office) -> None:
        draft_make(office, subject="Dự thảo của tôi")
        colleague = make_user(agency=office.agency, unit=office.unit, roles=[Role.SPECIALIST])
        draft_make(office, author=colleague, subject="Dự thảo của đồng nghiệp")
        draft_make(other_office, subject="Dự thảo cơ quan khác")
        html = as_user(office.specialist).get("/van-ban-di/du-thao/").content.decode()
        assert "Dự thảo của tôi" in html
        assert "Dự thảo của đồng nghiệp" not in html
        assert "Dự thảo cơ quan khác" not in html
        assert "Soạn dự thảo mới" in html

    def test_constant_queries_per_page(
        self, office: Office, django_assert_max_num_queries: Callable[..., Any]
    ) -> None:
        draft_make(office)
        client = as_user(office.specialist)
        client.get("/van-ban-di/du-thao/")
        with django_assert_max_num_queries(1000) as one:
            client.get("/van-ban-di/du-thao/")
        draft_make(office)
        draft_make(office)
        with django_assert_max_num_queries(len(one.captured_queries)):
            client.get("/van-ban-di/du-thao/")

    def test_a_clerk_has_no_drafts_page(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        assert client.get("/van-ban-di/du-thao/").status_code == 403
        refused = client.get("/van-ban-di/du-thao/moi/")
        assert refused.status_code == 403
        assert "Không có quyền thực hiện" in refused.content.decode()

    def test_login_required(self, client: Client, office: Office) -> None:
        response = client.get("/van-ban-di/du-thao/")
        assert response.status_code == 302
        assert "dang-nhap" in response["Location"]


class TestNewDraft:
    def test_structured_cong_van_is_saved_as_content(self, office: Office) -> None:
        client = as_user(office.specialist)
        form = client.get("/van-ban-di/du-thao/moi/").content.decode()
        assert 'value="SỞ NỘI VỤ TỈNH KIÊN GIANG"' in form  # the issuer defaults to the agency
        response = client.post("/van-ban-di/du-thao/moi/", structured_body())
        draft = OutgoingDraft.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-di/du-thao/{draft.pk}/"
        version = draft.versions.get()
        assert version.kind == VersionKind.STRUCTURED
        content = version.content or {}
        assert content["issuer_abbreviation"] == "SNV"
        assert content["unit_abbreviation"] == "VP"
        assert content["addressees"] == ["Ủy ban nhân dân các huyện, thành phố"]
        assert [block["text"][:9] for block in content["body"]] == ["Thực hiện", "Đề nghị c"]
        assert content["recipients"] == ["Như trên", "Lãnh đạo Sở"]
        assert content["authority"] == "KT."
        page = client.get(response["Location"]).content.decode()
        assert "Lưu dự thảo" not in page
        assert "Đã lưu dự thảo (phiên bản 1)." in page
        assert "Trình lãnh đạo đơn vị" in page

    def test_missing_subject_shows_beside_the_field(self, office: Office) -> None:
        client = as_user(office.specialist)
        response = client.post("/van-ban-di/du-thao/moi/", structured_body(subject=""))
        assert response.status_code == 400
        html = response.content.decode()
        assert 'id="id_subject_error"' in html
        assert "Trường này là bắt buộc." in html
        assert "UBND TỈNH KIÊN GIANG" in html  # the rest is kept
        assert not OutgoingDraft.objects.exists()

    def test_other_types_through_the_type_select(self, office: Office) -> None:
        body = structured_body(type_code="10", subject="Kế hoạch kiểm tra năm 2026", addressees="")
        body["legal_bases"] = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"
        as_user(office.specialist).post("/van-ban-di/du-thao/moi/", body)
        draft = OutgoingDraft.objects.get()
        assert draft.document_type.code == "10"
        content = draft.versions.get().content or {}
        assert content["legal_bases"] == [body["legal_bases"]]

    def test_docx_upload_and_a_broken_file(self, office: Office) -> None:
        client = as_user(office.specialist)
        data = render_docx(cong_van(office))
        meta = {"type_code": "22", "subject": "Công văn soạn bằng Word"}
        meta |= {"urgency": "normal", "confidentiality": "none"}
        broken = SimpleUploadedFile("hong.docx", b"not a docx at all")
        refused = client.post("/van-ban-di/du-thao/tai-len/", {**meta, "file": broken})
        assert refused.status_code == 400
        assert 'id="id_file_error"' in refused.content.decode()
        upload = SimpleUploadedFile("cong-van.docx", data)
        response = client.post("/van-ban-di/du-thao/tai-len/", {**meta, "file": upload})
        assert response.status_code == 302
        draft = OutgoingDraft.objects.get()
        assert draft.subject == "Công văn soạn bằng Word"
        assert draft.versions.get().kind == VersionKind.DOCX


class TestDraftPage:
    def test_versions_diff_comment_and_preview(self, office: Office) -> None:
        draft = draft_make(office)
        client = as_user(office.specialist)
        edit = client.get(f"/van-ban-di/du-thao/{draft.pk}/sua/").content.decode()
        assert "Kiểm tra công tác văn thư, lưu trữ năm 2026" in edit  # prefilled
        changed = structured_body(body="Đề nghị các cơ quan gửi báo cáo trước ngày 15./.")
        client.post(f"/van-ban-di/du-thao/{draft.pk}/sua/", changed)
        draft.refresh_from_db()
        assert draft.version_count == 2
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/", {"a": 1, "b": 2}).content.decode()
        assert "<ins>+Đề nghị các cơ quan gửi báo cáo trước ngày 15./.</ins>" in page
        assert "<del>-Đề nghị các cơ quan phối hợp thực hiện./.</del>" in page
        comment = {"version": "1", "text": "Cần nêu rõ thời hạn gửi báo cáo."}
        assert client.post(f"/van-ban-di/du-thao/{draft.pk}/gop-y/", comment).status_code == 302
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert "Cần nêu rõ thời hạn gửi báo cáo." in page
        preview = client.get(f"/van-ban-di/du-thao/{draft.pk}/xem-truoc.docx")
        assert preview.content.startswith(b"PK")
        assert "du-thao-" in preview["Content-Disposition"]
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(preview.content)).paragraphs)
        assert "gửi báo cáo trước ngày 15" in text

    def test_submit_then_no_more_editing(self, office: Office) -> None:
        draft = draft_make(office)
        client = as_user(office.specialist)
        response = client.post(f"/van-ban-di/du-thao/{draft.pk}/trinh/", follow=True)
        assert "Đã trình lãnh đạo đơn vị." in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == DraftStatus.IN_REVIEW
        again = client.post(f"/van-ban-di/du-thao/{draft.pk}/trinh/")
        assert again.status_code == 409
        assert "không thể chuyển sang" in again.content.decode()
        late = client.post(f"/van-ban-di/du-thao/{draft.pk}/sua/", structured_body())
        assert late.status_code == 400
        assert "Dự thảo đã trình, không thể sửa" in late.content.decode()

    def test_other_agency_and_uncleared_users_get_404(
        self, office: Office, other_office: Office
    ) -> None:
        draft = draft_make(office)
        response = as_user(other_office.clerk).get(f"/van-ban-di/du-thao/{draft.pk}/")
        assert response.status_code == 404
        assert "Không tìm thấy" in response.content.decode()
        secret = draft_make(office, author=office.head, confidentiality="confidential")
        uncleared = make_user(agency=office.agency, unit=office.unit, roles=[Role.CLERK])
        assert as_user(uncleared).get(f"/van-ban-di/du-thao/{secret.pk}/").status_code == 404
        assert as_user(office.clerk).get(f"/van-ban-di/du-thao/{secret.pk}/").status_code == 200


class TestFormatPanel:
    def test_a_correct_draft_has_no_error(self, office: Office) -> None:
        draft = draft_make(office)
        url = f"/van-ban-di/du-thao/{draft.pk}/the-thuc/"
        panel = as_user(office.specialist).get(url, headers=HTMX)
        html = panel.content.decode()
        assert "Không có lỗi thể thức." in html
        assert "<html" not in html  # an htmx fragment
        page = as_user(office.specialist).get(url)
        assert "<html" in page.content.decode()  # a whole page without htmx

    def test_errors_grouped_and_autofix_makes_a_new_version(self, office: Office) -> None:
        document = docx.Document(io.BytesIO(render_docx(cong_van(office))))
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                run.font.size = docx.shared.Pt(10)
        buffer = io.BytesIO()
        document.save(buffer)
        client = as_user(office.specialist)
        meta = {"type_code": "22", "subject": "Công văn cỡ chữ sai"}
        meta |= {"urgency": "normal", "confidentiality": "none"}
        upload = SimpleUploadedFile("sai.docx", buffer.getvalue())
        client.post("/van-ban-di/du-thao/tai-len/", {**meta, "file": upload})
        draft = OutgoingDraft.objects.get()
        url = f"/van-ban-di/du-thao/{draft.pk}/the-thuc/"
        html = client.get(url, headers=HTMX).content.decode()
        assert "finding-error" in html
        assert "Cách sửa:" in html
        assert "Sửa tự động" in html
        fixed = client.post(f"/van-ban-di/du-thao/{draft.pk}/the-thuc/sua-tu-dong/", follow=True)
        assert "lưu thành phiên bản 2" in fixed.content.decode()
        draft.refresh_from_db()
        assert draft.version_count == 2
        after = client.get(url, headers=HTMX).content.decode()
        assert after.count("finding-error") < html.count("finding-error")
        # The unit head sees the findings but cannot autofix someone else's draft.
        head = as_user(office.head).get(url, headers=HTMX)
        assert head.status_code == 200
        assert "Sửa tự động</button>" not in head.content.decode()
