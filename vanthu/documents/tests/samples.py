"""Small real files of each kind, built in memory, for upload tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
TEXT_BYTES = "Kính gửi: Sở Nội vụ tỉnh Kiên Giang.\n".encode()

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="application/vnd.{main}"/></Types>'
)


def png_bytes() -> bytes:
    """Return a valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def ooxml_bytes(main: str, part: str) -> bytes:
    """Return a minimal OOXML package whose main part is of type ``application/vnd.<main>``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(part=part, main=main))
        archive.writestr(part, "<root/>")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return ooxml_bytes(
        "openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"
    )


def xlsx_bytes() -> bytes:
    return ooxml_bytes(
        "openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"
    )


def docm_bytes() -> bytes:
    return ooxml_bytes("ms-word.document.macroEnabled.main+xml", "word/document.xml")


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bien-ban.txt", "Biên bản giao nhận")
    return buffer.getvalue()
