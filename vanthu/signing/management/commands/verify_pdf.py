"""``manage.py verify_pdf FILE.pdf [--json] [--trust ROOT.pem …] [--offline]``.

Exit status: 0 when the file is signed and every signature is valid and trusted (warnings
allowed, e.g. revocation unreachable), 1 when a signature is invalid or untrusted or there is
none, 2 when the file (or a trust root) cannot be read. The trust store is the given roots plus
the installation-wide trust roots.
"""

from __future__ import annotations

import json
import logging
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from vanthu.signing.enums import ReportStatus
from vanthu.signing.reports import trust_roots_for
from vanthu.signing.validation import (
    SignatureCheck,
    TrustRootError,
    ValidationResult,
    load_certificates,
    validate_pdf,
)
from vanthu.signing.validation.labels import (
    COVERAGE_LABELS,
    REVOCATION_LABELS,
    TIME_SOURCE_LABELS,
    label,
    yes_no,
)

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
_QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


def exit_status(result: ValidationResult) -> int:
    """Return the command's exit status for a validation result."""
    if result.status == ReportStatus.UNREADABLE:
        return EXIT_UNREADABLE
    return EXIT_VALID if result.all_valid_and_trusted else EXIT_INVALID


class Command(BaseCommand):
    help = "Kiểm tra chữ ký số của một tệp PDF."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="Tệp PDF cần kiểm tra")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON")
        parser.add_argument(
            "--trust",
            type=Path,
            action="append",
            default=[],
            help="Chứng thư gốc tin cậy (PEM hoặc DER); có thể lặp lại",
        )
        parser.add_argument(
            "--offline",
            action="store_true",
            help="Không tải danh sách thu hồi (CRL/OCSP) từ mạng",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verbosity"] < 2:
            for name in _QUIET_LOGGERS:
                logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            data = Path(options["file"]).read_bytes()
            roots = [path.read_bytes() for path in options["trust"]]
            for root in roots:
                load_certificates(root)
        except (OSError, TrustRootError) as exc:
            self.stderr.write(f"Không đọc được tệp: {exc}")
            raise SystemExit(EXIT_UNREADABLE) from exc
        result = validate_pdf(
            data,
            trust_roots=roots + self._installation_roots(),
            allow_fetching=not options["offline"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        else:
            self._write_text(result)
        status = exit_status(result)
        if status != EXIT_VALID:
            raise SystemExit(status)

    def _installation_roots(self) -> list[bytes]:
        try:
            return trust_roots_for(agency_id=None)
        except DatabaseError as exc:
            # No database (or not migrated): the roots given with --trust still work.
            self.stderr.write(f"Không đọc được kho chứng thư tin cậy của hệ thống: {exc}")
            return []

    def _write_text(self, result: ValidationResult) -> None:
        self.stdout.write(f"{ReportStatus(result.status).label}: {result.summary}")
        for number, check in enumerate(result.signatures, start=1):
            self._write_check(number, check)

    def _write_check(self, number: int, check: SignatureCheck) -> None:
        verdict = ReportStatus(check.status).label
        self.stdout.write(f"#{number} {check.field_name} — {check.signer_cn} — {verdict}")
        if check.signing_time:
            source = label(TIME_SOURCE_LABELS, check.signing_time_source)
            self.stdout.write(f"   Thời điểm ký: {check.signing_time} ({source})")
        self.stdout.write(
            f"   Phạm vi: {label(COVERAGE_LABELS, check.coverage.value)}; "
            f"toàn vẹn: {yes_no(value=check.integrity)}; tin cậy: {yes_no(value=check.trusted)}; "
            f"thu hồi: {label(REVOCATION_LABELS, check.revocation.value)}"
        )
        for message in [*check.messages, *check.warnings]:
            self.stdout.write(f"   - {message}")
