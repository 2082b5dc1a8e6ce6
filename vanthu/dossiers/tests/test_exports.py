"""Exports: the Annex VI XML (well-formed, fields, chronological order) and the merged PDF."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from vanthu.audit.models import AuditEvent
from vanthu.core.errors import NotFoundError
from vanthu.dossiers.closing import dossier_close
from vanthu.dossiers.enums import Retention
from vanthu.dossiers.exports.service import dossier_export
from vanthu.dossiers.models import Dossier
from vanthu.dossiers.services import dossier_document_add, dossier_open
from vanthu.dossiers.tests.factories import document_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]

DOSSIER_FIELDS = [
    "FileCode",
    "OrganId",
    "FileCatalog",
    "FileNotation",
    "Title",
    "Maintenance",
    "Rights",
    "Creator",
    "Language",
    "StartDate",
    "EndDate",
    "DocTotal",
    "PageTotal",
    "Description",
]
DOCUMENT_FIELDS = [
    "DocOrdinal",
    "TypeName",
    "CodeNumber",
    "CodeNotation",
    "IssuedDate",
    "OrganName",
    "Subject",
    "Language",
    "PageAmount",
    "Description",
]


def _filled(office: Office) -> Dossier:
    dossier = dossier_open(
        actor=office.specialist_a,
        title="Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2026",
        code="03.VP",
        retention=Retention.PERMANENT,
    )
    # Filed out of date order: the exports put them back in chronological order.
    for day, pages, number in (
        (dt.date(2026, 6, 1), 1, "30"),
        (dt.date(2026, 4, 23), 2, "26"),
        (dt.date(2026, 5, 15), 3, "28"),
    ):
        doc = document_make(
            office.agency,
            issued_date=day,
            pages=pages,
            code_number=number,
            subject=f"Văn bản số {number} về kiểm tra",
            width=500 + int(number),
        )
        dossier_document_add(actor=office.specialist_a, dossier=dossier, document_id=doc.pk)
    return dossier_close(actor=office.specialist_a, dossier=dossier, retention="permanent")


class TestXml:
    def test_fields_and_chronological_order(self, office: Office) -> None:
        dossier = _filled(office)
        exported = dossier_export(actor=office.specialist_a, dossier_id=dossier.pk, fmt="xml")
        assert exported.media_type == "application/xml"
        assert exported.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
        root = ET.fromstring(exported.content)  # noqa: S314 - our own output
        assert root.tag == "File"
        assert [child.tag for child in root][: len(DOSSIER_FIELDS)] == DOSSIER_FIELDS
        assert root.findtext("OrganId") == office.agency.organ_id
        assert root.findtext("FileNotation") == "03.VP"
        assert root.findtext("Title") == "Hồ sơ kiểm tra công tác văn thư, lưu trữ năm 2026"
        assert root.findtext("Maintenance") == "Vĩnh viễn"
        assert (root.findtext("StartDate"), root.findtext("EndDate")) == (
            "23/04/2026",
            "01/06/2026",
        )
        assert (root.findtext("DocTotal"), root.findtext("PageTotal")) == ("3", "6")
        documents = root.findall("Documents/Document")
        assert [[child.tag for child in doc] for doc in documents] == [DOCUMENT_FIELDS] * 3
        assert [d.findtext("CodeNumber") for d in documents] == ["26", "28", "30"]
        assert [d.findtext("DocOrdinal") for d in documents] == ["1", "2", "3"]
        assert documents[0].findtext("TypeName") == "Báo cáo"
        assert documents[0].findtext("IssuedDate") == "23/04/2026"
        assert documents[0].findtext("PageAmount") == "2"
        event = AuditEvent.objects.get(action="dossiers.exported")
        assert event.data == {"format": "xml"}

    def test_a_dossier_the_actor_may_not_see_is_not_found(
        self, office: Office, other_office: Office
    ) -> None:
        dossier = _filled(office)
        for outsider in (office.specialist_a2, other_office.leader):
            with pytest.raises(NotFoundError):
                dossier_export(actor=outsider, dossier_id=dossier.pk, fmt="xml")


class TestPdf:
    def test_contents_then_the_documents_by_date(self, office: Office) -> None:
        dossier = _filled(office)
        exported = dossier_export(actor=office.head_a, dossier_id=dossier.pk, fmt="pdf")
        reader = PdfReader(io.BytesIO(exported.content))
        # Cover, contents (with the closing note) and then 2 + 3 + 1 document pages.
        front = len(reader.pages) - 6
        assert front >= 2
        contents = reader.pages[1].extract_text()
        assert "MỤC LỤC VĂN BẢN" in contents
        assert contents.index("26/BC-SNV") < contents.index("28/BC-SNV") < contents.index("30/")
        assert "3-5" in contents  # the second document starts on its page 3
        widths = [round(float(page.mediabox.width)) for page in reader.pages[front:]]
        assert widths == [526, 526, 528, 528, 528, 530]
        assert exported.filename == "ho-so-2026-03-VP.pdf"
