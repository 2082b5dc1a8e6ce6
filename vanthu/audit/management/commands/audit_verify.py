"""``manage.py audit_verify``: check the audit hash chain; exit 1 at the first break."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from vanthu.audit.guards import missing_triggers
from vanthu.audit.verify import DEFAULT_BATCH_SIZE, verify_chain


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi nhật ký kiểm tra (mã băm nối tiếp)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help="Số sự kiện đọc mỗi lượt (mặc định %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError(_("--batch-size phải lớn hơn 0."))
        missing = missing_triggers()
        if missing:
            self.stderr.write(
                _("Cảnh báo: thiếu trigger chống sửa/xóa nhật ký: %(names)s.")
                % {"names": ", ".join(sorted(missing))}
            )
        result = verify_chain(batch_size=options["batch_size"])
        if not result.ok:
            raise CommandError(
                _("Chuỗi nhật ký bị phá vỡ [%(code)s]. %(message)s Đã kiểm tra %(count)s sự kiện.")
                % {"code": result.code, "message": result.message, "count": result.checked},
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(result.message))
