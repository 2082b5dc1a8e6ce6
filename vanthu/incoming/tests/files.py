"""Helpers of the incoming file tests: an isolated blob store and small real files."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.storage import blob_store
from vanthu.documents.blobs import blob_storage

__all__ = ["blob_store", "pdf_bytes", "stored_objects", "upload"]


def pdf_bytes(text: str = "scan") -> bytes:
    """Return a small valid PDF whose bytes differ with ``text``."""
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        + f"% {text}\n".encode()
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def upload(content: bytes, name: str = "ban-quet.pdf") -> SimpleUploadedFile:
    """Return an uploaded file (what a view or the API hands to a service)."""
    return SimpleUploadedFile(name, content)


def stored_objects() -> set[str]:
    """Return the keys of every stored blob object (the staging folder excluded)."""

    def walk(folder: str) -> set[str]:
        directories, files = blob_storage().listdir(folder)
        keys = {f"{folder}{name}" for name in files}
        for directory in directories:
            if directory != ".incoming":
                keys |= walk(f"{folder}{directory}/")
        return keys

    return walk("")
