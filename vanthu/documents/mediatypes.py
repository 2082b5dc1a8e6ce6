"""Detect a file's media type from its content, never from its name or the client's claim."""

from __future__ import annotations

import zipfile
from pathlib import Path

import magic

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ZIP = "application/zip"
TEXT = "text/plain"
MP3 = "audio/mpeg"
MP4 = "video/mp4"

ALLOWED_MEDIA_TYPES: frozenset[str] = frozenset(
    {PDF, JPEG, PNG, TIFF, DOCX, DOC, XLSX, ODT, ZIP, TEXT, MP3, MP4}
)
"""What an upload may be by default (the clerical formats of Decree 30 and Circular 05/2025)."""

# Main-part content types in an OOXML package's [Content_Types].xml.
_OOXML_MAIN_PARTS: tuple[tuple[str, str], ...] = (
    ("wordprocessingml.document.main+xml", DOCX),
    ("spreadsheetml.sheet.main+xml", XLSX),
    ("presentationml.presentation.main+xml", PPTX),
    ("ms-word.document.macroEnabled.main+xml", "application/vnd.ms-word.document.macroEnabled.12"),
    ("ms-excel.sheet.macroEnabled.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.12"),
)
# What libmagic may answer for a ZIP-based package; such files are opened and inspected.
_ZIP_FAMILY = frozenset(
    {ZIP, "application/octet-stream", DOCX, XLSX, PPTX, ODT, "application/x-zip-compressed"}
)
_MAX_MANIFEST_BYTES = 1024 * 1024
_MAX_MIMETYPE_BYTES = 200
_ALIASES = {"audio/mp3": MP3, "audio/x-mp3": MP3, "image/jpg": JPEG, "image/pjpeg": JPEG}


def media_type_detect(path: Path) -> str:
    """Return the media type of the file at ``path``, found from its bytes."""
    detected = str(magic.from_file(str(path), mime=True))
    if detected in _ZIP_FAMILY and zipfile.is_zipfile(path):
        return _zip_media_type(path)
    return _ALIASES.get(detected, detected)


def _zip_media_type(path: Path) -> str:
    """Tell OOXML (DOCX, XLSX…) and ODF packages from a plain ZIP by their manifests."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                manifest = _read_member(archive, "[Content_Types].xml", _MAX_MANIFEST_BYTES)
                for marker, media_type in _OOXML_MAIN_PARTS:
                    if marker in manifest:
                        return media_type
            if "mimetype" in names:
                declared = _read_member(archive, "mimetype", _MAX_MIMETYPE_BYTES).strip()
                if declared.startswith("application/vnd.oasis.opendocument."):
                    return declared
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, RuntimeError):
        return ZIP
    return ZIP


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> str:
    """Read at most ``limit`` bytes of one member (a ZIP bomb cannot inflate further)."""
    with archive.open(name) as member:
        return member.read(limit).decode("utf-8", errors="replace")
