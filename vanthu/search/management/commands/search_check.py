"""``manage.py search_check``: report the documents missing from the search index."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vanthu.search.indexing import missing_entries
from vanthu.search.models import PendingEntry


class Command(BaseCommand):
    help = "Kiểm tra các văn bản chưa có trong chỉ mục tìm kiếm."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--show", type=int, default=20, help="Số mục thiếu được liệt kê.")

    def handle(self, *args: Any, **options: Any) -> None:
        missing = missing_entries()
        pending = PendingEntry.objects.count()
        for value in missing[: options["show"]]:
            self.stdout.write(f"thiếu: {value}")
        self.stdout.write(f"Thiếu trong chỉ mục: {len(missing)}; đang chờ lập chỉ mục: {pending}.")
        if missing:
            raise CommandError(
                "Chỉ mục tìm kiếm chưa đầy đủ: chạy `python manage.py reindex` để lập lại."
            )
