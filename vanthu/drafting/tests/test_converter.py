"""The resident LibreOffice: reused, restarted after a crash, cold path when it cannot start."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from vanthu.drafting import converter
from vanthu.drafting.converter import ResidentConverter, resident_converter
from vanthu.drafting.pdf import PdfConversionError, docx_to_pdf, soffice_path
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import decision


@pytest.fixture(scope="module")
def decision_docx() -> bytes:
    return render_docx(decision(), number=5, issued_on=dt.date(2026, 1, 5))


def _live_members(group: int) -> list[int]:
    """Processes of ``group`` still alive (zombies left to the container's init do not count)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def _text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_resident_converter_is_reused_and_fast(decision_docx: bytes) -> None:
    docx_to_pdf(decision_docx)  # starts it if this process has none yet
    resident = resident_converter()
    assert resident.running and resident.healthy()
    process = resident._process
    started = time.perf_counter()
    pdf = docx_to_pdf(decision_docx)
    elapsed = time.perf_counter() - started
    assert resident._process is process  # the same LibreOffice served both
    assert "Số: 05/QĐ-SNV" in _text(pdf)
    assert elapsed < 2.0  # the budget per conversion


def test_a_crashed_converter_is_restarted(decision_docx: bytes) -> None:
    docx_to_pdf(decision_docx)
    resident = resident_converter()
    process = resident._process
    assert process is not None
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not resident.healthy()
    assert "QUYẾT ĐỊNH" in _text(docx_to_pdf(decision_docx))
    assert resident.running and resident._process is not process


def test_a_converter_that_cannot_start_falls_back_to_the_cold_path(
    decision_docx: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "uno_service.py"
    broken.write_text("import sys\nsys.exit(5)\n")
    monkeypatch.setattr(converter, "SERVICE_SCRIPT", broken)
    lonely = ResidentConverter()
    monkeypatch.setattr(converter, "_resident", lonely)
    pdf = docx_to_pdf(decision_docx)
    assert "Số: 05/QĐ-SNV" in _text(pdf)
    assert not lonely.running
    assert lonely._unavailable_until > time.monotonic()  # not retried on every call


def test_a_broken_document_is_refused_and_the_converter_stays(decision_docx: bytes) -> None:
    docx_to_pdf(decision_docx)
    resident = resident_converter()
    process = resident._process
    broken = decision_docx[: len(decision_docx) // 2]
    with pytest.raises(PdfConversionError) as caught:
        resident.convert(broken, pdfa=False, timeout=30, soffice=soffice_path())
    assert caught.value.code == "pdf_conversion_failed"
    assert resident._process is process and resident.healthy()


def test_stop_ends_libreoffice_with_its_launcher(decision_docx: bytes) -> None:
    own = ResidentConverter()
    own.convert(decision_docx, pdfa=False, timeout=60, soffice=soffice_path())
    process = own._process
    assert process is not None
    group = process.pid
    own.stop()
    assert not own.running
    deadline = time.monotonic() + 5
    while _live_members(group) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _live_members(group) == []


def test_turned_off_uses_the_cold_path(
    decision_docx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    lonely = ResidentConverter()
    monkeypatch.setattr(converter, "_resident", lonely)
    monkeypatch.setenv("VANTHU_PDF_RESIDENT", "0")
    assert "QUYẾT ĐỊNH" in _text(docx_to_pdf(decision_docx))
    assert not lonely.running


def test_a_forked_child_leaves_the_parents_converter_alone(decision_docx: bytes) -> None:
    own = ResidentConverter()
    own.convert(decision_docx, pdfa=False, timeout=60, soffice=soffice_path())
    child = os.fork()
    if child == 0:  # the child: forget, then "stop" at exit — it must not touch the parent's
        own.forget_after_fork()
        own.stop()
        os._exit(0 if own._process is None else 1)
    _pid, status = os.waitpid(child, 0)
    try:
        assert os.waitstatus_to_exitcode(status) == 0
        assert own.healthy()
    finally:
        own.stop()


def test_libreoffice_is_recycled_after_many_conversions(
    decision_docx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(converter, "RECYCLE_AFTER", 2)
    own = ResidentConverter()
    try:
        own.convert(decision_docx, pdfa=False, timeout=60, soffice=soffice_path())
        first = own._process
        own.convert(decision_docx, pdfa=False, timeout=60, soffice=soffice_path())
        assert not own.healthy()  # stopped after the second conversion
        own.convert(decision_docx, pdfa=False, timeout=60, soffice=soffice_path())
        assert own.healthy()
        assert own._process is not first
    finally:
        own.stop()
