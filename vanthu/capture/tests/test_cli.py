"""``python manage.py extract_metadata FILE [--json]``."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vanthu.capture.extract import FIELDS
from vanthu.capture.tests.conftest import CORRUPT_PDF, DATA

pytestmark = [pytest.mark.django_db]


def test_json_output_has_exactly_the_fields_with_value_and_confidence() -> None:
    out = StringIO()
    call_command("extract_metadata", str(DATA / "cong-van.pdf"), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data) == list(FIELDS)
    assert all(set(item) == {"value", "confidence"} for item in data.values())
    assert data["code_notation"]["value"] == "UBND-VP"
    assert data["issued_date"]["value"] == "2022-05-13"


def test_text_output_is_one_line_per_field() -> None:
    out = StringIO()
    call_command("extract_metadata", str(DATA / "quyet-dinh.docx"), stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(FIELDS)
    assert lines[0].startswith("type_name") and "Quyết định" in lines[0]


def test_missing_and_corrupt_files_are_command_errors(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("extract_metadata", str(tmp_path / "khong-co.pdf"))
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(CORRUPT_PDF)
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("extract_metadata", str(broken), "--json")
