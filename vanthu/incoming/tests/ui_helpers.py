"""Helpers of the incoming screen tests: a small valid PDF and the registration form body."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfWriter


def pdf_bytes(pages: int = 1) -> bytes:
    """Return a minimal valid PDF of blank A4 pages (a stand-in for a scan)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def form_body(**changes: Any) -> dict[str, Any]:
    """Return the registration form of the issue's minimal document, with ``changes``."""
    body: dict[str, Any] = {
        "organ_name": "Sở Nội vụ tỉnh Kiên Giang",
        "code_number": "26",
        "code_notation": "KH-SNV",
        "issued_date": "23/04/2020",
        "type_code": "10",
        "subject": "Kiểm tra công tác văn thư, lưu trữ năm 2020",
        "urgency": "normal",
        "confidentiality": "0",
        "signer_position": "Giám đốc",
        "signer_full_name": "Nguyễn Văn A",
        "to_places": "",
        "language": "01",
        "page_amount": "4",
        "due_date": "",
        "register_book": "",
    }
    body.update(changes)
    return body
