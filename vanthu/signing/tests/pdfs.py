"""Test PDFs and the independent checks: poppler's pdfsig with an NSS database, pyHanko."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML  # type: ignore[import-untyped]

SAMPLE_HTML = """<html><head><style>@page {size: A4; margin: 20mm 15mm 20mm 30mm}
body {font-family: 'Liberation Serif'; font-size: 14pt}</style></head><body>
<p style="text-align:center"><b>QUYẾT ĐỊNH</b></p>
<p>Về việc thử nghiệm chữ ký số trên văn bản điện tử. Ủy ban nhân dân tỉnh Kiên Giang.</p>
</body></html>"""


def sample_pdf(html: str = SAMPLE_HTML) -> bytes:
    return bytes(HTML(string=html).write_pdf())


def nss_db(directory: Path, root_der: Path) -> str:
    """Create an NSS database trusting the test root; return the ``sql:`` path for pdfsig."""
    directory.mkdir(parents=True, exist_ok=True)
    if not (directory / "cert9.db").exists():
        subprocess.run(["certutil", "-N", "-d", f"sql:{directory}", "--empty-password"], check=True)
        subprocess.run(
            [
                "certutil",
                "-A",
                "-d",
                f"sql:{directory}",
                "-n",
                "vanthu-test-root",
                "-t",
                "CT,C,C",
                "-i",
                str(root_der),
            ],
            check=True,
        )
    return f"sql:{directory}"


def pdfsig(pdf: bytes, nssdir: str, tmp: Path) -> str:
    path = tmp / "pdfsig-input.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdfsig", "-nssdir", nssdir, str(path)], capture_output=True, text=True, check=False
    )
    return result.stdout + result.stderr


def pyhanko_statuses(pdf: bytes, root_der: bytes) -> list[Any]:
    """Validate every signature with pyHanko against the test root (CRLs fetched if reachable)."""
    root = asn1_x509.Certificate.load(root_der)
    reader = PdfFileReader(io.BytesIO(pdf))
    return [
        validate_pdf_signature(sig, ValidationContext(trust_roots=[root], allow_fetching=True))
        for sig in reader.embedded_signatures
    ]


def encrypted_pdf(pdf: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
