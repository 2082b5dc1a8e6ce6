"""``python manage.py extract_metadata FILE [--json]``: propose a document's metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from vanthu.capture.extraction import extract_file
from vanthu.core.errors import DomainError


class Command(BaseCommand):
    help = "Bóc tách thông tin (số, ký hiệu, ngày, cơ quan, trích yếu…) từ tệp PDF, ảnh hoặc DOCX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=_("Tệp PDF, ảnh (JPEG, PNG, TIFF) hoặc DOCX"))
        parser.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON"))

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        try:
            proposals = extract_file(path)
        except DomainError as error:
            raise CommandError(error.message) from error
        if options["json"]:
            self.stdout.write(json.dumps(proposals, ensure_ascii=False, indent=2))
            return
        for name, proposal in proposals.items():
            value = proposal["value"]
            shown = "; ".join(value) if isinstance(value, list) else (value or "—")
            self.stdout.write(f"{name:18} {proposal['confidence']:.2f}  {shown}")
