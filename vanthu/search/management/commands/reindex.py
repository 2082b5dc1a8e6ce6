"""``manage.py reindex``: rebuild the search index from the database (progress bar, batches)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from vanthu.search.indexing import BATCH, index_pending, reindex_all, total_entries


class Command(BaseCommand):
    help = "Lập lại chỉ mục tìm kiếm từ cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--pending", action="store_true", help="Chỉ lập chỉ mục các mục đang chờ."
        )
        parser.add_argument(
            "--keep", action="store_true", help="Không xóa chỉ mục cũ trước khi lập lại."
        )
        parser.add_argument("--batch", type=int, default=BATCH, help="Số mục mỗi lượt.")
        parser.add_argument("--no-progress", action="store_true", help="Không hiện tiến trình.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["pending"]:
            done = index_pending(batch=options["batch"])
            self.stdout.write(f"Đã lập chỉ mục {done} mục đang chờ.")
            return
        bar = tqdm(
            total=total_entries(),
            unit="vb",
            disable=options["no_progress"],
            file=self.stderr,
        )
        with bar:
            done = reindex_all(
                clear=not options["keep"], batch=options["batch"], progress=bar.update
            )
        self.stdout.write(f"Đã lập chỉ mục {done} văn bản.")
