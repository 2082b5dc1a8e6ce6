"""Helpers of the report tests: open generated files, build a small register (no tests here)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office

A4_LANDSCAPE = (842, 595)  # points, rounded
A4_PORTRAIT = (595, 842)
MARCH = dt.date(2025, 3, 1)


def open_xlsx(content: bytes) -> Workbook:
    """Return the workbook of ``content``."""
    return load_workbook(io.BytesIO(content))


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_pages(content: bytes) -> list[str]:
    """Return the text of each page as pdftotext (poppler) extracts it, spaces collapsed."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def pdf_text(content: bytes) -> str:
    """Return the text of the whole PDF, spaces collapsed."""
    return " ".join(pdf_pages(content))


def page_sizes(content: bytes) -> list[tuple[int, int]]:
    """Return the (width, height) of each page in points, rounded."""
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in pdf_reader(content).pages
    ]


def save_png(content: bytes, target: Path) -> Path:
    """Render the first page of a PDF to PNG at 60 dpi (to look at it)."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None
    pdf = target.with_suffix(".pdf")
    pdf.write_bytes(content)
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf), str(target)], check=True
    )
    return target


def register_march(office: Office) -> list[IncomingRecord]:
    """Register four ordinary documents in March 2025 (numbers 01–04, in arrival order)."""
    days = (MARCH, MARCH + dt.timedelta(days=3), MARCH + dt.timedelta(days=3), dt.date(2025, 3, 20))
    subjects = (
        "Kiểm tra công tác văn thư, lưu trữ năm 2025",
        "Hướng dẫn lập hồ sơ và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan",
        "Báo cáo kết quả thực hiện nhiệm vụ quý I",
        "Triển khai phần mềm quản lý văn bản điều hành",
    )
    return [
        office.register(on=day, subject=subject, issued_date=day - dt.timedelta(days=2))
        for day, subject in zip(days, subjects, strict=True)
    ]
