"""docx_to_pdf: LibreOffice headless, PDF/A-2b, own profile per call, clear errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from vanthu.drafting.pdf import (
    PdfConversionError,
    PdfConversionTimeoutError,
    PdfConverterMissingError,
    _profile,
    docx_to_pdf,
)
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import decision, official_letter


@pytest.fixture(scope="module")
def decision_docx() -> bytes:
    return render_docx(decision(), number=5, issued_on=dt.date(2026, 1, 5))


def test_converts_a_rendered_document_to_a4_pdf(decision_docx: bytes) -> None:
    pdf = docx_to_pdf(decision_docx)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "Số: 05/QĐ-SNV" in reader.pages[0].extract_text()


def test_pdfa_2b_declares_its_conformance(decision_docx: bytes) -> None:
    reader = PdfReader(io.BytesIO(docx_to_pdf(decision_docx, pdfa=True)))
    metadata = reader.xmp_metadata
    assert metadata is not None
    xmp = metadata.stream.get_data().decode("utf-8")
    assert 'pdfaid:part="2"' in xmp or "<pdfaid:part>2</pdfaid:part>" in xmp
    assert 'pdfaid:conformance="B"' in xmp or "<pdfaid:conformance>B</pdfaid:conformance>" in xmp


def test_concurrent_conversions_each_succeed() -> None:
    sources = [render_docx(decision()), render_docx(official_letter())]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(docx_to_pdf, sources))
    texts = [PdfReader(io.BytesIO(pdf)).pages[0].extract_text() for pdf in results]
    assert "QUYẾT ĐỊNH" in texts[0]
    assert "Kính gửi" in texts[1]


def test_not_a_docx_is_refused_in_vietnamese() -> None:
    with pytest.raises(PdfConversionError) as caught:
        docx_to_pdf(b"%PDF-1.4 this is not a Word file")
    assert caught.value.code == "pdf_conversion_failed"
    assert "DOCX" in caught.value.message and "không" in caught.value.message.lower()


def test_broken_zip_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<broken")
    with pytest.raises(PdfConversionError) as caught:
        docx_to_pdf(buffer.getvalue()[:60])
    assert caught.value.status == 422


def test_timeout_stops_the_conversion(decision_docx: bytes) -> None:
    with pytest.raises(PdfConversionTimeoutError) as caught:
        docx_to_pdf(decision_docx, timeout=0.05)
    assert caught.value.code == "pdf_conversion_timeout"
    assert "quá lâu" in caught.value.message


def test_missing_libreoffice_is_a_clear_error(
    decision_docx: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PdfConverterMissingError) as caught:
        docx_to_pdf(decision_docx)
    assert "LibreOffice" in caught.value.message


def test_profiles_in_use_are_never_shared() -> None:
    with _profile() as first, _profile() as second:
        assert first != second
    with _profile() as again:
        assert again == first  # a released warm slot is reused
