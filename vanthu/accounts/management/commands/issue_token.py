"""Print a new API token for a user; the token is alone on the last line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from vanthu.accounts.selectors import user_get_by_username
from vanthu.accounts.tokens import token_issue


class Command(BaseCommand):
    help = "Cấp một mã truy cập API mới cho người dùng (in ra một lần, ở dòng cuối)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_get_by_username(username=options["username"])
        if user is None or not user.is_active:
            raise CommandError(
                _("Không tìm thấy người dùng đang hoạt động: %(username)s") % options
            )
        raw = token_issue(user=user, actor=None)
        self.stdout.write(
            _("Mã truy cập API mới cho %(username)s (chỉ hiển thị một lần):") % options
        )
        self.stdout.write(raw)
