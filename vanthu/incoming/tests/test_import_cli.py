"""manage.py import_register: options, output, exit status."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.tests.factories import Office
from vanthu.incoming.tests.test_import_service import row
from vanthu.incoming.tests.test_import_support import ROWS, xlsx

pytestmark = pytest.mark.django_db


def command(path: Path, office: Office, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_register",
        str(path),
        "--agency",
        office.agency.organ_id,
        "--year",
        "2020",
        *args,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def test_a_dry_run_reports_and_writes_nothing(office: Office, tmp_path: Path) -> None:
    out, err = command(xlsx(tmp_path), office, "--dry-run")
    assert "Kiểm tra (không ghi)" in out
    assert "đã đọc 3 dòng, hợp lệ 3" in out
    assert "Kiểm tra" in err  # the progress bar
    assert not IncomingRecord.objects.exists()


def test_an_import_by_abbreviation_with_book_and_user(office: Office, tmp_path: Path) -> None:
    out, _err = command(
        xlsx(tmp_path),
        office,
        "--agency",
        office.agency.abbreviation,
        "--book",
        office.book.name,
        "--user",
        office.clerk.username,
        "--no-progress",
    )
    assert "đã ghi 3" in out
    assert IncomingRecord.objects.filter(register_book=office.book).count() == 3
    rerun, _err = command(xlsx(tmp_path), office, "--no-progress")
    assert "đã có trong sổ 3, đã ghi 0" in rerun


def test_errors_exit_with_status_1_and_write_nothing(office: Office, tmp_path: Path) -> None:
    path = xlsx(tmp_path, [row(1), row(2, c1="hai")])
    with pytest.raises(CommandError) as caught:
        command(path, office, "--no-progress")
    assert caught.value.returncode == 1
    assert "chưa ghi dòng nào" in str(caught.value)
    assert not IncomingRecord.objects.exists()
    out, _err = command(path, office, "--no-progress", "--skip-invalid")
    assert "dòng 8, cột B (Số đến) «hai»: Số đến phải là một số nguyên dương." in out
    assert IncomingRecord.objects.count() == 1


def test_the_map_option_chooses_columns(office: Office, tmp_path: Path) -> None:
    reordered = [(r[1], r[0], r[2], r[3], r[4], r[5]) for r in ROWS]
    path = xlsx(tmp_path, reordered)  # headings say A = Ngày đến, B = Số đến: wrong here
    mapping = "so_den=A,ngay_den=B"
    out, _err = command(path, office, "--map", mapping, "--no-progress")
    assert "đã ghi 3" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--agency", "KHONG-CO"), "Không có cơ quan"),
        (("--book", "Sổ khác"), "Không có sổ đăng ký văn bản đến"),
        (("--map", "so_xx=B"), "Không có cột"),
        (("--user", "ai-do"), "Không có người dùng"),
        (("--sheet", "Trang 9"), "Không có trang tính"),
    ],
)
def test_bad_options_are_explained(
    office: Office, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        command(xlsx(tmp_path), office, "--no-progress", *args)
