"""The blob store, run against the local folder and against S3 (moto_server on loopback)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.documents import mediatypes, uploads
from vanthu.documents.blobs import blob_key, blob_open, blob_storage
from vanthu.documents.errors import (
    UploadEmptyError,
    UploadTooLargeError,
    UploadTypeNotAllowedError,
)
from vanthu.documents.models import Blob
from vanthu.documents.tests import samples
from vanthu.documents.tests.conftest import stored_keys
from vanthu.documents.uploads import blob_store_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blob_backend")]


class BrokenReader:
    """A client that disconnects after sending some bytes."""

    def __init__(self, data: bytes, fail_after: int) -> None:
        self._stream = io.BytesIO(data)
        self._fail_after = fail_after

    def read(self, size: int, /) -> bytes:
        if self._stream.tell() >= self._fail_after:
            raise ConnectionResetError("client went away")
        return self._stream.read(min(size, self._fail_after - self._stream.tell()))


def _nothing_left(settings: Any) -> bool:
    """True when no blob row, no stored object and no staged temporary file remain."""
    staged = list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir())
    incoming = Path(blob_storage().path("")) / ".incoming" if _on_disk() else None
    if incoming is not None and incoming.exists():
        staged += list(incoming.iterdir())
    return not Blob.objects.exists() and not stored_keys() and not staged


def _on_disk() -> bool:
    return type(blob_storage()).__name__ == "FileSystemStorage"


class TestStore:
    def test_pdf_is_stored_under_its_sha256(self, clerk: User) -> None:
        blob = blob_store_upload(
            actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="Quyết định 12.pdf"
        )
        sha = hashlib.sha256(samples.PDF_BYTES).hexdigest()
        assert (blob.sha256, blob.size, blob.media_type) == (
            sha,
            len(samples.PDF_BYTES),
            "application/pdf",
        )
        assert blob.storage_key == f"{sha[:2]}/{sha[2:4]}/{sha}" == blob_key(sha)
        assert stored_keys() == {blob.storage_key}
        with blob_open(blob) as stream:
            assert stream.read() == samples.PDF_BYTES
        event = AuditEvent.objects.get(action="documents.blob_stored")
        assert event.data["filename"] == "Quyết định 12.pdf"
        assert event.data["created"] is True

    def test_same_content_is_stored_once(self, clerk: User) -> None:
        first = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        again = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="b")
        assert again.pk == first.pk
        assert Blob.objects.count() == 1
        assert stored_keys() == {first.storage_key}
        events = AuditEvent.objects.filter(action="documents.blob_stored").order_by("id")
        assert [e.data["created"] for e in events] == [True, False]

    def test_large_upload_streams_in_chunks(self, clerk: User) -> None:
        data = samples.TEXT_BYTES * 100_000  # ~3.7 MB: several chunks
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(data), filename="dai.txt")
        assert blob.size == len(data)
        assert blob.sha256 == hashlib.sha256(data).hexdigest()
        with blob_open(blob) as stream:
            assert hashlib.sha256(stream.read()).hexdigest() == blob.sha256

    def test_missing_object_is_rewritten_by_the_next_upload(self, clerk: User) -> None:
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        blob_storage().delete(blob.storage_key)
        blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        with blob_open(blob) as stream:
            assert stream.read() == samples.PDF_BYTES

    def test_partial_object_without_row_is_replaced(self, clerk: User) -> None:
        sha = hashlib.sha256(samples.PDF_BYTES).hexdigest()
        storage = blob_storage()
        storage.save(blob_key(sha), io.BytesIO(samples.PDF_BYTES[:10]))
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        with blob_open(blob) as stream:
            assert stream.read() == samples.PDF_BYTES


class TestTypes:
    @pytest.mark.parametrize(
        ("make", "expected"),
        [
            (samples.docx_bytes, mediatypes.DOCX),
            (samples.xlsx_bytes, mediatypes.XLSX),
            (samples.odt_bytes, mediatypes.ODT),
            (samples.zip_bytes, mediatypes.ZIP),
            (samples.png_bytes, mediatypes.PNG),
            (lambda: samples.TEXT_BYTES, mediatypes.TEXT),
        ],
    )
    def test_type_comes_from_content(
        self, clerk: User, make: Callable[[], bytes], expected: str
    ) -> None:
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(make()), filename="tep.bin")
        assert blob.media_type == expected

    @pytest.mark.parametrize(
        ("data", "filename"),
        [
            (samples.EXE_BYTES, "cong-van.pdf"),
            (samples.HTML_BYTES, "to-trinh.docx"),
            (samples.docm_bytes(), "macro.docx"),
        ],
    )
    def test_disallowed_content_is_refused_whatever_its_name(
        self, clerk: User, settings: Any, data: bytes, filename: str
    ) -> None:
        with pytest.raises(UploadTypeNotAllowedError) as caught:
            blob_store_upload(actor=clerk, fileobj=io.BytesIO(data), filename=filename)
        assert (caught.value.code, caught.value.status) == ("upload_type_not_allowed", 415)
        assert "không được phép" in caught.value.message
        assert _nothing_left(settings)

    def test_caller_can_narrow_the_allowed_types(self, clerk: User, settings: Any) -> None:
        with pytest.raises(UploadTypeNotAllowedError):
            blob_store_upload(
                actor=clerk,
                fileobj=io.BytesIO(samples.docx_bytes()),
                filename="a.docx",
                allowed_types={mediatypes.PDF},
            )
        assert _nothing_left(settings)


class TestFailures:
    def test_too_large_is_refused_and_nothing_stored(self, clerk: User, settings: Any) -> None:
        settings.VANTHU_MAX_UPLOAD_BYTES = 1000
        with pytest.raises(UploadTooLargeError) as caught:
            blob_store_upload(actor=clerk, fileobj=io.BytesIO(b"a" * 1001), filename="to.txt")
        assert (caught.value.code, caught.value.status) == ("upload_too_large", 413)
        assert "1.000" in caught.value.message
        assert _nothing_left(settings)
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(b"a" * 1000), filename="ok.txt")
        assert blob.size == 1000

    def test_empty_upload_is_refused(self, clerk: User, settings: Any) -> None:
        with pytest.raises(UploadEmptyError):
            blob_store_upload(actor=clerk, fileobj=io.BytesIO(b""), filename="rong.pdf")
        assert _nothing_left(settings)

    def test_interrupted_stream_leaves_nothing(self, clerk: User, settings: Any) -> None:
        reader = BrokenReader(samples.TEXT_BYTES * 100_000, fail_after=1_500_000)
        with pytest.raises(ConnectionResetError):
            blob_store_upload(actor=clerk, fileobj=reader, filename="dut.txt")
        assert _nothing_left(settings)
        assert not AuditEvent.objects.filter(action="documents.blob_stored").exists()

    def test_failure_after_the_write_removes_the_new_object(
        self, clerk: User, settings: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Fault injection: the audit write fails after the object was stored.
        def crash(**_kwargs: object) -> None:
            raise RuntimeError("database went away")

        monkeypatch.setattr(uploads, "_audit", crash)
        with pytest.raises(RuntimeError):
            blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        assert _nothing_left(settings)

    def test_failure_never_removes_an_object_a_row_references(
        self, clerk: User, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")

        def crash(**_kwargs: object) -> None:
            raise RuntimeError("database went away")

        monkeypatch.setattr(uploads, "_audit", crash)
        with pytest.raises(RuntimeError):
            blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="b")
        assert Blob.objects.get() == blob
        with blob_open(blob) as stream:
            assert stream.read() == samples.PDF_BYTES

    def test_lost_object_reads_as_file_not_found(self, clerk: User) -> None:
        blob = blob_store_upload(actor=clerk, fileobj=io.BytesIO(samples.PDF_BYTES), filename="a")
        blob_storage().delete(blob.storage_key)
        with pytest.raises(FileNotFoundError):
            blob_open(blob)
