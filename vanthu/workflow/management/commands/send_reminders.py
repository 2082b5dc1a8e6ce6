"""``manage.py send_reminders [--date YYYY-MM-DD] [--enqueue]``: the daily digest of deadlines."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vanthu.workflow.reminder_delivery import reminders_send
from vanthu.workflow.tasks import send_daily_reminders


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            _("Ngày không hợp lệ: “%s”. Hãy nhập theo dạng YYYY-MM-DD.") % text
        ) from exc


class Command(BaseCommand):
    help = _(
        "Gửi bản tin nhắc hạn hằng ngày: thông báo trong hệ thống và thư điện tử về văn bản "
        "sắp đến hạn (trong 2 ngày làm việc) và quá hạn. Chạy lại trong ngày không gửi lại."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help=_("Ngày nhắc hạn (mặc định: hôm nay).")
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=_("Đưa vào hàng đợi tác vụ nền thay vì gửi ngay."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = _day(options["date"]) if options["date"] else None
        if options["enqueue"]:
            result = send_daily_reminders.enqueue(day.isoformat() if day else None)
            self.stdout.write(_("Đã đưa tác vụ nhắc hạn vào hàng đợi (mã %s).") % result.id)
            return
        summary = reminders_send(on=day)
        self.stdout.write(
            _(
                "Nhắc hạn ngày %(day)s: %(digests)d bản tin mới, %(notifications)d thông báo, "
                "%(emails)d thư điện tử; %(already_done)d bản tin đã gửi trước đó."
            )
            % {
                "day": f"{summary.day:%d/%m/%Y}",
                "digests": summary.digests,
                "notifications": summary.notifications,
                "emails": summary.emails,
                "already_done": summary.already_done,
            }
        )
