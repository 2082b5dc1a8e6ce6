"""What every register prints besides its rows: the cover / first page and the header lines.

Annex IV gives all registers the same cover: superior body; agency; register title; Năm;
Từ ngày … đến ngày …; Từ số … đến số …; Quyển số.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vanthu.accounts.models import Agency
from vanthu.core.dates import format_date


@dataclass(frozen=True, slots=True, kw_only=True)
class Cover:
    """The cover / first page of a register (Annex IV)."""

    superior: str
    agency: str
    title: str
    year: int
    date_from: dt.date
    date_to: dt.date
    number_from: str
    number_to: str
    volume: str
    book_name: str


def agency_header(agency: Agency) -> tuple[str, str]:
    """Return the superior body and the agency as printed in a header (upper case)."""
    superior = agency.superior.name.upper() if agency.superior is not None else ""
    return superior, agency.name.upper()


def document_reference(code_number: str, code_notation: str) -> str:
    """Return "26/KH-SNV" (or whichever part exists)."""
    return "/".join(part for part in (code_number, code_notation) if part)


def cover_lines(cover: Cover) -> list[tuple[str, int, bool]]:
    """Return the lines of a register cover: (text, font size, bold)."""
    return [
        (cover.superior, 13, False),
        (cover.agency, 13, True),
        ("", 12, False),
        ("", 12, False),
        (cover.title, 22, True),
        (_("Năm: %s") % cover.year, 14, True),
        (
            _("Từ ngày %(start)s đến ngày %(end)s")
            % {"start": format_date(cover.date_from), "end": format_date(cover.date_to)},
            14,
            False,
        ),
        (
            _("Từ số %(first)s đến số %(last)s")
            % {"first": cover.number_from or "…", "last": cover.number_to or "…"},
            14,
            False,
        ),
        (_("Quyển số: %s") % cover.volume, 14, False),
    ]
