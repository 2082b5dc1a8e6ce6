"""The dossier as XML with the Annex VI element names (Annex VI 4.g), chronological order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from vanthu.core.dates import format_date
from vanthu.dossiers.models import Dossier, DossierItem


def chronological(items: Sequence[DossierItem]) -> list[DossierItem]:
    """Return the items by document date, then by their order in the dossier."""
    return sorted(items, key=lambda item: (item.document.issued_date, item.ordinal))


def _add(parent: ET.Element, name: str, value: object) -> None:
    ET.SubElement(parent, name).text = "" if value is None else str(value)


def _date(value: object) -> str:
    return format_date(value) if value is not None else ""  # type: ignore[arg-type]


def dossier_xml(dossier: Dossier, items: Sequence[DossierItem]) -> bytes:
    """Return the dossier and document metadata as a UTF-8 XML document."""
    ordered = chronological(items)
    root = ET.Element("File")
    _add(root, "FileCode", f"{dossier.agency.organ_id}.{dossier.year}.{dossier.code}")
    _add(root, "OrganId", dossier.agency.organ_id)
    _add(root, "FileCatalog", dossier.year)
    _add(root, "FileNotation", dossier.code)
    _add(root, "Title", dossier.title)
    _add(root, "Maintenance", dossier.get_retention_display())
    _add(root, "Rights", dossier.get_rights_display())
    _add(root, "Creator", dossier.creator.full_name or dossier.creator.get_username())
    _add(root, "Language", dossier.get_language_display())
    dates = [item.document.issued_date for item in ordered]
    _add(root, "StartDate", _date(dossier.start_date or (dates[0] if dates else None)))
    _add(root, "EndDate", _date(dossier.end_date or (dates[-1] if dates else None)))
    _add(root, "DocTotal", len(ordered))
    _add(root, "PageTotal", sum(item.pages for item in ordered))
    _add(root, "Description", dossier.description)
    documents = ET.SubElement(root, "Documents")
    for position, item in enumerate(ordered, start=1):
        doc = item.document
        element = ET.SubElement(documents, "Document")
        _add(element, "DocOrdinal", position)
        _add(element, "TypeName", doc.document_type.name)
        _add(element, "CodeNumber", doc.code_number)
        _add(element, "CodeNotation", doc.code_notation)
        _add(element, "IssuedDate", format_date(doc.issued_date))
        _add(element, "OrganName", doc.organ_name)
        _add(element, "Subject", doc.subject)
        _add(element, "Language", doc.get_language_display())
        _add(element, "PageAmount", item.pages)
        _add(element, "Description", doc.description)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body
