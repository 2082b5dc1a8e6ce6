"""Store an upload as a Blob: stream to a temporary file, check, hash, then move into place."""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.audit.services import record
from vanthu.documents.blobs import (
    CHUNK_SIZE,
    Readable,
    blob_key,
    key_delete,
    key_put,
    staging_dir,
)
from vanthu.documents.errors import (
    UploadEmptyError,
    UploadTooLargeError,
    UploadTypeNotAllowedError,
)
from vanthu.documents.mediatypes import ALLOWED_MEDIA_TYPES, media_type_detect
from vanthu.documents.models import Blob


@dataclass(frozen=True, slots=True)
class StagedUpload:
    """An upload copied to a local temporary file, with its digest and size."""

    path: Path
    sha256: str
    size: int


def blob_store_upload(
    *,
    actor: User | None,
    fileobj: Readable,
    filename: str,
    allowed_types: Collection[str] = ALLOWED_MEDIA_TYPES,
) -> Blob:
    """Store the content read from ``fileobj`` and return its Blob (deduplicated by SHA-256).

    Refuse content over ``VANTHU_MAX_UPLOAD_BYTES`` or of a type outside ``allowed_types``
    (detected from the bytes). A failure at any step leaves no row and no newly written object.
    """
    filename = unicodedata.normalize("NFC", filename)[:255]
    with _staged(fileobj, limit=settings.VANTHU_MAX_UPLOAD_BYTES) as staged:
        media_type = media_type_detect(staged.path)
        if media_type not in allowed_types:
            raise UploadTypeNotAllowedError(
                _("Định dạng tệp “%(name)s” (%(type)s) không được phép tải lên.")
                % {"name": filename, "type": media_type}
            )
        key = blob_key(staged.sha256)
        row_exists = Blob.objects.filter(sha256=staged.sha256).exists()
        wrote = key_put(key=key, path=staged.path, sha256=staged.sha256, trust_existing=row_exists)
        try:
            return _blob_row_save(
                actor=actor, staged=staged, key=key, media_type=media_type, filename=filename
            )
        except BaseException:
            if wrote and not Blob.objects.filter(sha256=staged.sha256).exists():
                key_delete(key)
            raise


@contextmanager
def _staged(fileobj: Readable, *, limit: int) -> Iterator[StagedUpload]:
    """Copy ``fileobj`` to a temporary file while hashing and counting; always clean up."""
    digest = hashlib.sha256()
    size = 0
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115  (closed below, removed in finally)
        dir=staging_dir(), prefix="upload-", suffix=".part", delete=False
    )
    path = Path(handle.name)
    try:
        with handle:
            while chunk := fileobj.read(CHUNK_SIZE):
                size += len(chunk)
                if size > limit:
                    raise UploadTooLargeError(
                        _("Tệp tải lên vượt quá dung lượng cho phép (tối đa %(limit)s byte).")
                        % {"limit": f"{limit:,}".replace(",", ".")}
                    )
                digest.update(chunk)
                handle.write(chunk)
        if size == 0:
            raise UploadEmptyError
        yield StagedUpload(path=path, sha256=digest.hexdigest(), size=size)
    finally:
        path.unlink(missing_ok=True)


def _blob_row_save(
    *, actor: User | None, staged: StagedUpload, key: str, media_type: str, filename: str
) -> Blob:
    """Create the Blob row (or find the existing one) and audit, in one transaction."""
    defaults = {"size": staged.size, "media_type": media_type, "storage_key": key}
    try:
        with transaction.atomic():
            blob, created = Blob.objects.get_or_create(sha256=staged.sha256, defaults=defaults)
            _audit(actor=actor, blob=blob, created=created, filename=filename)
    except IntegrityError:
        # A concurrent upload of the same content committed its row first.
        with transaction.atomic():
            blob = Blob.objects.get(sha256=staged.sha256)
            _audit(actor=actor, blob=blob, created=False, filename=filename)
    return blob


def _audit(*, actor: User | None, blob: Blob, created: bool, filename: str) -> None:
    record(
        action="documents.blob_stored",
        actor=actor,
        target=blob,
        data={
            "sha256": blob.sha256,
            "size": blob.size,
            "media_type": blob.media_type,
            "filename": filename,
            "created": created,
        },
    )
