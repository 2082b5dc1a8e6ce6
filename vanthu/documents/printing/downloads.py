"""A generated report file, its period-based name, and the audit event of its download.

Annex VI asks for access history: every download is recorded as ``<app>.report_downloaded``
with the report, the format, the period and the number of rows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError
from vanthu.documents.printing.pdf import PDF_MEDIA_TYPE
from vanthu.documents.printing.period import Period
from vanthu.documents.printing.xlsx import XLSX_MEDIA_TYPE


class FileFormat(enum.StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"


MEDIA_TYPES = {FileFormat.XLSX: XLSX_MEDIA_TYPE, FileFormat.PDF: PDF_MEDIA_TYPE}


def file_format_of(value: str) -> FileFormat:
    """Return the format named ``value`` ("xlsx" or "pdf"); InvalidInputError otherwise."""
    try:
        return FileFormat(value.strip().lower())
    except ValueError:
        message = _("Định dạng tệp phải là “xlsx” hoặc “pdf”.")
        raise InvalidInputError(message, fields={"format": [message]}) from None


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A generated file to send: its bytes, its file name and its media type."""

    content: bytes
    filename: str
    media_type: str


def report_downloaded(
    *, action: str, actor: User, report: str, target: models.Model | None, data: dict[str, Any]
) -> None:
    """Record (as ``action``) that ``actor`` downloaded ``report`` (about ``target``)."""
    with transaction.atomic():
        record(action=action, actor=actor, target=target, data={"report": report, **data})


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodDownload:
    """What a download over a period records and how its file is named."""

    action: str
    report: str
    stem: str
    period: Period
    rows: int
    target: models.Model | None


def period_file(
    *, actor: User, download: PeriodDownload, content: bytes, file_format: FileFormat
) -> ReportFile:
    """Record the download of a report over a period; name its file ``<stem>-<from>-<to>``."""
    date_from, date_to = download.period.date_from, download.period.date_to
    report_downloaded(
        action=download.action,
        actor=actor,
        report=download.report,
        target=download.target,
        data={
            "format": file_format.value,
            "date_from": date_from,
            "date_to": date_to,
            "rows": download.rows,
        },
    )
    name = f"{download.stem}-{date_from:%Y%m%d}-{date_to:%Y%m%d}"
    return ReportFile(content, f"{name}.{file_format.value}", MEDIA_TYPES[file_format])
