"""The clerk's issue screen, the issued document page, the register, recall and copies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from vanthu.audit.models import AuditEvent
from vanthu.core.dates import date_phrase
from vanthu.documents.numbering import today_in_vietnam
from vanthu.outgoing import ui_selectors
from vanthu.outgoing.enums import DistributionStatus, DraftStatus, RecordStatus
from vanthu.outgoing.models import CopyRecord, OutgoingRecord
from vanthu.outgoing.tests.factories import Office, draft_approved
from vanthu.outgoing.tests.test_views_support import as_user, issued, reuse_one_pdf

pytestmark = pytest.mark.django_db
Capture = Callable[..., Any]


@pytest.fixture(autouse=True)
def _one_pdf(monkeypatch: pytest.MonkeyPatch, office: Office) -> None:
    reuse_one_pdf(monkeypatch, office)


class TestIssue:
    def test_confirmation_then_issue_with_recipients(
        self, office: Office, other_office: Office, django_capture_on_commit_callbacks: Capture
    ) -> None:
        draft = draft_approved(office)
        client = as_user(office.clerk)
        assert draft.subject in client.get("/van-ban-di/cho-phat-hanh/").content.decode()
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/").content.decode()
        assert "<dd data-book>Sổ đăng ký văn bản đi</dd>" in page
        assert "<dd data-expected-number>01</dd>" in page
        assert date_phrase(today_in_vietnam()) in page
        body = {
            "units": [str(office.unit.pk)],
            "agencies": [str(other_office.agency.pk)],
            "emails": "vanthu@example.vn",
            "posts": "UBND huyện Châu Thành – 1 Nguyễn Trung Trực, Châu Thành",
            "copies": "3",
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/", body)
        outgoing = OutgoingRecord.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-di/{outgoing.pk}/"
        html = client.get(response["Location"]).content.decode()
        assert "Số: 01/SNV-VP" in html
        assert "Đã cấp số 01/SNV-VP" in html
        assert "vào Sổ đăng ký văn bản đi" in html
        rows = {row.kind: row for row in outgoing.distributions.all()}
        assert set(rows) == {"unit", "agency", "email", "post"}
        assert rows["post"].postal_address == "1 Nguyễn Trung Trực, Châu Thành"
        assert rows["email"].status == DistributionStatus.SENT
        assert len(mail.outbox) == 1
        assert other_office.agency.name in html
        assert "Chờ tiếp nhận" in html  # the other agency's queue state
        assert "Ghi đã gửi bưu điện" in html
        posted = client.post(
            f"/van-ban-di/{outgoing.pk}/buu-dien/{rows['post'].pk}/", {"envelope_count": "2"}
        )
        assert posted.status_code == 302
        rows["post"].refresh_from_db()
        assert (rows["post"].status, rows["post"].envelope_count) == (DistributionStatus.SENT, 2)

    def test_issuing_twice_says_so(self, office: Office) -> None:
        draft = draft_approved(office)
        client = as_user(office.clerk)
        client.post(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/", {})
        again = client.post(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/", {})
        assert again.status_code == 409
        html = again.content.decode()
        assert "Dự thảo này đã được phát hành, không thể phát hành lần nữa." in html
        assert "Xem văn bản số 01/SNV-VP" in html
        assert OutgoingRecord.objects.count() == 1

    def test_only_the_clerk_issues(self, office: Office) -> None:
        draft = draft_approved(office)
        leader = as_user(office.leader)
        assert leader.get(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/").status_code == 403
        assert leader.get("/van-ban-di/cho-phat-hanh/").status_code == 403
        refused = leader.post(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/", {})
        assert refused.status_code == 403
        assert "Chỉ văn thư mới được cấp số và phát hành văn bản." in refused.content.decode()
        draft.refresh_from_db()
        assert draft.status == DraftStatus.APPROVED

    def test_missing_book_is_explained(self, office: Office) -> None:
        draft = draft_approved(office)
        office.outgoing_book.is_active = False
        office.outgoing_book.save(update_fields=["is_active"])
        page = as_user(office.clerk).get(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/")
        assert "Cơ quan chưa mở sổ đăng ký phù hợp để cấp số." in page.content.decode()


class TestRecordPage:
    def test_download_is_audited_and_other_agencies_get_404(
        self, office: Office, other_office: Office
    ) -> None:
        outgoing = issued(office)
        client = as_user(office.clerk)
        pdf = client.get(f"/van-ban-di/{outgoing.pk}/tep.pdf")
        assert pdf["Content-Type"] == "application/pdf"
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
        docx = client.get(f"/van-ban-di/{outgoing.pk}/tep.docx")
        assert "01-SNV-VP.docx" in docx["Content-Disposition"]
        kinds = AuditEvent.objects.filter(action="outgoing.file_downloaded").values_list(
            "data__kind", flat=True
        )
        assert sorted(kinds) == ["docx", "pdf"]
        client.get(f"/van-ban-di/{outgoing.pk}/")
        assert AuditEvent.objects.filter(action="outgoing.viewed").count() == 1
        stranger = as_user(other_office.clerk)
        assert stranger.get(f"/van-ban-di/{outgoing.pk}/").status_code == 404
        assert stranger.get(f"/van-ban-di/{outgoing.pk}/tep.pdf").status_code == 404

    def test_recall_with_a_reason(self, office: Office) -> None:
        outgoing = issued(office)
        client = as_user(office.clerk)
        url = f"/van-ban-di/{outgoing.pk}/thu-hoi/"
        refused = client.post(url, {"reason": ""})
        assert refused.status_code == 400
        assert 'id="id_reason_error"' in refused.content.decode()
        page = client.post(url, {"reason": "Ban hành sai thẩm quyền."}, follow=True)
        html = page.content.decode()
        assert "Đã thu hồi văn bản." in html
        assert "Ban hành sai thẩm quyền." in html
        outgoing.refresh_from_db()
        assert outgoing.status == RecordStatus.RECALLED
        assert "Thu hồi</button>" not in html
        assert as_user(office.specialist).post(url, {"reason": "x"}).status_code == 403

    def test_copies(self, office: Office) -> None:
        outgoing = issued(office)
        client = as_user(office.clerk)
        url = f"/van-ban-di/{outgoing.pk}/sao/"
        refused = client.post(url, {"form": "S2", "extract_note": ""})
        assert refused.status_code == 400
        assert "Trích sao cần ghi rõ phần được trích." in refused.content.decode()
        done = client.post(url, {"form": "S1", "signer_name": "Phạm Thị Lan"}, follow=True)
        assert "Đã sao văn bản: Số: 01/SY-SNV." in done.content.decode()
        assert CopyRecord.objects.get().number == 1


class TestRegister:
    def test_rows_filters_and_scope(self, office: Office, other_office: Office) -> None:
        first = issued(office, subject="Công văn thứ nhất")
        issued(office, subject="Công văn thứ hai", type_code="22")
        issued(other_office, subject="Công văn cơ quan khác")
        client = as_user(office.clerk)
        html = client.get("/van-ban-di/").content.decode()
        assert html.index("Công văn thứ hai") < html.index("Công văn thứ nhất")
        assert "Công văn cơ quan khác" not in html
        assert "02/SNV-VP" in html
        year = today_in_vietnam().year
        assert "Công văn thứ nhất" in client.get("/van-ban-di/", {"year": year}).content.decode()
        empty = client.get("/van-ban-di/", {"year": year - 1}).content.decode()
        assert "Không có văn bản nào." in empty
        by_type = client.get("/van-ban-di/", {"type_code": "02"}).content.decode()
        assert "Không có văn bản nào." in by_type
        by_unit = client.get("/van-ban-di/", {"unit": office.unit.pk}).content.decode()
        assert "Công văn thứ hai" in by_unit
        as_user(office.clerk).post(f"/van-ban-di/{first.pk}/thu-hoi/", {"reason": "Sai sót."})
        recalled = client.get("/van-ban-di/", {"status": "recalled"}).content.decode()
        assert "Công văn thứ nhất" in recalled
        assert "Công văn thứ hai" not in recalled

    def test_constant_queries_per_page(
        self,
        office: Office,
        django_assert_max_num_queries: Callable[..., Any],
    ) -> None:
        issued(office)
        client = as_user(office.clerk)
        client.get("/van-ban-di/")  # warm the session and the reference rows
        with django_assert_max_num_queries(1000) as one:
            client.get("/van-ban-di/")
        issued(office)
        issued(office)
        with django_assert_max_num_queries(len(one.captured_queries)):
            client.get("/van-ban-di/")

    def test_keyset_pages(self, office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(ui_selectors, "PAGE_SIZE", 1)
        issued(office, subject="Công văn thứ nhất")
        issued(office, subject="Công văn thứ hai")
        client = as_user(office.clerk)
        first = client.get("/van-ban-di/").content.decode()
        assert "Công văn thứ hai" in first
        assert "Công văn thứ nhất" not in first
        link = first.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
        second = client.get("/van-ban-di/" + link.replace("&amp;", "&")).content.decode()
        assert "Công văn thứ nhất" in second
        assert "Trang đầu" in second
