"""Revoke every live API token of a user."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from vanthu.accounts.selectors import user_get_by_username
from vanthu.accounts.tokens import tokens_revoke_all


class Command(BaseCommand):
    help = "Thu hồi mọi mã truy cập API còn hiệu lực của người dùng."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_get_by_username(username=options["username"])
        if user is None:
            raise CommandError(_("Không tìm thấy người dùng: %(username)s") % options)
        count = tokens_revoke_all(user=user, actor=None)
        self.stdout.write(_("Đã thu hồi %(count)d mã truy cập.") % {"count": count})
