"""``manage.py check_format FILE.docx [--fix OUT.docx] [--json]``: the format checker's CLI.

Prints the findings in Vietnamese and exits 1 when an error is found (with ``--fix``: when an
error remains in the corrected file), 0 otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from vanthu.drafting.checker import Finding, InvalidDocxError, autocorrect_docx, check_docx
from vanthu.drafting.checker.messages import label

_SEVERITY = {"error": "LỖI", "warning": "CẢNH BÁO"}


class Command(BaseCommand):
    help = "Kiểm tra thể thức văn bản DOCX theo Phụ lục I Nghị định 30/2020/NĐ-CP."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp .docx cần kiểm tra.")
        parser.add_argument("--fix", metavar="OUT", help="Sửa tự động và ghi ra tệp OUT.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(gettext("Không đọc được tệp %(path)s.") % {"path": path}) from exc
        try:
            findings = check_docx(data)
            fixed: list[Finding] = []
            remaining = findings
            if options["fix"]:
                corrected, fixed = autocorrect_docx(data)
                Path(options["fix"]).write_bytes(corrected)
                remaining = check_docx(corrected)
        except InvalidDocxError as exc:
            raise CommandError(exc.message) from exc
        if options["json"]:
            self._print_json(findings, fixed, remaining, fix=bool(options["fix"]))
        else:
            self._print_text(findings, fixed, remaining, out=options["fix"])
        if any(item.severity == "error" for item in remaining):
            raise SystemExit(1)

    def _print_json(
        self, findings: list[Finding], fixed: list[Finding], remaining: list[Finding], *, fix: bool
    ) -> None:
        body: dict[str, Any] = {"findings": [f.model_dump() for f in findings]}
        if fix:
            body["fixed"] = [f.model_dump() for f in fixed]
            body["remaining"] = [f.model_dump() for f in remaining]
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))

    def _print_text(
        self,
        findings: list[Finding],
        fixed: list[Finding],
        remaining: list[Finding],
        *,
        out: str | None,
    ) -> None:
        if not findings:
            self.stdout.write(gettext("Không phát hiện sai sót về thể thức."))
        for item in findings:
            self.stdout.write(f"[{_SEVERITY[item.severity]}] {item.message}")
            self.stdout.write(
                f"    {label(item.component)} — " + gettext("Cách sửa: %(fix)s") % {"fix": item.fix}
            )
        errors = sum(1 for f in findings if f.severity == "error")
        self.stdout.write(
            gettext("Tổng cộng: %(errors)d lỗi, %(warnings)d cảnh báo.")
            % {"errors": errors, "warnings": len(findings) - errors}
        )
        if out:
            self.stdout.write(
                gettext("Đã sửa tự động %(fixed)d sai sót, ghi vào %(out)s; còn %(left)d sai sót.")
                % {"fixed": len(fixed), "out": out, "left": len(remaining)}
            )
