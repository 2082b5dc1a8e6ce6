"""Export of search results to XLSX, DOCX and PDF (Annex VI 6.đ, 6.h): the chosen columns.

Exports are audited (who exported what query, how many rows).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.core.dates import format_date
from vanthu.search.backends.base import Sort
from vanthu.search.presenters import filters_of
from vanthu.search.schemas import COLUMNS, SearchExportQueryIn
from vanthu.search.selectors import SearchResult, search_for

MAX_ROWS = 1000
_MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def column_titles() -> dict[str, str]:
    return {
        "code": _("Số, ký hiệu"),
        "subject": _("Trích yếu"),
        "issued_date": _("Ngày văn bản"),
        "organ_name": _("Cơ quan ban hành"),
        "kind": _("Loại sổ"),
        "snippet": _("Đoạn trích"),
    }


def chosen_columns(value: str | None) -> list[str]:
    """Return the known columns named in ``value`` (default: code, subject, date, organ)."""
    names = [name.strip() for name in (value or "").split(",") if name.strip() in COLUMNS]
    return list(dict.fromkeys(names)) or ["code", "subject", "issued_date", "organ_name"]


def cell(result: SearchResult, column: str) -> str:
    hit = result.hit
    values = {
        "code": f"{hit.code_number}/{hit.code_notation}".strip("/"),
        "subject": hit.subject,
        "issued_date": format_date(hit.issued_date) if hit.issued_date else "",
        "organ_name": hit.organ_name,
        "kind": _("Văn bản đến") if hit.kind == "incoming" else _("Văn bản đi"),
        "snippet": html.unescape(result.snippet.replace("<mark>", "").replace("</mark>", "")),
    }
    return values[column]


def collect(*, actor: User, query: SearchExportQueryIn) -> list[SearchResult]:
    """Return up to MAX_ROWS results of ``query`` for ``actor``."""
    rows: list[SearchResult] = []
    cursor = query.cursor
    while len(rows) < MAX_ROWS:
        page = search_for(
            actor=actor,
            q=query.q,
            filters=filters_of(query),
            sort=Sort(query.sort),
            limit=100,
            cursor=cursor,
        )
        rows.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    return rows[:MAX_ROWS]


def export_results(*, actor: User, query: SearchExportQueryIn) -> HttpResponse:
    """Return the results of ``query`` as a file in ``query.format``; the export is audited."""
    rows = collect(actor=actor, query=query)
    columns = chosen_columns(query.columns)
    table = [[cell(result, column) for column in columns] for result in rows]
    titles = column_titles()
    header = [titles[column] for column in columns]
    writers: dict[str, Callable[[list[str], list[list[str]]], bytes]] = {
        "xlsx": _xlsx,
        "docx": _docx,
        "pdf": _pdf,
    }
    content = writers[query.format](header, table)
    with transaction.atomic():
        record(
            action="search.exported",
            actor=actor,
            data={"q": query.q[:500], "format": query.format, "rows": len(rows)},
        )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content, content_type=_MEDIA[query.format])
    response["Content-Disposition"] = (
        f'attachment; filename="ket-qua-tim-kiem-{stamp}.{query.format}"'
    )
    return response


def _xlsx(header: list[str], table: list[list[str]]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet  # noqa: S101
    sheet.title = _("Kết quả tìm kiếm")[:31]
    sheet.append(header)
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(header: list[str], table: list[list[str]]) -> bytes:
    import docx  # noqa: PLC0415

    document = docx.Document()
    document.add_heading(_("Kết quả tìm kiếm văn bản"), level=1)
    grid = document.add_table(rows=1, cols=len(header))
    for position, title in enumerate(header):
        grid.rows[0].cells[position].text = title
    for row in table:
        cells = grid.add_row().cells
        for position, value in enumerate(row):
            cells[position].text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(header: list[str], table: list[list[str]]) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: PLC0415

    head = "".join(f"<th>{html.escape(title)}</th>" for title in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(value)}</td>" for value in row) + "</tr>"
        for row in table
    )
    page = (
        "<html><head><meta charset='utf-8'><style>"
        "@page{size:A4 landscape;margin:15mm}body{font-family:'Liberation Serif';font-size:11pt}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:3px}"
        f"</style></head><body><h1>{html.escape(_('Kết quả tìm kiếm văn bản'))}</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )
    result: bytes = HTML(string=page).write_pdf()
    return result
