"""``manage.py import_register FILE.xlsx --agency … --year …``: import a legacy incoming register.

Exits with status 1 when a row is invalid (a real run then writes nothing unless
``--skip-invalid``) or when the file, agency, book or mapping cannot be used.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vanthu.core.errors import DomainError
from vanthu.incoming.importer import (
    ImportOptions,
    ImportReport,
    agency_for,
    importer_for,
    parse_mapping,
    register_import,
)
from vanthu.incoming.importer.service import Progress


class Command(BaseCommand):
    help = "Nhập sổ đăng ký văn bản đến cũ từ tệp Excel (.xlsx)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="Tệp .xlsx")
        parser.add_argument("--agency", required=True, help="Mã định danh hoặc chữ viết tắt")
        parser.add_argument("--year", required=True, type=int, help="Năm của sổ")
        parser.add_argument("--book", help="Mã số hoặc tên sổ đăng ký văn bản đến")
        parser.add_argument("--sheet", help="Tên trang tính (mặc định: trang đầu)")
        parser.add_argument("--map", default="", help='Chọn cột, ví dụ "so_den=B,ngay_den=A"')
        parser.add_argument("--header-row", type=int, help="Số dòng tiêu đề (mặc định: tự tìm)")
        parser.add_argument("--user", help="Người nhập (mặc định: văn thư đầu tiên)")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi")
        parser.add_argument("--skip-invalid", action="store_true", help="Bỏ qua dòng lỗi")
        parser.add_argument("--no-progress", action="store_true", help="Không hiện tiến độ")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        try:
            agency = agency_for(options["agency"])
            actor = importer_for(agency, options["user"])
            report = register_import(
                actor=actor,
                source=path,
                options=ImportOptions(
                    year=options["year"],
                    book=options["book"],
                    sheet=options["sheet"],
                    mapping=parse_mapping(options["map"]),
                    header_row=options["header_row"],
                    dry_run=options["dry_run"],
                    skip_invalid=options["skip_invalid"],
                    filename=path.name,
                ),
                progress=None if options["no_progress"] else self._progress,
            )
        except DomainError as error:
            details = "; ".join(m for messages in error.fields.values() for m in messages)
            raise CommandError(f"{error.message} {details}".strip()) from error
        self._print(report)
        if report.error_count and not options["skip_invalid"]:
            raise CommandError(
                f"Có {report.error_count} lỗi ở {report.invalid_rows} dòng"
                + ("." if report.dry_run else "; chưa ghi dòng nào.")
            )

    def _progress(self, description: str, total: int | None) -> Progress:
        bar: Progress = tqdm(total=total, desc=description, unit=" dòng", file=self.stderr)
        return bar

    def _print(self, report: ImportReport) -> None:
        for error in report.errors:
            where = f"dòng {error.row}"
            if error.column:
                where += f", cột {error.column}"
            self.stdout.write(f"{where} ({error.heading}) «{error.value}»: {error.message}")
        if report.error_count > len(report.errors):
            self.stdout.write(f"… và {report.error_count - len(report.errors)} lỗi khác.")
        mode = "Kiểm tra (không ghi)" if report.dry_run else "Nhập sổ"
        self.stdout.write(
            f"{mode}: trang “{report.sheet}”, dòng tiêu đề {report.header_row}; "
            f"đã đọc {report.rows_read} dòng, hợp lệ {report.valid}, lỗi {report.invalid_rows}, "
            f"đã có trong sổ {report.already_imported}, "
            + (f"sẽ ghi {report.to_create}" if report.dry_run else f"đã ghi {report.created}")
            + f"; chuyển mã TCVN3/VNI {report.converted_cells} ô."
        )
        if report.missing_count:
            shown = ", ".join(map(str, report.missing_numbers))
            more = "…" if report.missing_count > len(report.missing_numbers) else ""
            self.stdout.write(f"Sổ thiếu {report.missing_count} số đến: {shown}{more}")
