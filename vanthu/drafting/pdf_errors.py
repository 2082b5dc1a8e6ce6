"""The errors of DOCX → PDF conversion (Vietnamese messages, stable codes)."""

from __future__ import annotations

from typing import ClassVar

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import DomainError


class PdfConversionError(DomainError):
    """LibreOffice could not turn the document into a PDF."""

    code: ClassVar[str] = "pdf_conversion_failed"
    status: ClassVar[int] = 422
    default_message = _("Không chuyển được văn bản sang PDF. Hãy kiểm tra tệp DOCX rồi thử lại.")


class PdfConverterMissingError(PdfConversionError):
    code: ClassVar[str] = "pdf_converter_missing"
    status: ClassVar[int] = 503
    default_message = _("Máy chủ chưa cài LibreOffice nên không chuyển được văn bản sang PDF.")


class PdfConversionTimeoutError(PdfConversionError):
    code: ClassVar[str] = "pdf_conversion_timeout"
    status: ClassVar[int] = 503
    default_message = _("Chuyển văn bản sang PDF quá lâu nên đã dừng. Hãy thử lại sau.")
