"""``manage.py send_handover_notices [--date YYYY-MM-DD]``: the daily hand-over due notices."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vanthu.archive.due import handover_due_notify


class Command(BaseCommand):
    help = _(
        "Báo trước 30 ngày cho người lập hồ sơ và lưu trữ viên về hồ sơ sắp đến hạn nộp lưu. "
        "Chạy lại trong ngày không báo lại."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--date", metavar="YYYY-MM-DD", help=_("Ngày (mặc định: hôm nay)."))

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(
                    _("Ngày không hợp lệ: “%s”. Hãy nhập theo dạng YYYY-MM-DD.") % options["date"]
                ) from exc
        sent = handover_due_notify(on=day)
        self.stdout.write(_("Đã gửi %d thông báo hạn nộp lưu.") % sent)
