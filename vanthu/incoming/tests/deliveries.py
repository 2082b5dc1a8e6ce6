"""Builders for the delivery tests: a document of the sender, sent to a receiver."""

from __future__ import annotations

from typing import Any

from vanthu.documents.models import Document, DocumentType
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.models import IncomingDelivery
from vanthu.incoming.services import delivery_send
from vanthu.incoming.tests.factories import Office


def document_make(sender: Office, **changes: Any) -> Document:
    values: dict[str, Any] = {
        "owner_agency": sender.agency,
        "issuing_agency": sender.agency,
        "document_type": DocumentType.objects.get(code="22"),
        "code_number": "125",
        "code_notation": "SNV-VP",
        "issued_date": today_in_vietnam(),
        "organ_name": sender.agency.name,
        "subject": "V/v báo cáo công tác văn thư, lưu trữ",
        "subject_folded": "v/v bao cao cong tac van thu, luu tru",
    }
    return Document.objects.create(**(values | changes))


def send(sender: Office, receiver: Office, **changes: Any) -> IncomingDelivery:
    document = document_make(sender, **changes)
    return delivery_send(actor=sender.clerk, document=document, to_agencies=[receiver.agency])[0]
