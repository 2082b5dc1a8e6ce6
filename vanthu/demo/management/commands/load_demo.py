"""``manage.py load_demo [--documents N] [--seed S]``: the demo province of Kiên Giang."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from vanthu.demo.certificates_demo import DEMO_CERT_PASSWORD, DEMO_SIGNERS
from vanthu.demo.constants import DEMO_PASSWORD, DEMO_YEAR
from vanthu.demo.outgoing_summary import outgoing_summary
from vanthu.demo.selectors import DemoLogin, demo_counts, demo_logins
from vanthu.demo.services import demo_documents_generate, demo_load
from vanthu.demo.synthetic import DEFAULT_BATCH_SIZE

DEFAULT_SEED = 2020
LABELS = {
    "document_types": _lazy("loại văn bản"),
    "agencies": _lazy("cơ quan"),
    "units": _lazy("đơn vị"),
    "users": _lazy("người dùng"),
    "register_books": _lazy("sổ đăng ký"),
    "documents": _lazy("văn bản"),
    "incoming_records": _lazy("văn bản đến"),
    "deliveries": _lazy("lượt gửi văn bản giữa các cơ quan"),
    "outgoing_drafts": _lazy("dự thảo văn bản đi"),
    "outgoing_records": _lazy("văn bản đi đã phát hành"),
    "outgoing_copies": _lazy("bản sao văn bản đi"),
    "outgoing_recalls": _lazy("văn bản đi bị thu hồi"),
    "file_plans": _lazy("danh mục hồ sơ"),
    "dossiers": _lazy("hồ sơ"),
    "filed_documents": _lazy("lượt lập hồ sơ văn bản"),
    "handovers": _lazy("đợt nộp lưu"),
    "kept_back_dossiers": _lazy("hồ sơ giữ lại"),
    "certificates": _lazy("chứng thư số dùng thử"),
}


class Command(BaseCommand):
    help = _(
        "Nạp dữ liệu mẫu tỉnh Kiên Giang (cơ quan, đơn vị, người dùng, sổ đăng ký, văn bản năm "
        "2020); chạy lại không thay đổi gì. --documents N thêm N văn bản tổng hợp."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--documents",
            type=int,
            default=0,
            metavar="N",
            help=_("Thêm N văn bản tổng hợp (2020 đến nay) để đo hiệu năng."),
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=_("Hạt giống ngẫu nhiên: cùng hạt giống cho cùng văn bản."),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=_("Số văn bản ghi trong mỗi giao dịch."),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Không hiện thanh tiến trình.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count: int = options["documents"]
        if count < 0 or options["batch_size"] < 1:
            raise CommandError(_("Số văn bản và cỡ lô phải là số dương."))
        result = demo_load()
        if result.changed:
            created = ", ".join(
                f"{value} {LABELS.get(key, key)}" for key, value in result.created.items()
            )
            self.stdout.write(_("Đã tạo mới: %(created)s.") % {"created": created})
        else:
            self.stdout.write(_("Dữ liệu mẫu đã có sẵn, không có gì thay đổi."))
        if count:
            self._generate(count, options)
        self._summary()

    def _generate(self, count: int, options: dict[str, Any]) -> None:
        started = time.perf_counter()
        demo_documents_generate(
            count=count,
            seed=options["seed"],
            batch_size=options["batch_size"],
            progress=False if options["no_progress"] else None,
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            _(
                "Đã thêm %(count)d văn bản tổng hợp trong %(seconds).1f giây "
                "(%(rate).0f văn bản/giây)."
            )
            % {"count": count, "seconds": seconds, "rate": count / max(seconds, 1e-9)}
        )

    def _summary(self) -> None:
        counts = demo_counts()
        self.stdout.write(
            _(
                "Tỉnh Kiên Giang (dữ liệu mẫu, năm %(year)d): %(agencies)d cơ quan, "
                "%(units)d đơn vị, %(users)d người dùng, %(register_books)d sổ đăng ký, "
                "%(documents)d văn bản."
            )
            % {"year": DEMO_YEAR, **counts}
        )
        self.stdout.write(outgoing_summary())
        self.stdout.write("")
        self.stdout.write(
            _("Tài khoản dùng thử (mật khẩu chung: %(password)s)") % {"password": DEMO_PASSWORD}
        )
        self.stdout.write(format_logins(demo_logins()))
        self.stdout.write("")
        self.stdout.write(
            _(
                "Chứng thư số dùng thử (PKCS#12, mật khẩu/PIN: %(password)s): %(signers)s "
                "và con dấu của cơ quan họ."
            )
            % {"password": DEMO_CERT_PASSWORD, "signers": ", ".join(DEMO_SIGNERS)}
        )


def format_logins(logins: list[DemoLogin]) -> str:
    """Return the demo logins as an aligned plain-text table."""
    header = (_("Tên đăng nhập"), _("Họ và tên"), _("Vai trò"), _("Cơ quan"))
    rows = [tuple(str(cell) for cell in header)]
    rows += [(login.username, login.full_name, login.roles, login.agency) for login in logins]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
