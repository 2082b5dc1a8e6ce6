"""Each appendix has its own page numbering (domain.md §1.9), read from the PDF's text layout."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.drafting.checker import check_docx
from vanthu.drafting.layout import PT_PER_MM, Page, read_layout
from vanthu.drafting.pdf import docx_to_pdf
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import LONG_SENTENCE, long_plan

DAY = dt.date(2026, 4, 23)
TOLERANCE = 3.0
TEXT_CENTRE = (30 + 210 - 15) / 2 * PT_PER_MM


def _appendix(title: str, clauses: int) -> dict[str, object]:
    body = [
        {"kind": "clause", "number": str(i), "text": LONG_SENTENCE} for i in range(1, 1 + clauses)
    ]
    return {"title": title, "body": body}


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    content = long_plan(
        paragraphs=10,
        appendices=[
            _appendix("Danh sách đơn vị được kiểm tra", 14),
            _appendix("Mẫu báo cáo", 10),
        ],
    )
    return render_docx(content, number=26, issued_on=DAY)


@pytest.fixture(scope="module")
def pages(docx_bytes: bytes) -> list[Page]:
    return read_layout(docx_to_pdf(docx_bytes))


def _parts(pages: list[Page]) -> list[list[Page]]:
    """Split the pages into the document and each appendix (which starts with "Phụ lục …")."""
    parts: list[list[Page]] = [[]]
    for page in pages:
        if page.lines and page.lines[0].text.startswith("Phụ lục "):
            parts.append([])
        parts[-1].append(page)
    return parts


def test_the_document_and_each_appendix_are_numbered_from_one(pages: list[Page]) -> None:
    parts = _parts(pages)
    assert [part[0].lines[0].text for part in parts[1:]] == ["Phụ lục I", "Phụ lục II"]
    assert all(len(part) >= 2 for part in parts), [len(part) for part in parts]
    for part in parts:
        assert part[0].page_number_line() is None  # the first page shows no number
        for position, page in enumerate(part[1:], start=2):
            number = page.page_number_line()
            assert number is not None, f"no number on PDF page {page.number}"
            assert number.text == str(position)
            assert abs(number.center_x - TEXT_CENTRE) <= TOLERANCE
            assert number.y_max <= 20 * PT_PER_MM


def test_the_checker_accepts_the_appendix_sections(docx_bytes: bytes) -> None:
    assert check_docx(docx_bytes) == []
