"""``manage.py fixity_check`` on the local folder and on S3: flip a byte, delete a blob."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from vanthu.accounts.models import User
from vanthu.audit.models import AuditEvent
from vanthu.documents.blobs import blob_storage
from vanthu.documents.fixity import FixityStatus, blob_verify
from vanthu.documents.models import Blob
from vanthu.documents.tests import samples
from vanthu.documents.uploads import blob_store_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blob_backend")]


def _store_three(clerk: User) -> list[Blob]:
    contents = [samples.PDF_BYTES, samples.png_bytes(), samples.TEXT_BYTES * 3]
    return [
        blob_store_upload(actor=clerk, fileobj=io.BytesIO(data), filename=f"{n}")
        for n, data in enumerate(contents)
    ]


def _flip_one_byte(blob: Blob) -> None:
    storage = blob_storage()
    with storage.open(blob.storage_key, "rb") as handle:
        data = bytearray(handle.read())
    data[len(data) // 2] ^= 0x01
    storage.delete(blob.storage_key)
    assert storage.save(blob.storage_key, ContentFile(bytes(data))) == blob.storage_key


def test_all_intact(clerk: User, capsys: pytest.CaptureFixture[str]) -> None:
    blobs = _store_three(clerk)
    call_command("fixity_check", batch_size=2)
    out = capsys.readouterr().out
    assert "Đã kiểm tra 3 tệp: 0 thiếu, 0 hỏng." in out
    assert all(blob_verify(b).status == FixityStatus.OK for b in blobs)
    event = AuditEvent.objects.get(action="documents.fixity_checked")
    assert event.data == {"checked": 3, "missing": 0, "corrupted": 0}


def test_reports_flipped_and_deleted_blobs(clerk: User, capsys: pytest.CaptureFixture[str]) -> None:
    intact, damaged, lost = _store_three(clerk)
    _flip_one_byte(damaged)
    blob_storage().delete(lost.storage_key)

    with pytest.raises(CommandError) as caught:
        call_command("fixity_check", batch_size=1)

    assert caught.value.returncode == 1
    assert str(caught.value) == "Đã kiểm tra 3 tệp: 1 thiếu, 1 hỏng."
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(
        ["HỎNG", "THIẾU"], key=lambda word: {"HỎNG": damaged.pk, "THIẾU": lost.pk}[word]
    )
    assert any(damaged.sha256 in line and line.startswith("HỎNG") for line in lines)
    assert any(lost.sha256 in line and line.startswith("THIẾU") for line in lines)
    assert intact.sha256 not in out
    assert blob_verify(damaged).status == FixityStatus.CORRUPTED
    assert blob_verify(lost).status == FixityStatus.MISSING


def test_truncated_blob_is_corrupted(clerk: User) -> None:
    blob = _store_three(clerk)[0]
    storage = blob_storage()
    storage.delete(blob.storage_key)
    storage.save(blob.storage_key, ContentFile(samples.PDF_BYTES[:-1]))
    result = blob_verify(blob)
    assert result.status == FixityStatus.CORRUPTED
    assert result.actual_size == blob.size - 1
