"""``manage.py check_format``: Vietnamese output, exit status, --json, --fix."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vanthu.drafting.checker import check_docx
from vanthu.drafting.management.commands.check_format import Command
from vanthu.drafting.tests.corpus.builder import build_docx
from vanthu.drafting.tests.corpus.documents import giay_moi


def _run(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command(Command(), *args, stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def correct(tmp_path: Path) -> Path:
    path = tmp_path / "dung.docx"
    path.write_bytes(build_docx(giay_moi()))
    return path


@pytest.fixture
def faulty(tmp_path: Path) -> Path:
    spec = giay_moi()
    spec.margins = {**spec.margins, "left": 25}
    spec.motto = "Độc lập-Tự do-Hạnh phúc"
    path = tmp_path / "sai.docx"
    path.write_bytes(build_docx(spec))
    return path


def test_a_correct_document_exits_0(correct: Path) -> None:
    status, output = _run(str(correct))
    assert status == 0
    assert "Không phát hiện sai sót" in output


def test_errors_are_printed_in_vietnamese_and_exit_1(faulty: Path) -> None:
    status, output = _run(str(faulty))
    assert status == 1
    assert "[LỖI] Lề trang: lề trái 25.0 mm" in output
    assert "Tiêu ngữ" in output
    assert "Tổng cộng: 2 lỗi, 0 cảnh báo." in output


def test_json_output_lists_the_findings(faulty: Path) -> None:
    status, output = _run(str(faulty), "--json")
    assert status == 1
    body = json.loads(output)
    assert {(f["component"], f["rule"]) for f in body["findings"]} == {
        ("margins", "margin_left"),
        ("motto", "hyphens"),
    }


def test_fix_writes_a_corrected_file_and_reports_what_remains(faulty: Path, tmp_path: Path) -> None:
    out = tmp_path / "da_sua.docx"
    status, output = _run(str(faulty), "--fix", str(out), "--json")
    body = json.loads(output)
    assert [f["rule"] for f in body["fixed"]] == ["margin_left"]
    assert [f["rule"] for f in body["remaining"]] == ["hyphens"]
    assert status == 1  # the motto is content: the drafter must fix it
    assert [(f.component, f.rule) for f in check_docx(out.read_bytes())] == [("motto", "hyphens")]


def test_a_broken_or_missing_file_is_a_command_error(tmp_path: Path) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(CommandError, match="DOCX"):
        _run(str(broken))
    with pytest.raises(CommandError, match="Không đọc được"):
        _run(str(tmp_path / "khong_co.docx"))
