"""The hand-over forms as files: the stored DOCX (or a fresh one), or its PDF by LibreOffice."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route
from vanthu.archive.access import is_archivist
from vanthu.archive.forms.common import DOCX_MEDIA_TYPE
from vanthu.archive.forms.holdings import holdings_docx, holdings_sheet
from vanthu.archive.forms.inventory import inventory_docx
from vanthu.archive.forms.minutes import minutes_docx
from vanthu.archive.models import Handover
from vanthu.archive.selectors import handover_get_for, holdings_for
from vanthu.audit.services import record
from vanthu.core.errors import PermissionDeniedError
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Blob
from vanthu.documents.numbering import today_in_vietnam
from vanthu.drafting.pdf import docx_to_pdf


class FormKind(StrEnum):
    INVENTORY = "inventory"
    MINUTES = "minutes"


class FormFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class FormFile:
    content: bytes
    media_type: str
    filename: str


_NAMES = {FormKind.INVENTORY: "muc-luc-nop-luu", FormKind.MINUTES: "bien-ban-giao-nhan"}


def _stored(blob: Blob | None) -> bytes | None:
    if blob is None:
        return None
    with blob_open(blob) as stream:
        return stream.read()


def form_docx(handover: Handover, kind: FormKind) -> bytes:
    """Return the DOCX of a form: the one stored with the batch, else made now (a draft of the
    minutes before the archivist has received the batch)."""
    if kind is FormKind.INVENTORY:
        return _stored(handover.inventory) or inventory_docx(handover)
    return _stored(handover.minutes) or minutes_docx(handover)


def form_file(handover: Handover, kind: FormKind, fmt: FormFormat) -> FormFile:
    """Return a form of ``handover`` as DOCX or PDF."""
    docx = form_docx(handover, kind)
    name = f"{_NAMES[kind]}-{handover.pk}"
    if fmt is FormFormat.PDF:
        return FormFile(docx_to_pdf(docx), "application/pdf", f"{name}.pdf")
    return FormFile(docx, DOCX_MEDIA_TYPE, f"{name}.docx")


def handover_form(*, actor: User, handover_id: int, kind: FormKind, fmt: FormFormat) -> FormFile:
    """Return a form of a visible batch (404 otherwise); every download is audited."""
    handover = handover_get_for(actor=actor, pk=handover_id)
    file = form_file(handover, kind, fmt)
    with transaction.atomic():
        record(
            action="archive.form_downloaded",
            actor=actor,
            target=handover,
            data={"form": kind.value, "format": fmt.value},
        )
    return file


def holdings_inventory(*, actor: User, fmt: FormFormat, year: int | None = None) -> FormFile:
    """Return the Mục lục hồ sơ of the dossiers the agency archive holds (of ``year``, or all)
    as DOCX or PDF, for its archivists and leaders; every download is audited."""
    agency = actor.agency
    if agency is None or not (is_archivist(actor) or can_route(actor)):
        raise PermissionDeniedError(_("Chỉ lưu trữ cơ quan và lãnh đạo xem kho lưu trữ."))
    dossiers = holdings_for(actor=actor)
    if year is not None:
        dossiers = dossiers.filter(year=year)
    rows = list(dossiers)
    sheet = holdings_sheet(
        agency, rows, compiler=actor.full_name or actor.get_username(), day=today_in_vietnam()
    )
    docx = holdings_docx(sheet, agency)
    name = f"muc-luc-ho-so-{year}" if year is not None else "muc-luc-ho-so"
    if fmt is FormFormat.PDF:
        file = FormFile(docx_to_pdf(docx), "application/pdf", f"{name}.pdf")
    else:
        file = FormFile(docx, DOCX_MEDIA_TYPE, f"{name}.docx")
    with transaction.atomic():
        record(
            action="archive.form_downloaded",
            actor=actor,
            target=agency,
            data={"form": "holdings", "format": fmt.value, "year": year, "dossiers": len(rows)},
        )
    return file
