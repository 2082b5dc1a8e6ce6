"""Attach more files on the document page: access, refusals, the kept file, duplicates."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.tests.samples import docx_bytes
from vanthu.incoming import services
from vanthu.incoming.enums import Channel
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.files import blob_store, pdf_bytes, upload
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blob_store")]
__all__ = ["blob_store"]

HTMX: Any = {"HTTP_HX_REQUEST": "true"}


def _url(incoming: IncomingRecord) -> str:
    return f"/van-ban-den/{incoming.pk}/dinh-kem/"


def _file(content: bytes | None = None, name: str = "phu-luc.pdf") -> SimpleUploadedFile:
    return upload(content if content is not None else pdf_bytes(name), name)


def _token(html: str) -> str:
    found = re.search(r'name="file_token" value="([^"]*)"', html)
    assert found is not None
    return found.group(1)


def _names(incoming: IncomingRecord) -> list[str]:
    return list(incoming.document.attachments.order_by("pk").values_list("filename", flat=True))


class TestAccess:
    def test_the_clerk_sees_the_upload_form_others_do_not(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert f'action="{_url(incoming)}"' in page
        assert "data-dropzone" in page
        client.force_login(office.leader)
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert "Tệp đính kèm" in page
        assert f'action="{_url(incoming)}"' not in page

    def test_a_leader_or_an_assignee_is_refused_403(self, client: Client, office: Office) -> None:
        incoming = office.register()
        services.incoming_present(actor=office.clerk, incoming=incoming)
        services.incoming_assign(
            actor=office.leader, incoming=incoming, lead=Party(user=office.specialist_a)
        )
        for who in (office.leader, office.specialist_a):
            client.force_login(who)
            assert client.post(_url(incoming), {"file": _file()}).status_code == 403
        assert _names(incoming) == []

    def test_another_agency_and_the_unassigned_get_404(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        incoming = office.register()
        for who in (other_office.clerk, office.specialist_b):
            client.force_login(who)
            assert client.post(_url(incoming), {"file": _file()}).status_code == 404
        assert _names(incoming) == []

    def test_a_get_is_not_allowed(self, client: Client, office: Office) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        assert client.get(_url(incoming)).status_code == 405


class TestAttach:
    def test_a_plain_post_attaches_and_goes_back_to_the_page(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        response = client.post(_url(incoming), {"file": _file(), "role": "appendix"})
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-den/{incoming.pk}/"
        attachment = incoming.document.attachments.get()
        assert (attachment.filename, attachment.role) == ("phu-luc.pdf", AttachmentRole.APPENDIX)
        assert AuditEvent.objects.filter(
            action="incoming.attachment_added", target_id=str(incoming.pk)
        ).exists()
        page = client.get(response["Location"]).content.decode()
        assert "Đã đính kèm tệp “phu-luc.pdf”." in page
        assert f'href="/van-ban-den/{incoming.pk}/tep/{attachment.pk}/">phu-luc.pdf</a>' in page

    def test_with_htmx_the_files_section_is_refreshed(self, client: Client, office: Office) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        client.post(_url(incoming), {"file": _file(name="a.pdf")})
        response = client.post(_url(incoming), {"file": _file(name="b.pdf")}, **HTMX)
        html = response.content.decode()
        assert response.status_code == 200
        assert html.startswith('<div class="attachments-section" id="attachments"')
        assert re.findall(r'/tep/\d+/">([^<]+)</a>', html) == ["a.pdf", "b.pdf"]
        assert "Đã đính kèm tệp “b.pdf”." in html
        assert _token(html) == ""

    def test_the_registering_clerk_may_attach_to_an_electronic_record(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register(channel=Channel.ELECTRONIC)
        client.force_login(office.clerk)
        page = client.get(f"/van-ban-den/{incoming.pk}/").content.decode()
        assert 'accept=".pdf,.docx,.zip"' in page
        response = client.post(_url(incoming), {"file": _file(docx_bytes(), "du-thao.docx")})
        assert response.status_code == 302
        assert _names(incoming) == ["du-thao.docx"]


class TestRefusals:
    def test_no_file_is_refused_beside_the_field(self, client: Client, office: Office) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        response = client.post(_url(incoming), {"role": "original"}, **HTMX)
        html = response.content.decode()
        assert response.status_code == 400
        assert re.search(r'id="id_file_error"><li>Chọn tệp để đính kèm.</li>', html)
        assert 'aria-invalid="true"' in html

    def test_a_forbidden_type_is_refused_and_nothing_is_attached(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        text = SimpleUploadedFile("ghi-chu.txt", "Xin chào".encode())
        response = client.post(_url(incoming), {"file": text})
        html = response.content.decode()
        assert response.status_code == 400
        assert "không được phép tải lên" in html
        assert "<html" in html  # without HTMX: the whole page, with the message beside the field
        assert _token(html) == ""
        assert _names(incoming) == []

    def test_the_same_file_twice_on_one_document_is_refused(
        self, client: Client, office: Office
    ) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        client.post(_url(incoming), {"file": _file(pdf_bytes("x"))})
        response = client.post(_url(incoming), {"file": _file(pdf_bytes("x"))}, **HTMX)
        assert response.status_code == 400
        assert "Tệp này đã được đính kèm vào văn bản." in response.content.decode()
        assert len(_names(incoming)) == 1

    def test_a_too_long_reason_keeps_the_file(self, client: Client, office: Office) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        body = {"file": _file(), "confirm_duplicate": "on", "duplicate_reason": "x" * 501}
        response = client.post(_url(incoming), body, **HTMX)
        html = response.content.decode()
        assert response.status_code == 400
        assert "Không được dài quá 500 ký tự." in html
        assert "Đã tải lên: phu-luc.pdf" in html
        assert client.post(_url(incoming), {"file_token": _token(html)}).status_code == 302
        assert _names(incoming) == ["phu-luc.pdf"]

    def test_a_token_of_another_user_is_ignored(self, client: Client, office: Office) -> None:
        incoming = office.register()
        client.force_login(office.clerk)
        html = client.post(
            _url(incoming), {"file": _file(), "duplicate_reason": "x" * 501}, **HTMX
        ).content.decode()
        other = Client()
        other.force_login(make_user(agency=office.agency, unit=office.unit_b, roles=[Role.CLERK]))
        response = other.post(_url(incoming), {"file_token": _token(html)}, **HTMX)
        assert response.status_code == 400
        assert "Chọn tệp để đính kèm." in response.content.decode()
        assert _names(incoming) == []


class TestDuplicate:
    def test_same_content_asks_for_a_confirmation_and_a_reason_with_the_file_kept(
        self, client: Client, office: Office
    ) -> None:
        first = office.register()
        second = office.register()
        content = pdf_bytes("ban-quet-trung")
        client.force_login(office.clerk)
        client.post(_url(first), {"file": _file(content, "a.pdf")})
        warned = client.post(_url(second), {"file": _file(content, "b.pdf")}, **HTMX)
        html = warned.content.decode()
        assert warned.status_code == 400
        assert "Tệp này đã có trong một văn bản đến khác" in html
        assert f'href="/van-ban-den/{first.pk}/"' in html
        assert f"{first.arrival_number:02d}/{first.arrival_year}" in html
        assert 'name="confirm_duplicate"' in html
        assert "Đã tải lên: b.pdf" in html
        token = _token(html)
        no_reason = client.post(
            _url(second), {"file_token": token, "confirm_duplicate": "on"}, **HTMX
        )
        assert no_reason.status_code == 400
        assert "Cần nêu lý do khi đăng ký lại văn bản trùng." in no_reason.content.decode()
        assert _names(second) == []
        confirmed = client.post(
            _url(second),
            {
                "file_token": _token(no_reason.content.decode()),
                "confirm_duplicate": "on",
                "duplicate_reason": "Bản chụp lại rõ hơn",
            },
        )
        assert confirmed.status_code == 302
        assert _names(second) == ["b.pdf"]
        second.refresh_from_db()
        assert (second.duplicate_of_id, second.duplicate_reason) == (
            first.pk,
            "Bản chụp lại rõ hơn",
        )

    def test_without_htmx_the_warning_is_on_the_whole_page(
        self, client: Client, office: Office
    ) -> None:
        first = office.register()
        second = office.register()
        content = pdf_bytes("trung")
        client.force_login(office.clerk)
        client.post(_url(first), {"file": _file(content)})
        response = client.post(_url(second), {"file": _file(content)})
        html = response.content.decode()
        assert response.status_code == 400
        assert "<html" in html
        assert "Tệp này đã có trong một văn bản đến khác" in html
        assert 'name="confirm_duplicate"' in html
        assert _names(second) == []
