"""The clerk's registration screen: access, errors beside the fields, scans kept, duplicates."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.ui_helpers import form_body, pdf_bytes

URL = "/van-ban-den/dang-ky/"


def _scan(name: str = "ban-quet.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def _token(html: str) -> str:
    found = re.search(r'name="scan_token" value="([^"]*)"', html)
    assert found is not None
    return found.group(1)


class TestAccess:
    def test_anonymous_is_sent_to_login(self, client: Client, office: Office) -> None:
        response = client.get(URL)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")

    @pytest.mark.parametrize("who", ["specialist_a", "leader", "head_a"])
    def test_only_clerks_open_the_screen(self, client: Client, office: Office, who: str) -> None:
        client.force_login(getattr(office, who))
        assert client.get(URL).status_code == 403
        assert client.post(URL, form_body()).status_code == 403
        assert not IncomingRecord.objects.exists()

    def test_clerk_sees_the_fields_in_paper_order_and_the_shortcuts(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        html = client.get(URL).content.decode()
        order = [
            "organ_name",
            "code_number",
            "code_notation",
            "issued_date",
            "type_code",
            "subject",
            "urgency",
            "confidentiality",
            "signer_position",
            "signer_full_name",
            "to_places",
            "language",
            "page_amount",
            "due_date",
            "register_book",
            "scan",
        ]
        positions = [html.index(f'name="{name}"') for name in order]
        assert positions == sorted(positions)
        assert 'accesskey="c"' in html and 'accesskey="g"' in html
        assert "Alt+C cơ quan ban hành" in html
        assert 'enctype="multipart/form-data"' in html
        assert "Sổ đăng ký văn bản đến mật" in html  # the books of the agency are offered


class TestRegister:
    def test_success_shows_the_stamp_and_focuses_register_next(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        response = client.post(URL, form_body())
        incoming = IncomingRecord.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-den/{incoming.pk}/da-dang-ky/"
        html = client.get(response["Location"]).content.decode()
        assert "ĐẾN" in html
        assert re.search(r"data-arrival-number>01<", html)
        assert incoming.arrival_date.strftime("%d/%m/%Y") in html
        assert re.search(r'href="/van-ban-den/dang-ky/"\s+autofocus', html)
        assert "Đăng ký tiếp" in html
        assert incoming.document.subject == "Kiểm tra công tác văn thư, lưu trữ năm 2020"

    def test_errors_stay_beside_the_fields_and_input_is_kept(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        response = client.post(
            URL, form_body(issued_date="31/02/2020", subject="", code_notation="Kế hoạch")
        )
        html = response.content.decode()
        assert response.status_code == 400
        assert "Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy." in html
        assert "Trường này là bắt buộc." in html
        assert 'value="Sở Nội vụ tỉnh Kiên Giang"' in html
        assert 'value="Kế hoạch"' in html
        assert 'value="31/02/2020"' in html
        assert not IncomingRecord.objects.exists()

    def test_service_refusals_land_on_their_fields(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        response = client.post(URL, form_body(code_notation="SNV-VP", issued_date="01/01/2099"))
        html = response.content.decode()
        assert response.status_code == 400
        assert "Ký hiệu của Kế hoạch phải có dạng KH-&lt;cơ quan ban hành&gt;" in html
        assert "Ngày văn bản không được sau ngày hôm nay." in html
        assert 'value="SNV-VP"' in html

    def test_the_scan_is_kept_after_an_error_and_attached_on_success(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        refused = client.post(URL, {**form_body(subject=""), "scan": _scan("cv-26.pdf")})
        html = refused.content.decode()
        assert refused.status_code == 400
        assert "Đã tải lên: cv-26.pdf" in html
        token = _token(html)
        assert token
        accepted = client.post(URL, form_body(scan_token=token))
        assert accepted.status_code == 302
        incoming = IncomingRecord.objects.get()
        attachments = list(incoming.document.attachments.all())
        assert [a.filename for a in attachments] == ["cv-26.pdf"]
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        link = f"/van-ban-den/{incoming.pk}/tep/{attachments[0].pk}/"
        assert link in page
        download = client.get(link)
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
        assert AuditEvent.objects.filter(action="incoming.attachment_downloaded").count() == 1

    def test_a_token_of_another_user_is_ignored(self, client: Client, office: Office) -> None:
        client.force_login(office.clerk)
        token = _token(
            client.post(URL, {**form_body(subject=""), "scan": _scan()}).content.decode()
        )
        other = Client()
        other.force_login(make_user(agency=office.agency, unit=office.unit_b, roles=[Role.CLERK]))
        response = other.post(URL, form_body(scan_token=token))
        assert response.status_code == 302
        assert not IncomingRecord.objects.get().document.attachments.exists()

    def test_a_scan_of_a_forbidden_type_is_refused_beside_the_field(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        text = SimpleUploadedFile("ghi-chu.txt", "Xin chào".encode(), content_type="text/plain")
        response = client.post(URL, {**form_body(), "scan": text})
        html = response.content.decode()
        assert response.status_code == 400
        assert "không được phép tải lên" in html
        assert not IncomingRecord.objects.exists()


class TestDuplicate:
    def test_duplicate_asks_for_confirmation_and_a_reason(
        self, client: Client, office: Office
    ) -> None:
        client.force_login(office.clerk)
        client.post(URL, form_body())
        earlier = IncomingRecord.objects.get()
        warned = client.post(URL, form_body())
        html = warned.content.decode()
        assert warned.status_code == 400
        assert "Văn bản này có thể đã được vào sổ" in html
        assert f'href="/van-ban-den/{earlier.pk}/"' in html
        assert earlier.arrival_date.strftime("%d/%m/%Y") in html
        assert "Kiểm tra công tác văn thư, lưu trữ năm 2020" in html
        assert 'name="confirm_duplicate"' in html
        no_reason = client.post(URL, form_body(confirm_duplicate="on"))
        assert no_reason.status_code == 400
        assert "Cần nêu lý do khi đăng ký lại văn bản trùng." in no_reason.content.decode()
        confirmed = client.post(
            URL, form_body(confirm_duplicate="on", duplicate_reason="Bản gửi lại có chữ ký")
        )
        assert confirmed.status_code == 302
        again = IncomingRecord.objects.exclude(pk=earlier.pk).get()
        assert again.duplicate_of_id == earlier.pk
        assert again.arrival_number == 2


class TestOrganAutocomplete:
    def test_suggests_past_registrations_and_agencies_folded(
        self, client: Client, office: Office
    ) -> None:
        office.register(organ_name="Ủy ban nhân dân huyện Châu Thành")
        client.force_login(office.clerk)
        html = client.get(
            "/van-ban-den/dang-ky/co-quan/", {"organ_name": "chau thanh"}
        ).content.decode()
        assert 'data-value="Ủy ban nhân dân huyện Châu Thành"' in html
        agency = client.get(
            "/van-ban-den/dang-ky/co-quan/", {"organ_name": office.agency.name[:6]}
        ).content.decode()
        assert office.agency.name in agency

    def test_other_agencies_registrations_are_not_suggested(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        other_office.register(organ_name="Công ty Bí Mật Riêng")
        client.force_login(office.clerk)
        html = client.get("/van-ban-den/dang-ky/co-quan/", {"organ_name": "bi mat"})
        assert "Bí Mật Riêng" not in html.content.decode()

    def test_specialists_get_no_suggestions(self, client: Client, office: Office) -> None:
        client.force_login(office.specialist_a)
        response = client.get("/van-ban-den/dang-ky/co-quan/", {"organ_name": "so noi vu"})
        assert response.status_code == 403
