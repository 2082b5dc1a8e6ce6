"""The text of a document's files for the index: OCR text, born-digital PDF text, DOCX text.

Capture writes OCR text as ``text/plain`` attachments (role ``ocr``); PDFs with a text layer
and DOCX files give their text directly. Unreadable files give no text (and are logged).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable

from vanthu.core.text import clean_text, legacy_to_unicode
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Attachment

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000
MAX_PDF_PAGES = 50
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attachments_text(attachments: Iterable[Attachment]) -> str:
    """Return the cleaned text of ``attachments`` (OCR text preferred over its source)."""
    chosen = list(attachments)
    ocr_sources = {a.derived_from_id for a in chosen if a.role == "ocr" and a.derived_from_id}
    parts: list[str] = []
    size = 0
    for attachment in chosen:
        if attachment.pk in ocr_sources:
            continue
        text = _text_of(attachment)
        if text:
            parts.append(text)
            size += len(text)
        if size >= MAX_CHARS:
            break
    return clean_text(legacy_to_unicode("\n".join(parts)))[:MAX_CHARS]


def _text_of(attachment: Attachment) -> str:
    media_type = attachment.blob.media_type
    try:
        if media_type.startswith("text/plain"):
            with blob_open(attachment.blob) as handle:
                return handle.read(MAX_CHARS * 4).decode("utf-8", errors="replace")
        if media_type == "application/pdf":
            return _pdf_text(attachment)
        if media_type == _DOCX:
            return _docx_text(attachment)
    except Exception:  # a corrupt file must not stop indexing
        logger.warning("no text from attachment %s", attachment.pk, exc_info=True)
    return ""


def _pdf_text(attachment: Attachment) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 — only when there is a PDF

    with blob_open(attachment.blob) as handle:  # a blob stream may not seek: read it first
        reader = PdfReader(io.BytesIO(handle.read()))
        if reader.is_encrypted:
            return ""
        pages = reader.pages[:MAX_PDF_PAGES]
        return "\n".join(page.extract_text() or "" for page in pages)


def _docx_text(attachment: Attachment) -> str:
    import docx  # noqa: PLC0415

    with blob_open(attachment.blob) as handle:
        document = docx.Document(io.BytesIO(handle.read()))
        return "\n".join(paragraph.text for paragraph in document.paragraphs)
