"""Open untrusted bytes as a PDF for validation: never raises on bad input, says why instead."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

_PDF_MAGIC = b"%PDF-"
# PDF 32000 §7.5.2: readers accept the header within the first 1024 bytes.
_HEADER_WINDOW = 1024


@dataclass
class OpenedPdf:
    """A readable PDF and its signatures (and document time-stamps), in file order."""

    reader: PdfFileReader
    signatures: list[EmbeddedPdfSignature]


@dataclass
class UnreadablePdf:
    """Why the bytes could not be read as a PDF (Vietnamese)."""

    message: str


def open_pdf(data: bytes) -> OpenedPdf | UnreadablePdf:
    """Parse ``data``; return its signatures, or why it cannot be read."""
    if _PDF_MAGIC not in data[:_HEADER_WINDOW]:
        return UnreadablePdf(_("Tệp không phải là tệp PDF."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            return UnreadablePdf(
                _("Tệp PDF đã bị mã hóa (đặt mật khẩu): không thể kiểm tra chữ ký số.")
            )
        signatures = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - untrusted input: any parser failure means unreadable
        return UnreadablePdf(
            _("Tệp PDF bị hỏng hoặc không đầy đủ (ví dụ tải về bị cắt ngang): không đọc được.")
        )
    return OpenedPdf(reader=reader, signatures=signatures)
