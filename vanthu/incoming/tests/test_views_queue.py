"""The "chờ tiếp nhận" screen: access, the urgent-first queue, files, accept and refuse."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from vanthu.accounts.enums import Clearance, Role
from vanthu.accounts.tests.factories import make_user
from vanthu.audit.models import AuditEvent
from vanthu.documents.enums import AttachmentRole, Confidentiality, Urgency
from vanthu.documents.models import Attachment, Document
from vanthu.documents.numbering import today_in_vietnam
from vanthu.documents.uploads import blob_store_upload
from vanthu.incoming.enums import Channel, DeliveryStatus
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.selectors import deliveries_sent_for
from vanthu.incoming.tests.deliveries import send
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.files import blob_store, pdf_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blob_store")]
__all__ = ["blob_store"]

URL = "/van-ban-den/cho-tiep-nhan/"
HTMX: Any = {"HTTP_HX_REQUEST": "true"}


def _accept_url(delivery: IncomingDelivery) -> str:
    return f"{URL}{delivery.pk}/tiep-nhan/"


def _refuse_url(delivery: IncomingDelivery) -> str:
    return f"{URL}{delivery.pk}/tra-lai/"


def _body(delivery: IncomingDelivery, **fields: str) -> dict[str, str]:
    """Return the item's form fields (prefixed by the delivery id, as the page names them)."""
    return {f"d{delivery.pk}-{name}": value for name, value in fields.items()}


def _file(document: Document, sender: Office, name: str = "cong-van.pdf") -> Attachment:
    blob = blob_store_upload(actor=sender.clerk, fileobj=upload(pdf_bytes(name)), filename=name)
    return Attachment.objects.create(
        document=document, blob=blob, role=AttachmentRole.ORIGINAL, filename=name
    )


def _titles(html: str) -> list[str]:
    found = re.findall(r'<h2 class="delivery-title"[^>]*>(.*?)</h2>', html, flags=re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", title).split()[-1] for title in found]


def _selected(html: str, delivery: IncomingDelivery) -> list[str]:
    select = re.search(rf'<select name="d{delivery.pk}-register_book".*?</select>', html, re.S)
    assert select is not None
    return re.findall(r'<option value="(\d+)" selected>', select.group(0))


class TestAccess:
    def test_anonymous_is_sent_to_login(self, client: Client, office: Office) -> None:
        response = client.get(URL)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")

    @pytest.mark.parametrize("who", ["leader", "specialist_a", "head_a"])
    def test_only_clerks_open_the_queue_or_decide(
        self, client: Client, office: Office, other_office: Office, who: str
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(getattr(office, who))
        assert client.get(URL).status_code == 403
        assert client.post(_accept_url(delivery), {}).status_code == 403
        assert client.post(_refuse_url(delivery), _body(delivery, reason="x")).status_code == 403
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.PENDING

    def test_a_clerk_of_another_agency_gets_404(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        attachment = _file(delivery.document, other_office)
        client.force_login(other_office.clerk)  # the sender's own clerk
        assert client.post(_accept_url(delivery), {}).status_code == 404
        assert client.post(_refuse_url(delivery), _body(delivery, reason="x")).status_code == 404
        assert client.get(f"{URL}{delivery.pk}/tep/{attachment.pk}/").status_code == 404
        assert "Không có văn bản nào chờ tiếp nhận." in client.get(URL).content.decode()
        assert not IncomingRecord.objects.exists()

    def test_an_uncleared_clerk_neither_sees_nor_accepts_a_confidential_document(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(
            other_office, office, subject="Mật", confidentiality=Confidentiality.CONFIDENTIAL
        )
        clerk = make_user(agency=office.agency, unit=office.unit_b, roles=[Role.CLERK])
        assert clerk.clearance == Clearance.NONE
        client.force_login(clerk)
        assert "Mật" not in _titles(client.get(URL).content.decode())
        assert client.post(_accept_url(delivery), {}).status_code == 404
        assert not IncomingRecord.objects.exists()


class TestQueuePage:
    def test_urgent_first_with_sender_number_date_and_marks(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        for code, urgency in (
            ("1", Urgency.NORMAL),
            ("2", Urgency.URGENT),
            ("3", Urgency.FLASH),
            ("4", Urgency.VERY_URGENT),
        ):
            send(other_office, office, code_number=code, urgency=urgency, subject=f"VB{code}")
        send(office, other_office, subject="VBkhac")  # to the other agency: not in this queue
        client.force_login(office.clerk)
        response = client.get(URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert _titles(html) == ["VB3", "VB4", "VB2", "VB1"]
        for mark in ("Hỏa tốc", "Thượng khẩn", "Khẩn"):
            assert f'<span class="badge badge-urgent">{mark}</span>' in html
        assert html.count('class="card card-wide delivery is-urgent"') == 3
        assert other_office.agency.name in html
        assert "3/SNV-VP" in html
        assert today_in_vietnam().strftime("%d/%m/%Y") in html

    def test_decided_deliveries_leave_the_queue(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        first = send(other_office, office, subject="VBmot")
        send(other_office, office, code_number="2", subject="VBhai")
        client.force_login(office.clerk)
        client.post(_refuse_url(first), _body(first, reason="Gửi nhầm cơ quan"))
        assert _titles(client.get(URL).content.decode()) == ["VBhai"]

    def test_the_register_list_links_to_the_queue_with_its_count(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        send(other_office, office)
        send(other_office, office, code_number="2")
        client.force_login(office.clerk)
        html = client.get("/van-ban-den/").content.decode()
        assert f'<a class="queue-link" href="{URL}">' in html
        assert re.search(r"data-pending-count>2<", html)

    def test_the_register_book_defaults_by_confidentiality(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        plain = send(other_office, office)
        secret = send(
            other_office, office, code_number="2", confidentiality=Confidentiality.CONFIDENTIAL
        )
        client.force_login(office.clerk)
        html = client.get(URL).content.decode()
        assert _selected(html, plain) == [str(office.book.pk)]
        assert _selected(html, secret) == [str(office.secret_book.pk)]
        assert f'name="d{secret.pk}-due_date"' in html

    def test_files_are_listed_and_downloads_are_audited(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        attachment = _file(delivery.document, other_office, "cv-125.pdf")
        elsewhere = _file(send(other_office, office, code_number="9").document, other_office)
        client.force_login(office.clerk)
        link = f"{URL}{delivery.pk}/tep/{attachment.pk}/"
        assert f'href="{link}">cv-125.pdf</a>' in client.get(URL).content.decode()
        response = client.get(link)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
        assert response["Content-Type"] == "application/pdf"
        event = AuditEvent.objects.get(action="incoming.delivery_attachment_downloaded")
        assert event.actor_id == office.clerk.pk
        assert event.data["attachment_id"] == attachment.pk
        # A file of another delivered document is not reached through this delivery.
        assert client.get(f"{URL}{delivery.pk}/tep/{elsewhere.pk}/").status_code == 404

    def test_the_number_of_queries_does_not_grow_with_the_queue(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(URL).status_code == 200
            return len(captured)

        first = send(other_office, office)
        _file(first.document, other_office)
        client.force_login(office.clerk)
        alone = queries()
        for code in ("2", "3", "4"):
            _file(send(other_office, office, code_number=code).document, other_office, code)
        assert queries() == alone


class TestAccept:
    def test_registers_and_shows_the_arrival_number_and_the_record(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        office.register()  # arrival number 1 is taken
        delivery = send(other_office, office)
        due = today_in_vietnam() + dt.timedelta(days=10)
        client.force_login(office.clerk)
        response = client.post(
            _accept_url(delivery),
            _body(delivery, register_book=str(office.book.pk), due_date=due.strftime("%d/%m/%Y")),
        )
        incoming = IncomingRecord.objects.get(document=delivery.document)
        assert response.status_code == 302
        assert response["Location"] == f"{URL}da-tiep-nhan/{incoming.pk}/"
        assert (incoming.arrival_number, incoming.due_date) == (2, due)
        assert incoming.channel == Channel.ELECTRONIC
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.ACCEPTED
        html = client.get(response["Location"]).content.decode()
        assert "data-arrival-number>02<" in html
        assert f'href="/van-ban-den/{incoming.pk}/"' in html
        assert f'href="{URL}"' in html

    def test_with_htmx_the_item_is_replaced_by_the_result(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office, confidentiality=Confidentiality.CONFIDENTIAL)
        client.force_login(office.clerk)
        response = client.post(_accept_url(delivery), _body(delivery), **HTMX)
        html = response.content.decode()
        incoming = IncomingRecord.objects.get()
        assert response.status_code == 200
        assert incoming.register_book_id == office.secret_book.pk
        assert html.startswith(
            f'<article class="card card-wide delivery delivery-done" id="delivery-{delivery.pk}"'
        )
        assert "data-arrival-number>01<" in html
        assert f'href="/van-ban-den/{incoming.pk}/"' in html
        assert "<html" not in html

    @pytest.mark.parametrize(
        ("due", "message"),
        [
            ("yesterday", "Hạn giải quyết không được trước hôm nay."),
            ("31/02/2030", "Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy."),
        ],
    )
    def test_a_bad_due_date_is_refused_beside_the_field_and_kept(
        self, client: Client, office: Office, other_office: Office, due: str, message: str
    ) -> None:
        if due == "yesterday":
            due = (today_in_vietnam() - dt.timedelta(days=1)).strftime("%d/%m/%Y")
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        response = client.post(_accept_url(delivery), _body(delivery, due_date=due))
        html = response.content.decode()
        assert response.status_code == 400
        errors = re.search(rf'id="id_d{delivery.pk}-due_date_error">(.*?)</ul>', html, re.S)
        assert errors is not None
        assert message in errors.group(1)
        assert f'value="{due}"' in html
        assert not IncomingRecord.objects.exists()

    def test_a_book_of_the_wrong_kind_is_refused(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        body = _body(delivery, register_book=str(office.secret_book.pk))
        response = client.post(_accept_url(delivery), body, **HTMX)
        html = response.content.decode()
        assert response.status_code == 400
        assert "Sổ đăng ký này không dùng được cho văn bản này." in html
        assert "<html" not in html
        assert not IncomingRecord.objects.exists()

    def test_a_delivery_decided_meanwhile_is_refused_with_the_reason(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        client.post(_accept_url(delivery), _body(delivery))
        again = client.post(_accept_url(delivery), _body(delivery))
        assert again.status_code == 400
        assert "Văn bản này đã được tiếp nhận hoặc từ chối trước đó." in again.content.decode()
        assert IncomingRecord.objects.count() == 1

    def test_without_a_suitable_book_the_refusal_is_shown(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        office.book.is_active = False
        office.book.save(update_fields=["is_active"])
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        html = client.get(URL).content.decode()
        assert "— Cơ quan chưa có sổ phù hợp —" in html
        response = client.post(_accept_url(delivery), _body(delivery))
        assert response.status_code == 400
        assert "Cơ quan chưa có sổ đăng ký văn bản đến phù hợp đang sử dụng." in (
            response.content.decode()
        )


class TestRefuse:
    def test_the_reason_is_required_and_the_item_stays(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        response = client.post(_refuse_url(delivery), _body(delivery, reason="  "))
        html = response.content.decode()
        assert response.status_code == 400
        assert re.search(r'<details class="action-form refuse" open>', html)
        assert "Trường này là bắt buộc." in html
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.PENDING

    def test_a_too_long_reason_is_refused_and_kept(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        reason = "Sai " * 130
        response = client.post(_refuse_url(delivery), _body(delivery, reason=reason), **HTMX)
        html = response.content.decode()
        assert response.status_code == 400
        assert "Không được dài quá 500 ký tự." in html
        assert reason.strip() in html

    def test_refusing_returns_it_and_the_sender_sees_the_reason(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        response = client.post(
            _refuse_url(delivery), _body(delivery, reason="Không thuộc thẩm quyền")
        )
        assert response.status_code == 302
        assert response["Location"] == URL
        page = client.get(URL).content.decode()
        assert f"Đã trả lại văn bản cho {other_office.agency.name}." in page
        sent = deliveries_sent_for(actor=other_office.clerk, status=DeliveryStatus.REFUSED)
        assert [row.refusal_reason for row in sent] == ["Không thuộc thẩm quyền"]
        assert not IncomingRecord.objects.exists()

    def test_with_htmx_the_item_is_replaced_by_the_result(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = send(other_office, office)
        client.force_login(office.clerk)
        body = _body(delivery, reason="Gửi nhầm")
        response = client.post(_refuse_url(delivery), body, **HTMX)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Đã trả lại" in html
        assert "delivery-refused" in html
        assert "Gửi nhầm" in html
        assert f'id="delivery-{delivery.pk}"' in html
