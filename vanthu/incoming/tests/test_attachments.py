"""Files of incoming records: attach via the API, register with a scan, same-content duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from vanthu.audit.models import AuditEvent
from vanthu.core.errors import NotFoundError
from vanthu.documents.enums import AttachmentRole
from vanthu.documents.models import Attachment, Blob
from vanthu.documents.tests.samples import EXE_BYTES, docx_bytes, png_bytes, zip_bytes
from vanthu.incoming.errors import DuplicateIncomingError
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.selectors import incoming_attachments_for
from vanthu.incoming.services import (
    incoming_attach,
    incoming_attachment_download,
    incoming_register_with_files,
)
from vanthu.incoming.tests.factories import Office, data
from vanthu.incoming.tests.files import blob_store, pdf_bytes, stored_objects, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blob_store")]
__all__ = ["blob_store"]


def _attach(client: Client, office: Office, record: IncomingRecord, **fields: Any) -> Any:
    client.force_login(fields.pop("actor", office.clerk))
    content = fields.pop("content", pdf_bytes())
    name = fields.pop("name", "ban-quet.pdf")
    return client.post(
        f"/api/v1/incoming/{record.pk}/attachments", {"file": upload(content, name), **fields}
    )


class TestAttachApi:
    def test_a_scan_is_attached_to_the_document_unchanged(
        self, client: Client, office: Office
    ) -> None:
        record = office.register()
        content = pdf_bytes("công văn")
        response = _attach(client, office, record, content=content, name="Công văn 26.pdf")
        assert response.status_code == 201, response.json()
        body = response.json()
        assert (body["role"], body["filename"], body["media_type"]) == (
            "original",
            "Công văn 26.pdf",
            "application/pdf",
        )
        attachment = Attachment.objects.get(pk=body["id"])
        assert attachment.document_id == record.document_id
        assert attachment.blob.size == len(content)
        assert AuditEvent.objects.filter(
            action="incoming.attachment_added", target_id=str(record.pk)
        ).exists()
        detail = client.get(f"/api/v1/incoming/{record.pk}").json()
        assert [a["id"] for a in detail["attachments"]] == [attachment.pk]

    @pytest.mark.parametrize(
        ("channel", "content", "status"),
        [
            ("paper", png_bytes(), 201),
            ("paper", docx_bytes(), 415),
            ("paper", EXE_BYTES, 415),
            ("electronic", docx_bytes(), 201),
            ("electronic", zip_bytes(), 201),
            ("electronic", png_bytes(), 415),
        ],
    )
    def test_the_type_is_sniffed_per_channel(
        self, client: Client, office: Office, channel: str, content: bytes, status: int
    ) -> None:
        record = office.register(channel=channel)
        response = _attach(client, office, record, content=content, name="tep.pdf")
        assert response.status_code == status, response.json()
        if status == 415:
            assert response.json()["code"] == "upload_type_not_allowed"
            assert not Blob.objects.exists()
            assert stored_objects() == set()

    def test_an_appendix_role_is_kept_and_a_system_role_refused(
        self, client: Client, office: Office
    ) -> None:
        record = office.register()
        response = _attach(client, office, record, role="appendix")
        assert response.json()["role"] == "appendix"
        response = _attach(client, office, record, role="ocr", content=pdf_bytes("2"))
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["role"]

    @pytest.mark.parametrize(("who", "status"), [("leader", 403), ("specialist_a", 404)])
    def test_only_clerks_attach(
        self, client: Client, office: Office, who: str, status: int
    ) -> None:
        record = office.register()  # a leader sees it; an unassigned specialist does not
        response = _attach(client, office, record, actor=getattr(office, who))
        assert response.status_code == status
        assert not Attachment.objects.exists()

    def test_another_agency_gets_404(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        record = office.register()
        response = _attach(client, office, record, actor=other_office.clerk)
        assert response.status_code == 404

    def test_the_same_content_on_another_record_is_a_duplicate(
        self, client: Client, office: Office
    ) -> None:
        first, second = office.register(), office.register()
        assert _attach(client, office, first).status_code == 201
        response = _attach(client, office, second)
        assert response.status_code == 409
        assert response.json()["code"] == "duplicate"
        assert response.json()["duplicate_of"]["id"] == first.pk
        assert Attachment.objects.count() == 1
        response = _attach(client, office, second, confirm_duplicate="true")
        assert response.status_code == 400
        assert list(response.json()["fields"]) == ["duplicate_reason"]
        response = _attach(
            client, office, second, confirm_duplicate="true", duplicate_reason="Bản gửi lại"
        )
        assert response.status_code == 201
        second.refresh_from_db()
        assert (second.duplicate_of_id, second.duplicate_reason) == (first.pk, "Bản gửi lại")

    def test_the_same_content_another_year_is_not_a_duplicate(self, office: Office) -> None:
        old = office.register(on=dt.date(2020, 5, 4), issued_date=dt.date(2020, 4, 23))
        new = office.register()
        incoming_attach(actor=office.clerk, incoming=old, file=upload(pdf_bytes()))
        attached = incoming_attach(actor=office.clerk, incoming=new, file=upload(pdf_bytes()))
        assert attached.document_id == new.document_id

    def test_the_same_file_twice_on_one_record_is_refused(
        self, client: Client, office: Office
    ) -> None:
        record = office.register()
        assert _attach(client, office, record).status_code == 201
        response = _attach(client, office, record)
        assert response.status_code == 409
        assert response.json()["code"] == "attachment_exists"


class TestRegisterWithFiles:
    def test_the_scan_and_the_registration_land_together(self, office: Office) -> None:
        record = incoming_register_with_files(
            actor=office.clerk, data=data(), files=[upload(pdf_bytes(), "scan.pdf")]
        )
        attachments = incoming_attachments_for(actor=office.clerk, incoming=record)
        assert [(a.filename, a.role) for a in attachments] == [
            ("scan.pdf", AttachmentRole.ORIGINAL)
        ]
        assert record.arrival_number == 1

    def test_the_same_content_is_a_duplicate_until_confirmed(self, office: Office) -> None:
        first = incoming_register_with_files(
            actor=office.clerk, data=data(code_number="1"), files=[upload(pdf_bytes())]
        )
        with pytest.raises(DuplicateIncomingError) as caught:
            incoming_register_with_files(
                actor=office.clerk, data=data(code_number="2"), files=[upload(pdf_bytes())]
            )
        assert caught.value.earlier["id"] == first.pk
        assert IncomingRecord.objects.count() == 1
        again = incoming_register_with_files(
            actor=office.clerk,
            data=data(code_number="2", confirm_duplicate=True, duplicate_reason="Bản chính"),
            files=[upload(pdf_bytes())],
        )
        assert (again.duplicate_of_id, again.arrival_number) == (first.pk, 2)

    def test_a_refused_registration_leaves_no_row_and_no_object(
        self, office: Office, blob_store: Path
    ) -> None:
        office.register(code_number="7")
        with pytest.raises(DuplicateIncomingError):
            incoming_register_with_files(
                actor=office.clerk, data=data(code_number="7"), files=[upload(pdf_bytes("x"))]
            )
        assert not Blob.objects.exists()
        assert stored_objects() == set()
        assert IncomingRecord.objects.count() == 1

    def test_a_file_of_a_refused_type_registers_nothing(self, office: Office) -> None:
        with pytest.raises(Exception, match="không được phép"):
            incoming_register_with_files(
                actor=office.clerk, data=data(), files=[upload(EXE_BYTES, "a.exe")]
            )
        assert not IncomingRecord.objects.exists()


class TestDownload:
    def test_a_download_is_audited_and_foreign_attachments_are_not_found(
        self, office: Office
    ) -> None:
        record = office.register()
        other = office.register()
        attachment = incoming_attach(actor=office.clerk, incoming=record, file=upload(pdf_bytes()))
        got = incoming_attachment_download(
            actor=office.leader, incoming=record, attachment_id=attachment.pk
        )
        assert got.blob.sha256 == attachment.blob.sha256
        assert AuditEvent.objects.filter(
            action="incoming.attachment_downloaded", actor_id=office.leader.pk
        ).exists()
        with pytest.raises(NotFoundError):
            incoming_attachment_download(
                actor=office.leader, incoming=other, attachment_id=attachment.pk
            )
