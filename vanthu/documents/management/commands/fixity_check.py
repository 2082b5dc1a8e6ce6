"""``manage.py fixity_check``: report every missing or damaged blob; exit 1 if there is any."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from vanthu.audit.services import record
from vanthu.documents.fixity import FixityStatus, blobs_verify


class Command(BaseCommand):
    help = _("Kiểm tra tính toàn vẹn (SHA-256) của mọi tệp lưu trữ.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=500, help=_("Số bản ghi đọc mỗi lượt.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        checked = missing = corrupted = 0
        for result in blobs_verify(batch_size=options["batch_size"]):
            checked += 1
            if result.status == FixityStatus.MISSING:
                missing += 1
                self.stdout.write(
                    _("THIẾU  tệp #%(id)s %(sha)s (khóa %(key)s): không tìm thấy trong kho.")
                    % {"id": result.blob_id, "sha": result.sha256, "key": result.storage_key}
                )
            elif result.status == FixityStatus.CORRUPTED:
                corrupted += 1
                self.stdout.write(
                    _("HỎNG   tệp #%(id)s %(sha)s (khóa %(key)s): mã băm thực tế %(actual)s.")
                    % {
                        "id": result.blob_id,
                        "sha": result.sha256,
                        "key": result.storage_key,
                        "actual": result.actual_sha256,
                    }
                )
        record(
            action="documents.fixity_checked",
            actor=None,
            data={"checked": checked, "missing": missing, "corrupted": corrupted},
        )
        summary = _("Đã kiểm tra %(checked)s tệp: %(missing)s thiếu, %(corrupted)s hỏng.") % {
            "checked": checked,
            "missing": missing,
            "corrupted": corrupted,
        }
        if missing or corrupted:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))
