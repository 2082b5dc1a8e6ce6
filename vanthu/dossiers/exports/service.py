"""Export a visible dossier as PDF or XML; every export is audited (Annex VI access history)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.dossiers.exports.pdf import dossier_pdf
from vanthu.dossiers.exports.xml import dossier_xml
from vanthu.dossiers.selectors import dossier_get_for, dossier_items_of

MEDIA_TYPES = {"pdf": "application/pdf", "xml": "application/xml"}


@dataclass(frozen=True, slots=True)
class ExportFile:
    content: bytes
    filename: str
    media_type: str


def dossier_export(*, actor: User, dossier_id: int, fmt: str) -> ExportFile:
    """Return the dossier ``dossier_id`` as ``pdf`` or ``xml`` (404 when not visible)."""
    dossier = dossier_get_for(actor=actor, pk=dossier_id)
    items = dossier_items_of(dossier)
    content = dossier_pdf(dossier, items) if fmt == "pdf" else dossier_xml(dossier, items)
    with transaction.atomic():
        record(action="dossiers.exported", actor=actor, target=dossier, data={"format": fmt})
    safe = "".join(c if c.isalnum() else "-" for c in dossier.code)
    return ExportFile(content, f"ho-so-{dossier.year}-{safe}.{fmt}", MEDIA_TYPES[fmt])
