"""Extract the proposals of a file on disk or an upload (the CLI and the API share this)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings

from vanthu.capture.errors import CorruptFileError
from vanthu.capture.extract import extract_proposals, proposals_json
from vanthu.capture.selectors import known_agencies
from vanthu.capture.sources import read_pages
from vanthu.core.errors import DomainError
from vanthu.documents.blobs import CHUNK_SIZE, Readable
from vanthu.documents.errors import UploadEmptyError, UploadTooLargeError

logger = logging.getLogger("vanthu.capture")


def extract_file(path: Path) -> dict[str, dict[str, Any]]:
    """Return the proposals of the PDF, image or DOCX at ``path`` as JSON-ready data.

    A file that the tools read but cannot make sense of is reported as corrupt, never a 500.
    """
    try:
        _media_type, pages = read_pages(path)
    except DomainError:
        raise
    except Exception as exc:
        logger.warning("capture: unreadable file %s", path.name, exc_info=True)
        raise CorruptFileError from exc
    return proposals_json(extract_proposals(pages, agencies=known_agencies()))


def extract_upload(fileobj: Readable) -> dict[str, dict[str, Any]]:
    """Copy an upload to a temporary file (refusing empty or oversized ones) and extract it."""
    limit = settings.VANTHU_MAX_UPLOAD_BYTES
    with tempfile.TemporaryDirectory(prefix="vanthu-extract-") as folder:
        path = Path(folder) / "upload"
        size = 0
        with path.open("wb") as target:
            while chunk := fileobj.read(CHUNK_SIZE):
                size += len(chunk)
                if size > limit:
                    raise UploadTooLargeError
                target.write(chunk)
        if size == 0:
            raise UploadEmptyError
        return extract_file(path)
