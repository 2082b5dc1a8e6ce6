"""The dossier page's add controls (an unfiled document with one click, an internal upload),
the worklist's link to the dossier just filed into, and the "Lập hồ sơ" links of the incoming
and outgoing pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web import logged_in_client
from vanthu.audit.models import AuditEvent
from vanthu.documents.models import Document
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.models import Dossier, DossierItem
from vanthu.dossiers.plan_services import file_plan_approve
from vanthu.dossiers.services import dossier_document_add
from vanthu.dossiers.tests.factories import document_make, pdf_bytes, plan_make, reception_dossier
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.services import incoming_assign, incoming_complete
from vanthu.incoming.tests.factories import Office
from vanthu.outgoing.issue import draft_issue
from vanthu.outgoing.tests.factories import draft_approved
from vanthu.outgoing.tests.factories import office_make as outgoing_office_make
from vanthu.workflow.parties import Party

pytestmark = [pytest.mark.django_db]


def _handled(
    office: Office, *, subject: str = "Kiểm tra công tác văn thư, lưu trữ"
) -> IncomingRecord:
    """An incoming document the specialist A completed as lead (so it is on their worklist)."""
    record = incoming_assign(
        actor=office.leader,
        incoming=office.register(issued_date=dt.date(2026, 3, 2), subject=subject),
        lead=Party(user=office.specialist_a),
        supports=[],
        informs=[],
    )
    return incoming_complete(actor=office.specialist_a, incoming=record)


def test_the_page_offers_the_unfiled_documents_and_adds_one(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    handled = _handled(office)
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    page = client.get(url).content.decode()
    assert "Thêm văn bản vào hồ sơ" in page
    assert f'name="document_id" value="{handled.document_id}"' in page
    response = client.post(f"{url}them-van-ban/", {"document_id": handled.document_id}, follow=True)
    assert "Đã thêm văn bản vào hồ sơ, số thứ tự 1." in response.content.decode()
    item = DossierItem.objects.get(dossier=dossier)
    assert (item.document_id, item.ordinal, item.added_by) == (
        handled.document_id,
        1,
        office.specialist_a,
    )
    assert AuditEvent.objects.filter(action="dossiers.document_added").count() == 1
    page = client.get(url).content.decode()
    assert f'name="document_id" value="{handled.document_id}"' not in page
    assert "Không còn văn bản nào bạn đã giải quyết mà chưa lập hồ sơ." in page
    again = client.post(
        f"{url}them-van-ban/", {"document_id": handled.document_id}, HTTP_REFERER=url, follow=True
    )
    assert "Văn bản đã có trong hồ sơ này." in again.content.decode()
    assert DossierItem.objects.filter(dossier=dossier).count() == 1


def test_a_bad_or_foreign_document_is_refused(office: Office, other_office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    for bad in ("", "abc", "1" * 11):
        response = client.post(f"{url}them-van-ban/", {"document_id": bad}, follow=True)
        assert "Chọn văn bản cần thêm vào hồ sơ." in response.content.decode()
    foreign = document_make(other_office.agency)
    assert client.post(f"{url}them-van-ban/", {"document_id": foreign.pk}).status_code == 404
    assert client.get(f"{url}them-van-ban/").status_code == 405
    assert not DossierItem.objects.exists()


def test_someone_who_cannot_see_the_dossier_gets_404(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    handled = _handled(office)
    outsider = logged_in_client(office.specialist_b)
    url = f"/ho-so/{dossier.pk}/"
    assert (
        outsider.post(f"{url}them-van-ban/", {"document_id": handled.document_id}).status_code
        == 404
    )
    upload = SimpleUploadedFile("a.pdf", pdf_bytes(1), "application/pdf")
    data = {"file": upload, "subject": "Ghi chép", "issued_date": "2026-03-01", "pages": "1"}
    assert outsider.post(f"{url}tai-len/", data).status_code == 404
    assert not DossierItem.objects.exists()


def test_a_closed_dossier_has_no_add_controls_and_points_to_the_hand_over(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    document = document_make(office.agency)
    dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=document.pk)
    dossier_close(actor=office.specialist_a, dossier=dossier, retention="10")
    handled = _handled(office)
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    page = client.get(url).content.decode()
    assert "data-add-documents" not in page
    assert 'href="/nop-luu/"' in page
    response = client.post(
        f"{url}them-van-ban/", {"document_id": handled.document_id}, HTTP_REFERER=url, follow=True
    )
    assert "Hồ sơ đã kết thúc: chỉ đọc." in response.content.decode()
    assert DossierItem.objects.filter(dossier=dossier).count() == 1


def test_an_internal_upload_becomes_a_filed_document(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    client = logged_in_client(office.specialist_a)
    url = f"/ho-so/{dossier.pk}/"
    assert 'enctype="multipart/form-data"' in client.get(url).content.decode()
    upload = SimpleUploadedFile("bien-ban-hop.pdf", pdf_bytes(3), "application/pdf")
    data = {
        "file": upload,
        "subject": "Biên bản họp tổ kiểm tra",
        "issued_date": "2026-02-20",
        "pages": "3",
    }
    response = client.post(f"{url}tai-len/", data, follow=True)
    assert "Đã tải lên và thêm vào hồ sơ, số thứ tự 1." in response.content.decode()
    item = DossierItem.objects.select_related("document").get(dossier=dossier)
    assert (item.document.subject, item.document.issued_date, item.pages) == (
        "Biên bản họp tổ kiểm tra",
        dt.date(2026, 2, 20),
        3,
    )
    assert item.document.attachments.get().filename == "bien-ban-hop.pdf"
    dossier.refresh_from_db()
    assert (dossier.doc_total, dossier.page_total) == (1, 3)


def test_an_incomplete_upload_stores_nothing(office: Office) -> None:
    dossier = reception_dossier(office.specialist_a)
    client = logged_in_client(office.specialist_a)
    before = Document.objects.count()
    upload = SimpleUploadedFile("a.pdf", pdf_bytes(1), "application/pdf")
    data = {"file": upload, "subject": "", "issued_date": "20/02/2026", "pages": "-1"}
    response = client.post(f"/ho-so/{dossier.pk}/tai-len/", data, follow=True)
    assert "Chưa tải lên được tài liệu." in response.content.decode()
    assert Document.objects.count() == before
    assert not DossierItem.objects.exists()


def test_the_worklist_links_the_dossier_just_filed_into(office: Office) -> None:
    plan, _heading, item = plan_make(office.clerk)
    file_plan_approve(actor=office.leader, plan=plan)
    handled = _handled(office)
    client = logged_in_client(office.specialist_a)
    response = client.post(f"/ho-so/lap/{handled.document_id}/", {"plan_item_id": str(item.pk)})
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/ho-so/chua-lap/?ho_so={dossier.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Văn bản vừa lập vào hồ sơ" in page
    assert f'href="/ho-so/{dossier.pk}/"' in page
    hidden = logged_in_client(office.specialist_b).get(response["Location"]).content.decode()
    assert "Văn bản vừa lập vào hồ sơ" not in hidden
    assert "data-filed-into" not in client.get("/ho-so/chua-lap/?ho_so=x").content.decode()


def test_a_handled_incoming_document_links_to_filing(office: Office) -> None:
    handled = _handled(office)
    page = logged_in_client(office.specialist_a).get(f"/van-ban-den/{handled.pk}/").content.decode()
    assert 'data-file-link><a class="button button-secondary" href="/ho-so/chua-lap/"' in page
    waiting = office.register(issued_date=dt.date(2026, 3, 3))
    page = logged_in_client(office.clerk).get(f"/van-ban-den/{waiting.pk}/").content.decode()
    assert "data-file-link" not in page


def test_an_issued_outgoing_document_links_to_filing() -> None:
    office = outgoing_office_make()
    draft = draft_approved(office)
    record = draft_issue(actor=office.clerk, draft_id=draft.pk)
    page = logged_in_client(office.specialist).get(f"/van-ban-di/{record.pk}/").content.decode()
    assert 'data-file-link><a class="button button-secondary" href="/ho-so/chua-lap/"' in page
